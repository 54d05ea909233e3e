import { describe, expect, it } from 'vitest';
import { ParamReader } from '../../../src/lib/deck/params';
import { steps } from '../../../src/lib/concepts/discrete-convolution/steps';
import { DiscreteConvolutionModel } from '../../../src/lib/concepts/discrete-convolution/model.svelte';
import {
	lastShift,
	num,
	reversed,
	shiftedStart,
	sumText,
	termsAt
} from '../../../src/lib/concepts/discrete-convolution/functions';
import { convolve1d, flipShiftProducts } from '../../../src/lib/kernels/reference';

const reader = (query: string) => new ParamReader(new URLSearchParams(query));
const f32 = (a: number[]) => new Float32Array(a);

describe('discrete-convolution steps', () => {
	it('steps walk the slide in order: h[k], flip h[−k], shift h[n−k] with products, then the output', () => {
		expect(steps.map((s) => s.kernel)).toEqual(['h[k]', 'h[-k]', 'h[n-k]', 'h[n-k]', 'h[n-k]']);
		expect(steps.map((s) => s.lower)).toEqual(['kernel', 'kernel', 'products', 'output', 'output']);
		expect(steps.map((s) => s.sum)).toEqual([false, false, true, true, true]);
		expect(steps.map((s) => s.player)).toEqual([false, false, true, true, true]);
	});
	it('every step has a title and a narration of one or two sentences', () => {
		for (const s of steps) {
			expect(s.title.length).toBeGreaterThan(3);
			expect(s.narration.split(/[.!?](\s|$)/).filter((x) => x.trim()).length).toBeLessThanOrEqual(2);
		}
	});
});

describe('discrete-convolution functions', () => {
	it('termsAt(x=[1,2,3], h=[0.5,1,0.5], n=2) lists k=0..2 with h[n−k] and the kernel set products', () => {
		const x = f32([1, 2, 3]);
		const h = f32([0.5, 1, 0.5]);
		const P = flipShiftProducts(x, h);
		const terms = termsAt(x, h, 2, P.data.subarray(2 * 3, 3 * 3));
		expect(terms).toEqual([
			{ k: 0, x: 1, h: 0.5, product: 0.5 },
			{ k: 1, x: 2, h: 1, product: 2 },
			{ k: 2, x: 3, h: 0.5, product: 1.5 }
		]);
		expect(sumText(2, terms, convolve1d(x, h)[2])).toBe('y[2] = 1·0.5 + 2·1 + 3·0.5 = 4');
	});
	it('termsAt(x=[1,2,3], h=[1,−1], n=0) has one term and n=3 has only k=2', () => {
		const x = f32([1, 2, 3]);
		const h = f32([1, -1]);
		const P = flipShiftProducts(x, h);
		expect(termsAt(x, h, 0, P.data.subarray(0, 3)).map((t) => t.k)).toEqual([0]);
		const last = termsAt(x, h, 3, P.data.subarray(9, 12));
		expect(last).toEqual([{ k: 2, x: 3, h: -1, product: -3 }]);
		expect(sumText(3, last, -3)).toBe('y[3] = 3·(−1) = −3');
	});
	it('sumText with no terms says there is no overlap; 12 terms keep the first 3 and last 2', () => {
		expect(sumText(9, [], 0)).toBe('y[9] = 0 (no overlap)');
		const terms = Array.from({ length: 12 }, (_, k) => ({ k, x: k, h: 1, product: k }));
		expect(sumText(11, terms, 66)).toBe('y[11] = 0·1 + 1·1 + 2·1 + … + 10·1 + 11·1 = 66');
	});
	it('num(0.1+0.2)=0.3, num(−0)=0, num(−2.5) uses a real minus sign', () => {
		expect(num(0.1 + 0.2)).toBe('0.3');
		expect(num(-0)).toBe('0');
		expect(num(-2.5)).toBe('−2.5');
	});
	it('reversed([1,2,3]) = [3,2,1], shiftedStart(n=4, taps=3) = 2, lastShift(6, 3) = 7', () => {
		expect(Array.from(reversed(f32([1, 2, 3])))).toEqual([3, 2, 1]);
		expect(shiftedStart(4, 3)).toBe(2);
		expect(lastShift(6, 3)).toBe(7);
	});
});

describe('DiscreteConvolutionModel', () => {
	it('new DiscreteConvolutionModel("") starts from the defaults: x=[1,2,3,1,0,2], h=[1,0.5,0.25], n=2', () => {
		const model = new DiscreteConvolutionModel(reader(''));
		expect(Array.from(model.x)).toEqual([1, 2, 3, 1, 0, 2]);
		expect(Array.from(model.h)).toEqual([1, 0.5, 0.25]);
		expect(model.n).toBe(2);
		expect(model.lastShift).toBe(7);
	});
	it('toParams → ParamReader → model round-trips x, h, n and speed', () => {
		const a = new DiscreteConvolutionModel(reader('x=4,5,6&h=1,2,3&n=3&speed=2'));
		const query = new URLSearchParams(a.toParams() as Record<string, string>).toString();
		const b = new DiscreteConvolutionModel(reader(query));
		expect(Array.from(b.x)).toEqual([4, 5, 6]);
		expect(Array.from(b.h)).toEqual([1, 2, 3]);
		expect(b.n).toBe(3);
		expect(b.player.speed).toBe(2);
	});
	it('n=99 is clamped to the last shift and reported; speed=3 snaps to 4', () => {
		const params = reader('n=99&speed=3');
		const model = new DiscreteConvolutionModel(params);
		expect(model.n).toBe(7);
		expect(params.problems).toHaveLength(1);
		expect(model.player.speed).toBe(4);
	});
	it('x=1,abc in the link keeps the default signal and says why', () => {
		const model = new DiscreteConvolutionModel(reader('x=1,abc'));
		expect(Array.from(model.x)).toEqual([1, 2, 3, 1, 0, 2]);
		expect(model.linkProblem).toContain('"abc" (value 2) is not a number');
	});
	it('h with 8 taps is refused (at most 7); taps outside ±9 are clamped', () => {
		expect(new DiscreteConvolutionModel(reader('h=1,1,1,1,1,1,1,1')).linkProblem).toContain('at most 7');
		expect(Array.from(new DiscreteConvolutionModel(reader('h=20,-20')).h)).toEqual([9, -9]);
	});
	it('setShift(2.6) rounds to 3, setShift(−5) clamps to 0; advance() stops at the last shift', () => {
		const model = new DiscreteConvolutionModel(reader('x=1,2&h=1,1'));
		model.setShift(2.6);
		expect(model.n).toBe(2);
		model.setShift(-5);
		expect(model.n).toBe(0);
		expect([model.advance(), model.advance(), model.advance()]).toEqual([true, true, false]);
		expect(model.n).toBe(2);
	});
	it('setTap/addTap/removeTap keep 2..7 taps, ignore NaN and pull n back into range', () => {
		const model = new DiscreteConvolutionModel(reader('x=1,2&h=1,1&n=2'));
		model.setTap(0, NaN);
		model.setTap(1, 3);
		expect(Array.from(model.h)).toEqual([1, 3]);
		model.removeTap();
		expect(model.h.length).toBe(2);
		for (let i = 0; i < 9; i++) model.addTap();
		expect(model.h.length).toBe(7);
		model.setShift(7);
		for (let i = 0; i < 9; i++) model.removeTap();
		expect(model.h.length).toBe(2);
		expect(model.n).toBe(2);
	});
	it('setSignal(5 values) replaces x and clears a link problem', () => {
		const model = new DiscreteConvolutionModel(reader('x=nope,1'));
		model.setSignal(f32([1, 2, 3, 4, 5]));
		expect(model.x.length).toBe(5);
		expect(model.linkProblem).toBeNull();
	});
});
