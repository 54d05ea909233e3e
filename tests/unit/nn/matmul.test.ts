import { describe, expect, it } from 'vitest';
import { matmul } from '$lib/nn/matmul';
import { SIMD_MIN_WORK } from '$lib/nn/matmul-simd';
import { createRng, uniformArray } from '$lib/signal/random';
import fixtures from '../../fixtures/nn.json';

const TOL = 1e-5;
const f32 = (a: number[]) => Float32Array.from(a);
const { m, k, n, A, AT, B, BT, C0, AB, ABplusC0 } = fixtures.matmul;

function expectClose(actual: Float32Array, expected: ArrayLike<number>, tol = TOL) {
	expect(actual.length).toBe(expected.length);
	for (let i = 0; i < expected.length; i++)
		expect(Math.abs(actual[i] - expected[i])).toBeLessThanOrEqual(tol * (1 + Math.abs(expected[i])));
}

describe('matmul against numpy', () => {
	for (const [tA, tB] of [
		[false, false],
		[true, false],
		[false, true],
		[true, true]
	])
		it(`matmul m=${m} k=${k} n=${n} transA=${tA} transB=${tB}`, () => {
			const c = new Float32Array(m * n).fill(99);
			matmul(f32(tA ? AT : A), f32(tB ? BT : B), c, m, k, n, { transA: tA, transB: tB });
			expectClose(c, AB);
		});
	it('matmul accumulate adds into C', () => {
		const c = f32(C0);
		matmul(f32(A), f32(B), c, m, k, n, { accumulate: true });
		expectClose(c, ABplusC0);
	});
});

describe('matmul odd sizes against a plain triple loop', () => {
	for (const [mm, kk, nn] of [
		[1, 1, 1],
		[7, 13, 5],
		[9, 4, 11],
		[32, 9, 17]
	])
		it(`matmul m=${mm} k=${kk} n=${nn} all transposes`, () => {
			const rng = createRng(mm * 100 + kk);
			const a = uniformArray(rng, mm * kk);
			const b = uniformArray(rng, kk * nn);
			const want = new Float64Array(mm * nn);
			for (let i = 0; i < mm; i++)
				for (let j = 0; j < nn; j++)
					for (let p = 0; p < kk; p++) want[i * nn + j] += a[i * kk + p] * b[p * nn + j];
			const at = new Float32Array(kk * mm);
			for (let i = 0; i < mm; i++) for (let p = 0; p < kk; p++) at[p * mm + i] = a[i * kk + p];
			const bt = new Float32Array(nn * kk);
			for (let p = 0; p < kk; p++) for (let j = 0; j < nn; j++) bt[j * kk + p] = b[p * nn + j];
			for (const [tA, tB] of [
				[false, false],
				[true, false],
				[false, true],
				[true, true]
			]) {
				const c = new Float32Array(mm * nn);
				matmul(tA ? at : a, tB ? bt : b, c, mm, kk, nn, { transA: tA, transB: tB });
				expectClose(c, want, 1e-5);
			}
		});
});

describe('matmul on the SIMD GEMM (work ≥ SIMD_MIN_WORK) against a double-precision triple loop', () => {
	for (const [mm, kk, nn] of [
		[37, 61, 70],
		[32, 64, 256],
		[5, 1600, 17],
		[1600, 256, 4]
	])
		it(`matmul m=${mm} k=${kk} n=${nn} all transposes, overwrite and accumulate`, () => {
			expect(mm * kk * nn).toBeGreaterThanOrEqual(SIMD_MIN_WORK);
			const rng = createRng(mm + kk + nn);
			const a = uniformArray(rng, mm * kk);
			const b = uniformArray(rng, kk * nn);
			const c0 = uniformArray(rng, mm * nn);
			const want = new Float64Array(mm * nn);
			for (let i = 0; i < mm; i++)
				for (let p = 0; p < kk; p++)
					for (let j = 0; j < nn; j++) want[i * nn + j] += a[i * kk + p] * b[p * nn + j];
			const at = new Float32Array(kk * mm);
			for (let i = 0; i < mm; i++) for (let p = 0; p < kk; p++) at[p * mm + i] = a[i * kk + p];
			const bt = new Float32Array(nn * kk);
			for (let p = 0; p < kk; p++) for (let j = 0; j < nn; j++) bt[j * kk + p] = b[p * nn + j];
			// f32 sums of up to 1600 terms of size ≤ 1: a few ulps of the sum's magnitude
			const tol = 1e-6 * kk;
			for (const [tA, tB] of [
				[false, false],
				[true, false],
				[false, true],
				[true, true]
			]) {
				const c = new Float32Array(mm * nn).fill(99);
				matmul(tA ? at : a, tB ? bt : b, c, mm, kk, nn, { transA: tA, transB: tB });
				expectClose(c, want, tol);
				const acc = Float32Array.from(c0);
				matmul(tA ? at : a, tB ? bt : b, acc, mm, kk, nn, { transA: tA, transB: tB, accumulate: true });
				expectClose(
					acc,
					want.map((v, i) => v + c0[i]),
					tol
				);
			}
		});
});

describe('matmul argument errors', () => {
	it('matmul rejects a short a, a non-integer m and a plain array', () => {
		expect(() => matmul(new Float32Array(3), new Float32Array(4), new Float32Array(4), 2, 2, 2)).toThrow(
			/a has 3 values, needs 4/
		);
		expect(() => matmul(new Float32Array(4), new Float32Array(4), new Float32Array(4), 1.5, 2, 2)).toThrow(
			RangeError
		);
		expect(() =>
			matmul([1] as unknown as Float32Array, new Float32Array(1), new Float32Array(1), 1, 1, 1)
		).toThrow(TypeError);
	});
});
