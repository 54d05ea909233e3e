/**
 * The 'js' backend: flipshift's own TypeScript loops, tuned for V8 (no GPU.js, no per-call setup).
 * Interiors are register-blocked four outputs wide, so each loaded sample feeds four multiply-adds;
 * borders fall back to bounds-checked loops. Sums are in double precision. The CNN layers are in
 * js-cnn.ts.
 */
import type { SyncEngine } from './engine';
import type { Range1d } from './shape';
import { conv1x1, conv2d, maxPoolArgmax, maxPoolBackward, pNormPool } from './js-cnn';
import { wasmCorrelate } from './wasm/correlate';

/** Below this fraction of Σs², a window's variance is rounding noise: treat it as zero. */
export const JS_ZERO_VARIANCE = 1e-9;
/** A running Σs² is recomputed when the sample leaving the window held more than this share of it. */
export const JS_RESUM_FRACTION = 0.5;

/**
 * Adds into out[o..o+4) the dot products of h[hb..hb+m) with x windows starting at xb..xb+3
 * (all in bounds). Sliding registers: one new sample per tap feeds four sums.
 */
function dot4(
	x: Float32Array,
	xb: number,
	h: Float32Array,
	hb: number,
	m: number,
	out: Float64Array,
	o: number
) {
	let s0 = 0;
	let s1 = 0;
	let s2 = 0;
	let s3 = 0;
	let a = x[xb];
	let b = x[xb + 1];
	let c = x[xb + 2];
	for (let k = 0; k < m; k++) {
		const w = h[hb + k];
		const d = x[xb + k + 3];
		s0 += w * a;
		s1 += w * b;
		s2 += w * c;
		s3 += w * d;
		a = b;
		b = c;
		c = d;
	}
	out[o] += s0;
	out[o + 1] += s1;
	out[o + 2] += s2;
	out[o + 3] += s3;
}

/** Dot products of h with m-long windows of one row: out[o] += Σ_k row[o + shift + k]·h[hb + k]. */
function rowCorrelate(
	x: Float32Array,
	rowBase: number,
	rowLength: number,
	h: Float32Array,
	hb: number,
	m: number,
	shift: number,
	out: Float64Array,
	count: number
) {
	// interior: windows fully inside the row, and one spare sample for dot4's look-ahead
	const lo = Math.max(0, -shift);
	const hi = Math.min(count, rowLength - m - shift + 1);
	let o = 0;
	for (; o < Math.min(lo, count); o++) out[o] += dotRow(x, rowBase, rowLength, o + shift, h, hb, m);
	for (; o + 4 <= hi && o + shift + m + 3 <= rowLength; o += 4)
		dot4(x, rowBase + o + shift, h, hb, m, out, o);
	for (; o < count; o++) out[o] += dotRow(x, rowBase, rowLength, o + shift, h, hb, m);
}

function dotRow(
	x: Float32Array,
	rowBase: number,
	n: number,
	start: number,
	h: Float32Array,
	hb: number,
	m: number
) {
	const k0 = Math.max(0, -start);
	const k1 = Math.min(m, n - start);
	let s = 0;
	for (let k = k0; k < k1; k++) s += x[rowBase + start + k] * h[hb + k];
	return s;
}

/**
 * out[o] = Σ_k x[o + shift + k]·h[k] over the taps inside x, in double precision: windows wholly
 * inside x on the WebAssembly SIMD kernel (wasm/correlate.ts: same sums, same order, ~8× faster),
 * the border windows (and everything where SIMD is missing) on the loops above. The sums go
 * straight into the float32 result: a float64 intermediate would cost a fresh allocation, and
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
 * it is present and the taps are finite. Otherwise interior cells four at a time with the sliding
 * registers of dot4, over all kernel rows at once, so each output is written once; border cells
 * use dot2d.
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

/**
 * [output | normalized] from ONE correlation: Σ s·(t − t̄) = Σ s·t − t̄·Σs, and Σs, Σs² are
 * running sums (O(n) for all windows), so the normalisation costs no second pass over the
 * template. All in double precision: the identity's cancellation loses ~1e-16·|Σs·t| (far below
 * float32). A direct sliding loop beats an FFT at m = 64 here (65 536·64: the scalar loop took
 * 1.3 ms against 1.8 ms for a radix-2 overlap-save FFT of 512 in float64, Node, best of 30; the
 * f64x2 SIMD kernel takes 0.5 ms).
 */
function matchedFilter(signal: Float32Array, template: Float32Array): Float32Array {
	const m = template.length;
	const count = signal.length - m + 1;
	let tSum = 0;
	for (let k = 0; k < m; k++) tSum += template[k];
	const tMean = tSum / m;
	let tt = 0;
	for (let k = 0; k < m; k++) tt += (template[k] - tMean) ** 2;
	// Σ s·t per window; the SIMD kernel's result is a view of its memory, read before its next call
	let st = wasmCorrelate()?.valid(signal, template);
	if (!st) rowCorrelate(signal, 0, signal.length, template, 0, m, 0, (st = new Float64Array(count)), count);
	const out = new Float32Array(2 * count);
	out.set(st);
	normalise(signal, m, st, tMean, tt, out.subarray(count));
	return out;
}

/** Σs and Σs² of signal[i..i+m), summed afresh. */
function windowSums(signal: Float32Array, i: number, m: number): [number, number] {
	let s1 = 0;
	let s2 = 0;
	for (let k = i; k < i + m; k++) {
		s1 += signal[k];
		s2 += signal[k] * signal[k];
	}
	return [s1, s2];
}

/** Block of windows after which the running sums are re-summed, so their rounding cannot accumulate. */
const RESUM_BLOCK = 1024;

/**
 * norm[i] = Pearson r of window i from running Σs, Σs² (re-summed at each block's start, after a
 * NaN or ∞, and when the sample leaving held most of Σs²: subtracting a spike would cancel
 * catastrophically). The tight per-block loop keeps the rare re-sum out of the hot path (2× faster
 * than one loop with the block test inside).
 */
function normalise(
	signal: Float32Array,
	m: number,
	st: Float64Array,
	tMean: number,
	tt: number,
	norm: Float32Array
) {
	for (let b = 0; b < norm.length; b += RESUM_BLOCK) {
		let [s1, s2] = windowSums(signal, b, m);
		const end = Math.min(norm.length, b + RESUM_BLOCK);
		for (let i = b; i < end; i++) {
			if (i > b) {
				const gone = signal[i - 1];
				// false for NaN too; s2 = ∞ must re-sum, as ∞ − ∞ would poison the sums
				if (gone * gone <= JS_RESUM_FRACTION * s2 && s2 < Infinity) {
					const come = signal[i + m - 1];
					s1 += come - gone;
					s2 += come * come - gone * gone;
				} else [s1, s2] = windowSums(signal, i, m);
			}
			const ss = s2 - (s1 * s1) / m;
			const num = st[i] - tMean * s1;
			if (ss > JS_ZERO_VARIANCE * s2 && tt > 0) norm[i] = num / Math.sqrt(ss * tt);
			else norm[i] = Number.isNaN(ss) || Number.isNaN(num) ? NaN : 0;
		}
	}
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
