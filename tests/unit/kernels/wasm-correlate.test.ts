/**
 * The f64x2 WebAssembly correlation behind the 'js' correlate1d and matchedFilter
 * (src/lib/kernels/wasm/correlate.ts): bit for bit equal to the same sums in scalar double
 * precision, on lengths that are and are not multiples of the tile, with NaN and ∞, and with
 * memory that grows and is then reused by smaller calls.
 */
import { describe, expect, it } from 'vitest';
import { correlateModule, createWasmCorrelate, wasmCorrelate } from '../../../src/lib/kernels/wasm/correlate';
import { createRng, gaussianNoise } from '../../../src/lib/signal';

const rng = createRng(20261202);
const noise = (n: number) => gaussianNoise(rng, n);

/** The valid correlation summed in tap order in double precision: what the kernel must reproduce exactly. */
function scalarValid(x: Float32Array, t: Float32Array): Float64Array {
	const out = new Float64Array(x.length - t.length + 1);
	for (let i = 0; i < out.length; i++) {
		let s = 0;
		for (let k = 0; k < t.length; k++) s += t[k] * x[i + k];
		out[i] = s;
	}
	return out;
}

function expectSame(got: ArrayLike<number>, want: ArrayLike<number>) {
	expect(got.length).toBe(want.length);
	for (let i = 0; i < want.length; i++)
		if (!Object.is(got[i], want[i])) expect.fail(`[${i}] ${got[i]} ≠ ${want[i]}`);
}

it('WebAssembly SIMD is present in node, so the js backend runs this kernel', () => {
	expect(WebAssembly.validate(correlateModule() as BufferSource)).toBe(true);
	expect(wasmCorrelate()).not.toBeNull();
});

for (const nv of [1, 6]) {
	describe(`correlation kernel with ${2 * nv}-output tiles equals the scalar double sums exactly`, () => {
		for (const [n, m] of [
			[1, 1],
			[5, 5],
			[9, 4],
			[13, 1],
			[100, 7],
			[4096, 64],
			[5000, 63]
		]) {
			it(`x=[${n}] t=[${m}]`, () => {
				const x = noise(n);
				const t = noise(m);
				expectSame(createWasmCorrelate(nv)!.valid(x, t), scalarValid(x, t));
			});
		}

		it('NaN and ∞ reach exactly the windows that hold them', () => {
			const x = noise(40);
			x[10] = NaN;
			x[30] = Infinity;
			const t = noise(5);
			const got = createWasmCorrelate(nv)!.valid(x, t);
			expectSame(got, scalarValid(x, t));
			expect([...got].map((v, i) => (Number.isFinite(v) ? -1 : i)).filter((i) => i >= 0)).toEqual([
				6, 7, 8, 9, 10, 26, 27, 28, 29, 30
			]);
		});
	});
}

it('memory grows for a large call and is reused by smaller ones without stale values', () => {
	const engine = createWasmCorrelate()!;
	for (const n of [70000, 30, 9000, 3]) {
		const x = noise(n);
		const t = noise(Math.min(n, 17));
		expectSame(engine.valid(x, t), scalarValid(x, t));
	}
});

/** The 2-D correlation over the taps inside x, summed row by row in double precision. */
function scalar2d(
	x: Float32Array,
	H: number,
	W: number,
	h: Float32Array,
	kh: number,
	kw: number,
	rows: number,
	cols: number,
	rowShift: number,
	colShift: number
) {
	const out = new Float64Array(rows * cols);
	for (let r = 0; r < rows; r++)
		for (let c = 0; c < cols; c++) {
			let s = 0;
			for (let i = 0; i < kh; i++)
				for (let j = 0; j < kw; j++) {
					const y = r + rowShift + i;
					const xx = c + colShift + j;
					if (y >= 0 && y < H && xx >= 0 && xx < W) s += x[y * W + xx] * h[i * kw + j];
				}
			out[r * cols + c] = s;
		}
	return out;
}

describe('2-D correlation on the wide grid of a zero-padded image equals the scalar double sums (rounded to float32)', () => {
	// [H, W, kh, kw, mode]: 'valid' reads no padding, 'same' pads ⌈(k−1)/2⌉ before, 'full' k − 1
	for (const [H, W, kh, kw] of [
		[5, 7, 3, 3],
		[1, 1, 1, 1],
		[4, 6, 2, 3],
		[9, 30, 6, 2],
		[3, 2, 5, 4],
		[64, 64, 9, 9]
	]) {
		for (const mode of ['valid', 'same', 'full'] as const) {
			if (mode !== 'full' && (kh > H || kw > W)) continue;
			const pad = (k: number) => (mode === 'valid' ? 0 : mode === 'same' ? Math.ceil((k - 1) / 2) : k - 1);
			const size = (n: number, k: number) => (mode === 'valid' ? n - k + 1 : mode === 'same' ? n : n + k - 1);
			it(`x=[${H},${W}] h=[${kh},${kw}] ${mode}`, () => {
				const x = noise(H * W);
				const h = noise(kh * kw);
				const args = [x, H, W, h, kh, kw, size(H, kh), size(W, kw), -pad(kh), -pad(kw)] as const;
				expectSame(wasmCorrelate()!.correlate2d(...args), new Float32Array(scalar2d(...args)));
			});
		}
	}
});
