/**
 * The 'js' backend: flipshift's own TypeScript loops, tuned for V8 (no GPU.js, no per-call setup).
 * Interiors are register-blocked four outputs wide, so each loaded sample feeds four multiply-adds;
 * borders fall back to bounds-checked loops. Sums are in double precision. The CNN layers are in
 * js-cnn.ts (gradients: js-grad.ts, pooling: js-pool.ts), the matched filter in js-matched.ts.
 */
import type { SyncEngine } from './engine';
import type { Range1d } from './shape';
import { conv1x1, conv2d } from './js-cnn';
import { conv2dGradInput, conv2dGradWeight } from './js-grad';
import { maxPool, maxPoolArgmax } from './js-maxpool';
import { maxPoolBackward, pNormPool, pNormPoolBackward } from './js-pool';
import { matchedFilter } from './js-matched';
import { dotRow, rowCorrelate } from './js-rows';
import { wasmCorrelate } from './wasm/correlate';

/**
 * out[o] = Σ_k x[o + shift + k]·h[k] over the taps inside x, in double precision: windows wholly
 * inside x on the WebAssembly SIMD kernel (wasm/correlate.ts: same sums, same order, ~8× faster),
 * the border windows (and everything where SIMD is missing) on the loops of js-rows.ts. The sums
 * go straight into the float32 result: a float64 intermediate would cost a fresh allocation, and
 * first-touch page faults of fresh memory cost more than the arithmetic here.
 */
function correlate1d(x: Float32Array, h: Float32Array, range: Range1d): Float32Array {
	const m = h.length;
	const count = range.length;
	const shift = range.offset - (m - 1);
	const out = new Float32Array(count);
	const lo = Math.min(count, Math.max(0, -shift));
	const hi = Math.max(lo, Math.min(count, x.length - m - shift + 1));
	const wasm = hi > lo ? wasmCorrelate() : null;
	if (!wasm) {
		const acc = new Float64Array(count);
		rowCorrelate(x, 0, x.length, h, 0, m, shift, acc, count);
		out.set(acc);
		return out;
	}
	for (let o = 0; o < lo; o++) out[o] = dotRow(x, 0, x.length, o + shift, h, 0, m);
	out.set(wasm.valid(x.subarray(lo + shift, hi + shift + m - 1), h), lo);
	for (let o = hi; o < count; o++) out[o] = dotRow(x, 0, x.length, o + shift, h, 0, m);
	return out;
}

/**
 * On the WebAssembly SIMD kernel (a zero-padded image, same double sums in the same order) where
 * it is present and the taps are finite; otherwise on the row loops.
 */
function correlate2d(
	x: Float32Array,
	H: number,
	W: number,
	taps: Float32Array,
	kh: number,
	kw: number,
	rows: Range1d,
	cols: Range1d
): Float32Array {
	const rowShift = rows.offset - (kh - 1);
	const colShift = cols.offset - (kw - 1);
	const wasm = taps.every(Number.isFinite) ? wasmCorrelate() : null; // padding adds 0·tap: NaN for ±∞
	if (wasm) return wasm.correlate2d(x, H, W, taps, kh, kw, rows.length, cols.length, rowShift, colShift);
	return correlate2dLoops(x, H, W, taps, kh, kw, rows, cols);
}

/**
 * Each output row as the sum over kernel rows of 1-D row correlations (rowCorrelate: four outputs
 * per pass inside the row, bounds-checked at its ends); kernel rows outside the image add nothing.
 * The path where WebAssembly SIMD is missing, and for non-finite taps.
 */
export function correlate2dLoops(
	x: Float32Array,
	H: number,
	W: number,
	taps: Float32Array,
	kh: number,
	kw: number,
	rows: Range1d,
	cols: Range1d
): Float32Array {
	const n = cols.length;
	const rowShift = rows.offset - (kh - 1);
	const colShift = cols.offset - (kw - 1);
	const out = new Float32Array(rows.length * n);
	const acc = new Float64Array(n);
	for (let oy = 0; oy < rows.length; oy++) {
		acc.fill(0);
		for (let i = 0; i < kh; i++) {
			const y = oy + rowShift + i;
			if (y >= 0 && y < H) rowCorrelate(x, y * W, W, taps, i * kw, kw, colShift, acc, n);
		}
		out.set(acc, oy * n);
	}
	return out;
}

function flipShiftProducts(x: Float32Array, h: Float32Array): Float32Array {
	const n = x.length;
	const rows = n + h.length - 1;
	const out = new Float32Array(rows * n);
	for (let t = 0; t < rows; t++) {
		for (let k = Math.max(0, t - h.length + 1); k <= Math.min(t, n - 1); k++)
			out[t * n + k] = x[k] * h[t - k];
	}
	return out;
}

export function createJsEngine(): SyncEngine {
	return {
		correlate1d,
		correlate2d,
		flipShiftProducts,
		matchedFilter,
		conv2d,
		conv2dGradInput,
		conv2dGradWeight,
		maxPoolArgmax,
		maxPool,
		maxPoolBackward,
		pNormPool,
		pNormPoolBackward,
		conv1x1,
		dispose() {}
	};
}
