import { describe, expect, it } from 'vitest';
import { ParamReader } from '../../../src/lib/deck/params';
import { steps } from '../../../src/lib/concepts/correlation/steps';
import { CorrelationModel } from '../../../src/lib/concepts/correlation/model.svelte';
import { isEven, maxDifference, presetOf, PRESETS } from '../../../src/lib/concepts/correlation/functions';
import { reversed } from '../../../src/lib/concepts/discrete-convolution/functions';
import { convolve1d, correlate1d, flipShiftProducts } from '../../../src/lib/kernels/reference';

const reader = (query: string) => new ParamReader(new URLSearchParams(query));
const f32 = (a: readonly number[]) => new Float32Array(a);
const X = f32([0, 1, 0, 0, 1, 2, 3, 0, 0]);

describe('correlation steps', () => {
	it('steps: asymmetric, even, asymmetric, own kernel, the CNN statement last', () => {
		expect(steps.map((s) => s.preset)).toEqual(['asymmetric', 'even', 'asymmetric', null, null]);
		expect(steps.map((s) => s.editor)).toEqual([false, false, false, true, false]);
		expect(steps.at(-1)?.cnnNote).toBe(true);
		expect(steps.at(-1)?.narration).toContain('when we say convolution we mean cross-correlation');
	});
});

describe('correlation functions and the identities the slide states', () => {
	it('isEven([1,2,1]) true, isEven([1,2,3]) false; presetOf recognises both presets only', () => {
		expect(isEven(f32([1, 2, 1]))).toBe(true);
		expect(isEven(f32([1, 2, 3]))).toBe(false);
		expect(presetOf(f32([1, 2, 3]))).toBe('asymmetric');
		expect(presetOf(f32([1, 2, 1]))).toBe('even');
		expect(presetOf(f32([1, 2, 2]))).toBeNull();
	});
	it('even kernel [1,2,1]: convolve1d(x, h) equals correlate1d(x, h) (reference)', () => {
		const h = f32(PRESETS.even);
		expect(maxDifference(convolve1d(X, h), correlate1d(X, h))).toBe(0);
	});
	it('asymmetric [1,2,3]: outputs differ, and correlate1d(x, h) = convolve1d(x, flip h)', () => {
		const h = f32(PRESETS.asymmetric);
		expect(maxDifference(convolve1d(X, h), correlate1d(X, h))).toBeGreaterThan(1);
		expect(maxDifference(correlate1d(X, h), convolve1d(X, reversed(h)))).toBe(0);
	});
	it('correlation with [1,2,3] peaks (14) where x holds 1,2,3 (window ending at n=6)', () => {
		const y = correlate1d(X, f32(PRESETS.asymmetric));
		expect(Math.max(...y)).toBe(14);
		expect(y.indexOf(14)).toBe(6);
	});
	it('flipShiftProducts(x, flip h) row n holds the correlation products: row 5 sums to y[5] = 8', () => {
		const h = f32(PRESETS.asymmetric);
		const P = flipShiftProducts(X, reversed(h));
		const row = P.data.subarray(5 * X.length, 6 * X.length);
		expect(row.reduce((a, b) => a + b, 0)).toBe(correlate1d(X, h)[5]);
		expect(correlate1d(X, h)[5]).toBe(8);
	});
});

describe('CorrelationModel', () => {
	it('defaults: x holds the pattern once, h = [1,2,3], n = 5', () => {
		const m = new CorrelationModel(reader(''));
		expect(Array.from(m.x)).toEqual(Array.from(X));
		expect(Array.from(m.h)).toEqual([1, 2, 3]);
		expect(m.n).toBe(5);
	});
	it('toParams → ParamReader → model round-trips x, h and n', () => {
		const a = new CorrelationModel(reader('x=1,2,3,4&h=1,-1&n=3'));
		const b = new CorrelationModel(
			reader(new URLSearchParams(a.toParams() as Record<string, string>).toString())
		);
		expect(b.toParams()).toEqual(a.toParams());
		expect(b.toParams()).toEqual({ x: '1,2,3,4', h: '1,-1', n: 3 });
	});
	it('n=50 is clamped to N + M − 2 = 10 and reported; h=1,x is refused with a reason', () => {
		const params = reader('n=50&h=1,x');
		const m = new CorrelationModel(params);
		expect(m.n).toBe(10);
		expect(params.problems).toHaveLength(1);
		expect(m.linkProblem).toContain('"x" (value 2)');
	});
	it('showPreset(even) replaces a preset kernel; a user-typed kernel [2,5] is kept', () => {
		const m = new CorrelationModel(reader(''));
		m.showPreset('even');
		expect(Array.from(m.h)).toEqual([1, 2, 1]);
		m.setTap(1, 5);
		m.setTap(2, 2);
		m.showPreset('asymmetric');
		expect(Array.from(m.h)).toEqual([1, 5, 2]);
		m.showPreset(null);
		expect(Array.from(m.h)).toEqual([1, 5, 2]);
	});
	it('addTap/removeTap keep 2..7 taps and clamp n; setTap ignores NaN and clamps to ±9', () => {
		const m = new CorrelationModel(reader('n=10'));
		m.setTap(0, NaN);
		m.setTap(0, 50);
		expect(m.h[0]).toBe(9);
		for (let i = 0; i < 9; i++) m.addTap();
		expect(m.h.length).toBe(7);
		m.setShift(14);
		for (let i = 0; i < 9; i++) m.removeTap();
		expect(m.h.length).toBe(2);
		expect(m.n).toBe(9);
	});
});
