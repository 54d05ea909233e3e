import { describe, expect, it } from 'vitest';
import { ParamReader } from '../../../src/lib/deck/params';
import { steps } from '../../../src/lib/concepts/pooling-backward/steps';
import { parseFocus, PoolingBackwardModel } from '../../../src/lib/concepts/pooling-backward/model.svelte';
import {
	accumulationText,
	CELLS,
	DEFAULT_INPUT,
	outputSide,
	routedFrom,
	seededIntegers,
	tiedLosers,
	topLeft,
	total,
	windowCells,
	windowsContaining,
	withTopLeft
} from '../../../src/lib/concepts/pooling-backward/functions';
import { maxPool2d, maxPool2dBackward } from '../../../src/lib/kernels/reference';

const reader = (query: string) => new ParamReader(new URLSearchParams(query));
const map = (values: ArrayLike<number>) => ({ shape: [1, 6, 6], data: Float32Array.from(values) });

describe('pooling-backward steps', () => {
	it('steps: forward, one route, all routes, ties, overlap (size 3 stride 1), own numbers; each has notes', () => {
		expect(steps.map((s) => s.backward)).toEqual([false, true, true, true, true, true]);
		expect(steps.map((s) => s.arrows)).toEqual(['focus', 'focus', 'all', 'focus', 'all', 'all']);
		expect(steps[4].preset).toEqual({ size: 3, stride: 1, focus: 'i21' });
		for (const s of steps) expect(s.notes?.length ?? 0).toBeGreaterThan(80);
	});
});

describe('pooling-backward functions', () => {
	it('outputSide(6×6, size 2 stride 2) = 3; size 3 stride 1 = 4; size 3 stride 2 = 2; size 4 stride 4 = 1', () => {
		expect(outputSide({ size: 2, stride: 2 })).toBe(3);
		expect(outputSide({ size: 3, stride: 1 })).toBe(4);
		expect(outputSide({ size: 3, stride: 2 })).toBe(2);
		expect(outputSide({ size: 4, stride: 4 })).toBe(1);
	});
	it('windowCells(o=4, size 2 stride 2) = rows 2–3, cols 2–3 in row-major order; o=9 is a RangeError', () => {
		expect(windowCells(4, { size: 2, stride: 2 })).toEqual([14, 15, 20, 21]);
		expect(windowCells(0, { size: 3, stride: 1 })).toEqual([0, 1, 2, 6, 7, 8, 12, 13, 14]);
		expect(() => windowCells(9, { size: 2, stride: 2 })).toThrow(RangeError);
		expect(() => windowCells(0, { size: 0, stride: 1 })).toThrow(/pool.size/);
	});
	it('windowsContaining(cell (3,3), size 3 stride 1) = the 9 windows at rows/cols 1–3', () => {
		expect(windowsContaining(21, { size: 3, stride: 1 })).toEqual([5, 6, 7, 9, 10, 11, 13, 14, 15]);
		expect(windowsContaining(21, { size: 2, stride: 2 })).toEqual([4]);
	});
	it('the default map: window 1 (2×2) ties two 7s, the first in row-major order wins (cell (0,3))', () => {
		const pool = { size: 2, stride: 2 };
		const { argmax } = maxPool2d(map(DEFAULT_INPUT), pool);
		expect(argmax[1]).toBe(3);
		expect(tiedLosers(1, pool, DEFAULT_INPUT, argmax)).toEqual([8]);
		expect(argmax[5]).toBe(16);
		expect(tiedLosers(5, pool, DEFAULT_INPUT, argmax)).toEqual([17]);
		expect(tiedLosers(0, pool, DEFAULT_INPUT, argmax)).toEqual([]);
	});
	it('routing sums: Σ∂L/∂x = Σ∂L/∂y for every size 2–4 and stride 1–4 on a seeded map', () => {
		const x = seededIntegers(11, CELLS, 0, 9);
		for (let size = 2; size <= 4; size++) {
			for (let stride = 1; stride <= 4; stride++) {
				const side = outputSide({ size, stride });
				const { argmax } = maxPool2d(map(x), { size, stride });
				const g = seededIntegers(size * 10 + stride, side * side, -3, 3);
				const dx = maxPool2dBackward({ shape: [1, side, side], data: g }, argmax, [1, 6, 6]);
				expect(total(dx.data)).toBe(total(g));
				for (let i = 0; i < CELLS; i++) {
					const from = routedFrom(i, argmax);
					expect(dx.data[i]).toBe(total(from.map((o) => g[o])));
				}
			}
		}
	});
	it('overlap on the default map (size 3 stride 1): the 9 at (3,3) wins all 9 windows that contain it', () => {
		const { argmax } = maxPool2d(map(DEFAULT_INPUT), { size: 3, stride: 1 });
		expect(routedFrom(21, argmax)).toEqual([5, 6, 7, 9, 10, 11, 13, 14, 15]);
	});
	it('accumulationText writes the routed terms and the sum; a cell that won nothing is 0', () => {
		expect(accumulationText(21, [5, 6], [0, 0, 0, 0, 0, 2, -1], 1)).toBe('∂L/∂x(3, 3) = 2 + (−1) = 1');
		expect(accumulationText(7, [0], [4], 4)).toBe('∂L/∂x(1, 1) = 4');
		expect(accumulationText(7, [], [], 0)).toBe('∂L/∂x(1, 1) = 0: it won no window');
	});
	it('topLeft/withTopLeft keep the rest of the 6×6 buffer', () => {
		const buffer = Float32Array.from({ length: 36 }, (_, i) => i);
		expect([...topLeft(buffer, 2)]).toEqual([0, 1, 6, 7]);
		const next = withTopLeft(buffer, [9, 9, 9, 9], 2);
		expect([...next.slice(0, 8)]).toEqual([9, 9, 2, 3, 4, 5, 9, 9]);
		expect(() => withTopLeft(buffer, [1], 2)).toThrow(RangeError);
	});
});

describe('pooling-backward model', () => {
	it('opens with the step preset when the link has no pool, and the link when it has one', () => {
		const preset = { size: 3, stride: 1, focus: 'i21' };
		const m = new PoolingBackwardModel(reader(''), preset);
		expect([m.size, m.stride, m.outSide]).toEqual([3, 1, 4]);
		expect(m.focus).toEqual({ side: 'in', index: 21 });
		const n = new PoolingBackwardModel(reader('size=2&stride=2&focus=o5'), preset);
		expect([n.size, n.stride, n.focus.index]).toEqual([2, 2, 5]);
	});
	it('toParams reopens the same view: x, g (visible block), size, stride, seed, focus', () => {
		const m = new PoolingBackwardModel(reader('size=3&stride=2'));
		m.setInput(0, 4.6);
		m.setGradient(3, -2);
		m.setFocus('in', 7);
		const params = m.toParams();
		expect(params.g).toBe('1,2,-2,-2');
		expect(String(params.x).startsWith('5,3,')).toBe(true);
		const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
		const again = new PoolingBackwardModel(new ParamReader(query));
		expect(again.toParams()).toEqual(params);
	});
	it('a link with 5 values for x or "o99" for focus is reported, not used', () => {
		const m = new PoolingBackwardModel(reader('x=1,2,3,4,5&focus=o99'));
		expect(m.linkProblem).toMatch(/x in the link has 5 values; this view needs 36/);
		expect([...m.input]).toEqual(DEFAULT_INPUT);
		const f = new PoolingBackwardModel(reader('focus=o99'));
		expect(f.linkProblem).toMatch(/focus="o99"/);
		expect(parseFocus('i35', 9)).toEqual({ side: 'in', index: 35 });
		expect(parseFocus('i36', 9)).toBeNull();
	});
	it('setPool(4, 4) shrinks the output to 1×1 and moves the focus inside it; moveFocus clamps', () => {
		const m = new PoolingBackwardModel(reader('focus=o8'));
		m.setPool(4, 4);
		expect(m.focus).toEqual({ side: 'out', index: 0 });
		m.setPool(2, 2);
		m.moveFocus(5, 0);
		expect(m.focus.index).toBe(2);
		m.moveFocus(0, -1);
		expect(m.focus.index).toBe(5);
	});
	it('newNumbers() draws seeded whole numbers 0–9 and gradients −3…3, the same for the same seed', () => {
		const a = new PoolingBackwardModel(reader('seed=4'));
		const b = new PoolingBackwardModel(reader('seed=4'));
		a.newNumbers();
		b.newNumbers();
		expect(a.seed).toBe(5);
		expect(a.input).toEqual(b.input);
		expect(a.input.every((v) => Number.isInteger(v) && v >= 0 && v <= 9)).toBe(true);
		expect(a.gradient.every((v) => v >= -3 && v <= 3)).toBe(true);
	});
	it('typeKey: "7" on x(0,0) sets 7, "-" flips it; ∂L/∂y takes keys only while shown', () => {
		const m = new PoolingBackwardModel(reader('focus=i0'));
		expect(m.typeKey('7', false)).toBe(true);
		expect(m.input[0]).toBe(7);
		m.typeKey('-', false);
		m.typeKey('3', false);
		expect(m.input[0]).toBe(-3);
		expect(m.typeKey('a', true)).toBe(false);
		m.setFocus('out', 0);
		expect(m.typeKey('5', false)).toBe(false);
		expect(m.typeKey('5', true)).toBe(true);
		expect(m.gradient[0]).toBe(5);
	});
});
