/**
 * The js max pool (wasm/maxpool.ts SIMD for full windows, js-maxpool.ts loops for the rest, and
 * the loops alone where SIMD is missing) against the reference: values and argmax exactly, on data
 * with ties, NaN (the first wins), ±∞ and ±0, over sizes, strides (1, 2, 3 and the lane gather of
 * larger ones), rows of full windows that are and are not a multiple of four, ceil mode and batches.
 */
import { describe, expect, it, vi } from 'vitest';
import { maxPool, maxPoolArgmax } from '../../../src/lib/kernels/js-maxpool';
import * as reference from '../../../src/lib/kernels/reference';
import { poolGeometry } from '../../../src/lib/kernels/shape';
import { createRng } from '../../../src/lib/signal';

const simd = vi.hoisted(() => ({ off: false }));
vi.mock('../../../src/lib/kernels/wasm/maxpool', async (load) => {
	const real = await load<typeof import('../../../src/lib/kernels/wasm/maxpool')>();
	return {
		...real,
		wasmMaxPool: (size: number, stride: number) => (simd.off ? null : real.wasmMaxPool(size, stride))
	};
});

const rng = createRng(20261203);

/** Small integers (many ties) with NaN and ±∞ sprinkled in. */
function awkward(n: number): Float32Array {
	return Float32Array.from({ length: n }, () => {
		const u = rng();
		if (u < 0.03) return NaN;
		if (u < 0.05) return Infinity;
		if (u < 0.07) return -Infinity;
		if (u < 0.1) return -0; // ties with +0: the first of the two wins, sign included
		return Math.floor(rng() * 5) - 2;
	});
}

const cases: [number[], number, number, boolean][] = [
	[[8, 98, 98], 3, 3, false],
	[[32, 8, 26, 26], 2, 2, false],
	[[3, 11, 17], 2, 1, true],
	[[2, 13, 9], 3, 2, true],
	[[4, 10, 23], 4, 3, false],
	[[1, 9, 31], 5, 5, true],
	[[2, 7, 40], 1, 1, false],
	[[2, 12, 12], 6, 2, false],
	[[3, 14, 29], 2, 3, false],
	[[2, 17, 35], 3, 4, true],
	[[5, 7, 31], 2, 2, true],
	[[2, 9, 9], 3, 1, false],
	[[4, 6, 7], 2, 2, false],
	[[2, 1, 6], 1, 1, false]
];

for (const off of [false, true]) {
	describe(off ? 'js max pool without WebAssembly SIMD' : 'js max pool on WebAssembly SIMD', () => {
		for (const [shape, size, stride, ceilMode] of cases) {
			it(`maxPoolArgmax x=[${shape}] size=${size} stride=${stride} ${ceilMode ? 'ceil' : 'floor'} with ties, NaN, ±∞`, () => {
				simd.off = off;
				const x = { shape, data: awkward(shape.reduce((a, b) => a * b, 1)) };
				const want = reference.maxPool2d(x, { size, stride, ceilMode });
				const [H, W] = shape.slice(-2);
				const channels = shape.slice(0, -2).reduce((a, b) => a * b, 1);
				const both = maxPoolArgmax(x.data, poolGeometry([channels, H, W], size, stride, ceilMode));
				const cells = want.argmax.length;
				expect(both.length).toBe(2 * cells);
				const argmax = new Int32Array(both.buffer, both.byteOffset + 4 * cells, cells);
				expect(Array.from(argmax)).toEqual(Array.from(want.argmax));
				expect(Array.from(both.subarray(0, cells))).toEqual(Array.from(want.output.data));
			});
			it(`maxPool (values only) x=[${shape}] size=${size} stride=${stride} ${ceilMode ? 'ceil' : 'floor'} with ties, NaN, ±∞`, () => {
				simd.off = off;
				const x = { shape, data: awkward(shape.reduce((a, b) => a * b, 1)) };
				const want = reference.maxPool2d(x, { size, stride, ceilMode });
				const [H, W] = shape.slice(-2);
				const channels = shape.slice(0, -2).reduce((a, b) => a * b, 1);
				const values = maxPool(x.data, poolGeometry([channels, H, W], size, stride, ceilMode));
				expect(Array.from(values)).toEqual(Array.from(want.output.data));
			});
		}
	});
}

describe('js max pool on WebAssembly SIMD: windows decided by their order', () => {
	// one row of four 2×2 windows (the SIMD group), each built to test one rule
	const row0 = [-0, 0, 1, NaN, 5, 7, -Infinity, -Infinity];
	const row1 = [0, -0, NaN, 9, 7, 5, -Infinity, -Infinity];
	const x = { shape: [1, 2, 8], data: Float32Array.from([...row0, ...row1]) };
	const g = poolGeometry([1, 2, 8], 2, 2, false);

	it('maxPoolArgmax size=2 stride=2: -0 before +0 stays -0, the first NaN wins, the first of equal maxima, all -∞', () => {
		simd.off = false;
		const both = maxPoolArgmax(x.data, g);
		expect(Array.from(new Int32Array(both.buffer, both.byteOffset + 16, 4))).toEqual([0, 3, 5, 6]);
		expect(Array.from(both.subarray(0, 4))).toEqual([-0, NaN, 7, -Infinity]);
		expect(Object.is(both[0], -0)).toBe(true);
	});

	it('maxPool size=2 stride=2 gives the same values', () => {
		simd.off = false;
		const values = maxPool(x.data, g);
		expect(Array.from(values)).toEqual([-0, NaN, 7, -Infinity]);
		expect(Object.is(values[0], -0)).toBe(true);
	});
});
