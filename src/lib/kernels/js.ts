/**
 * The 'js' backend: flipshift's own TypeScript loops, tuned for V8 (no GPU.js, no per-call setup).
 * Interiors are register-blocked four outputs wide, so each loaded sample feeds four multiply-adds;
 * borders fall back to bounds-checked loops. Sums are in double precision. The CNN layers are in
 * js-cnn.ts, the matched filter in js-matched.ts.
 */
import type { SyncEngine } from './engine';
import type { Range1d } from './shape';
import { conv1x1, conv2d, maxPoolArgmax, maxPoolBackward, pNormPool } from './js-cnn';
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

/** One output of a 2-D correlation with bounds checks (the border cells). */
function dot2d(
	x: Float32Array,
	H: number,
	W: number,
	h: Float64Array,
	kh: number,
	kw: number,
	y0: number,
	x0: number
) {
	let s = 0;
	for (let i = Math.max(0, -y0); i < kh && y0 + i < H; i++) {
		const row = (y0 + i) * W;
		for (let j = Math.max(0, -x0); j < kw && x0 + j < W; j++) s += x[row + x0 + j] * h[i * kw + j];
	}
	return s;
}

/**
 * On the WebAssembly SIMD kernel (a zero-padded image, same double sums in the same order) where
 * it is present and the taps are finite. Otherwise interior cells four at a time with sliding
 * registers (as dot4 in js-rows.ts) over all kernel rows at once, so each output is written once;
 * border cells use dot2d.
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
	const n = cols.length;
	const rowShift = rows.offset - (kh - 1);
	const colShift = cols.offset - (kw - 1);
	const wasm = taps.every(Number.isFinite) ? wasmCorrelate() : null; // padding adds 0·tap: NaN for ±∞
	if (wasm) return wasm.correlate2d(x, H, W, taps, kh, kw, rows.length, n, rowShift, colShift);
	const out = new Float32Array(rows.length * n);
	const h = Float64Array.from(taps);
	// columns whose window (and dot4's one-sample look-ahead, within the 4-wide step) is inside the row
	const lo = Math.min(n, Math.max(0, -colShift));
	const hi = Math.min(n, W - kw - colShift + 1);
	for (let oy = 0; oy < rows.length; oy++) {
		const y0 = oy + rowShift;
		const o = oy * n;
		let ox = 0;
		if (y0 >= 0 && y0 + kh <= H) {
			for (; ox < lo; ox++) out[o + ox] = dot2d(x, H, W, h, kh, kw, y0, ox + colShift);
			for (; ox + 4 <= hi; ox += 4) {
				let s0 = 0;
				let s1 = 0;
				let s2 = 0;
				let s3 = 0;
				for (let i = 0; i < kh; i++) {
					const xb = (y0 + i) * W + ox + colShift;
					const hb = i * kw;
					let a = x[xb];
					let b = x[xb + 1];
					let c = x[xb + 2];
					for (let j = 0; j < kw; j++) {
						const w = h[hb + j];
						const d = x[xb + j + 3];
						s0 += w * a;
						s1 += w * b;
						s2 += w * c;
						s3 += w * d;
						a = b;
						b = c;
						c = d;
					}
				}
				out[o + ox] = s0;
				out[o + ox + 1] = s1;
				out[o + ox + 2] = s2;
				out[o + ox + 3] = s3;
			}
		}
		for (; ox < n; ox++) out[o + ox] = dot2d(x, H, W, h, kh, kw, y0, ox + colShift);
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
		maxPoolArgmax,
		maxPoolBackward,
		pNormPool,
		conv1x1,
		dispose() {}
	};
}
