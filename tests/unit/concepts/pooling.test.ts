import { describe, expect, it } from 'vitest';
import { ParamReader } from '../../../src/lib/deck/params';
import { steps } from '../../../src/lib/concepts/pooling/steps';
import { PoolingModel } from '../../../src/lib/concepts/pooling/model.svelte';
import {
	EXAMPLE_MAP,
	maxText,
	poolSizeText,
	windowValues
} from '../../../src/lib/concepts/pooling/functions';
import { maxPool2d } from '../../../src/lib/kernels/reference';

const reader = (search: string) => new ParamReader(new URLSearchParams(search));

describe('pooling', () => {
	it('has 4 steps with notes', () => {
		expect(steps).toHaveLength(4);
		for (const s of steps) expect((s.notes ?? '').length).toBeGreaterThan(80);
	});
	it('poolSizeText(98, 3, 3): floor "= 32", ceil "= 33" (the deck)', () => {
		expect(poolSizeText(98, 3, 3, false)).toBe('⌊(98 − 3) / 3⌋ + 1 = 32');
		expect(poolSizeText(98, 3, 3, true)).toBe('⌈(98 − 3) / 3⌉ + 1 = 33');
	});
	it('poolSizeText(98, 2, 5, ceil) drops the window that would start at 100 ≥ 98: 20', () => {
		expect(poolSizeText(98, 2, 5, true)).toBe(
			'⌈(98 − 2) / 5⌉ + 1 = 20 (the last window would start outside: 21 − 1)'
		);
	});
	it('the 7×7 example: floor 2×2 = [6 7; 3 8], ceil 3×3 keeps the partial windows (reference maxPool2d)', () => {
		const input = { shape: [1, 7, 7], data: EXAMPLE_MAP };
		expect(Array.from(maxPool2d(input, { size: 3 }).output.data)).toEqual([6, 7, 3, 8]);
		const ceil = maxPool2d(input, { size: 3, ceilMode: true }).output;
		expect(ceil.shape).toEqual([1, 3, 3]);
		expect(Array.from(ceil.data)).toEqual([6, 7, 2, 3, 8, 5, 4, 3, 0]);
	});
	it('windowValues cuts the partial window at the edge: (2, 2) of 7×7 with size 3 is 1×1', () => {
		expect(windowValues(EXAMPLE_MAP, 7, 7, 0, 0, 3, 3).values).toEqual(
			new Float32Array([1, 0, 2, 4, 5, 6, 0, 2, 1])
		);
		const last = windowValues(EXAMPLE_MAP, 7, 7, 2, 2, 3, 3);
		expect([last.rows, last.cols, last.values[0]]).toEqual([1, 1, 0]);
		expect(() => windowValues(new Float32Array(3), 7, 7, 0, 0, 3, 3)).toThrow(/map must hold/);
	});
	it('maxText lists the window: max(1, 0, 2, 4, 5, 6, 0, 2, 1) = 6', () => {
		expect(maxText([1, 0, 2, 4, 5, 6, 0, 2, 1], 6, 0)).toBe('max(1, 0, 2, 4, 5, 6, 0, 2, 1) = 6');
	});
	it('PoolingModel: size=9 is clamped to 5, ceil=1 read; positions clamp into the output and go to the URL', () => {
		const m = new PoolingModel(reader('size=9&stride=3&ceil=1&r=90&c=1'));
		expect([m.size, m.stride, m.ceil]).toEqual([5, 3, true]);
		expect(m.shapeOf(false)).toEqual([32, 32]); // ⌈(98 − 5) / 3⌉ + 1
		expect(m.toParams()).toMatchObject({ size: 5, ceil: true, r: 31, c: 1 });
	});
});
