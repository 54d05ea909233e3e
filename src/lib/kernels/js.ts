/**
 * The 'js' backend: flipshift's own TypeScript loops, tuned for V8 (no GPU.js, no per-call setup).
 * Interiors are register-blocked four outputs wide, so each loaded sample feeds four multiply-adds;
 * borders fall back to bounds-checked loops. Sums are in double precision.
 */
import type { SyncEngine } from './engine';
import type { ConvGeometry, PoolGeometry, Range1d } from './shape';
import { poolWindow } from './shape';

/** Below this fraction of Σs², a window's variance is rounding noise: treat it as zero. */
export const JS_ZERO_VARIANCE = 1e-9;

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

function correlate1d(x: Float32Array, h: Float32Array, range: Range1d): Float32Array {
	const acc = new Float64Array(range.length);
	rowCorrelate(x, 0, x.length, h, 0, h.length, range.offset - (h.length - 1), acc, range.length);
	return Float32Array.from(acc);
}

function correlate2d(
	x: Float32Array,
	H: number,
	W: number,
	h: Float32Array,
	kh: number,
	kw: number,
	rows: Range1d,
	cols: Range1d
): Float32Array {
	const out = new Float32Array(rows.length * cols.length);
	const acc = new Float64Array(cols.length);
	const colShift = cols.offset - (kw - 1);
	for (let oy = 0; oy < rows.length; oy++) {
		acc.fill(0);
		const y0 = oy + rows.offset - (kh - 1);
		for (let i = Math.max(0, -y0); i < kh && y0 + i < H; i++) {
			rowCorrelate(x, (y0 + i) * W, W, h, i * kw, kw, colShift, acc, cols.length);
		}
		out.set(acc, oy * cols.length);
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

/** Pearson per window: Σ s·(t−t̄) by the blocked correlation, Σs and Σs² as running sums. */
function matchedNormalized(signal: Float32Array, template: Float32Array): Float32Array {
	const m = template.length;
	const count = signal.length - m + 1;
	let tMean = 0;
	for (let k = 0; k < m; k++) tMean += template[k];
	tMean /= m;
	const centred = new Float32Array(m);
	let tt = 0;
	for (let k = 0; k < m; k++) {
		centred[k] = template[k] - tMean;
		tt += (template[k] - tMean) ** 2;
	}
	let cSum = 0;
	for (let k = 0; k < m; k++) cSum += centred[k];
	const st = new Float64Array(count);
	rowCorrelate(signal, 0, signal.length, centred, 0, m, 0, st, count);
	const out = new Float32Array(count);
	let s1 = 0;
	let s2 = 0;
	for (let i = 0; i < count; i++) {
		// re-sum every 1024 windows so running-sum rounding cannot accumulate
		if ((i & 1023) === 0) {
			s1 = 0;
			s2 = 0;
			for (let k = i; k < i + m; k++) {
				s1 += signal[k];
				s2 += signal[k] * signal[k];
			}
		} else {
			const gone = signal[i - 1];
			const come = signal[i + m - 1];
			s1 += come - gone;
			s2 += come * come - gone * gone;
		}
		const ss = s2 - (s1 * s1) / m;
		const num = st[i] - (s1 / m) * cSum;
		if (Number.isNaN(ss) || Number.isNaN(num)) out[i] = NaN;
		else out[i] = ss > JS_ZERO_VARIANCE * s2 && tt > 0 ? num / Math.sqrt(ss * tt) : 0;
	}
	return out;
}

function conv2d(input: Float32Array, weight: Float32Array, bias: Float32Array | undefined, g: ConvGeometry) {
	const { channels: C, height: H, width: W, filters: F, kh, kw, stride, padding, outHeight, outWidth } = g;
	const out = new Float32Array(F * outHeight * outWidth);
	const acc = new Float64Array(outWidth);
	for (let f = 0; f < F; f++) {
		for (let oy = 0; oy < outHeight; oy++) {
			acc.fill(bias ? bias[f] : 0);
			const y0 = oy * stride - padding;
			for (let c = 0; c < C; c++) {
				for (let i = Math.max(0, -y0); i < kh && y0 + i < H; i++) {
					const wb = ((f * C + c) * kh + i) * kw;
					const rowBase = (c * H + y0 + i) * W;
					if (stride === 1) rowCorrelate(input, rowBase, W, weight, wb, kw, -padding, acc, outWidth);
					else
						for (let ox = 0; ox < outWidth; ox++)
							acc[ox] += dotRow(input, rowBase, W, ox * stride - padding, weight, wb, kw);
				}
			}
			out.set(acc, (f * outHeight + oy) * outWidth);
		}
	}
	return out;
}

function maxPoolArgmax(input: Float32Array, g: PoolGeometry): Float32Array {
	const { channels, height: H, width: W, size, stride, outHeight, outWidth } = g;
	const out = new Float32Array(channels * outHeight * outWidth);
	let i = 0;
	for (let c = 0; c < channels; c++) {
		const base = c * H * W;
		for (let oy = 0; oy < outHeight; oy++) {
			const [y0, y1] = poolWindow(oy, H, size, stride);
			for (let ox = 0; ox < outWidth; ox++) {
				const [x0, x1] = poolWindow(ox, W, size, stride);
				let best = y0 * W + x0;
				let bv = input[base + best];
				for (let y = y0; y < y1 && bv === bv; y++) {
					for (let x = x0; x < x1; x++) {
						const v = input[base + y * W + x];
						if (v > bv || v !== v) {
							bv = v;
							best = y * W + x;
							if (v !== v) break; // the first NaN wins, as in numpy
						}
					}
				}
				out[i++] = best;
			}
		}
	}
	return out;
}

function maxPoolBackward(grad: Float32Array, argmax: Int32Array, g: PoolGeometry): Float32Array {
	const plane = g.height * g.width;
	const per = g.outHeight * g.outWidth;
	const out = new Float32Array(g.channels * plane);
	for (let c = 0; c < g.channels; c++) {
		for (let i = c * per; i < (c + 1) * per; i++) out[c * plane + argmax[i]] += grad[i];
	}
	return out;
}

function pNormPool(input: Float32Array, g: PoolGeometry, p: number): Float32Array {
	const { channels, height: H, width: W, size, stride, outHeight, outWidth } = g;
	const out = new Float32Array(channels * outHeight * outWidth);
	let i = 0;
	for (let c = 0; c < channels; c++) {
		for (let oy = 0; oy < outHeight; oy++) {
			const [y0, y1] = poolWindow(oy, H, size, stride);
			for (let ox = 0; ox < outWidth; ox++) {
				const [x0, x1] = poolWindow(ox, W, size, stride);
				let s = 0;
				for (let y = y0; y < y1; y++) {
					const row = (c * H + y) * W;
					for (let x = x0; x < x1; x++) {
						const a = Math.abs(input[row + x]);
						if (p === Infinity) s = a > s || a !== a ? a : s;
						else if (p === 1) s += a;
						else if (p === 2) s += a * a;
						else s += a ** p;
					}
				}
				out[i++] = p === Infinity || p === 1 ? s : p === 2 ? Math.sqrt(s) : s ** (1 / p);
			}
		}
	}
	return out;
}

function conv1x1(
	input: Float32Array,
	weight: Float32Array,
	bias: Float32Array | undefined,
	C: number,
	pixels: number,
	F: number
): Float32Array {
	const out = new Float32Array(F * pixels);
	const acc = new Float64Array(pixels);
	for (let f = 0; f < F; f++) {
		acc.fill(bias ? bias[f] : 0);
		for (let c = 0; c < C; c++) {
			const w = weight[f * C + c];
			const base = c * pixels;
			for (let i = 0; i < pixels; i++) acc[i] += w * input[base + i];
		}
		out.set(acc, f * pixels);
	}
	return out;
}

export function createJsEngine(): SyncEngine {
	return {
		correlate1d,
		correlate2d,
		flipShiftProducts,
		matchedNormalized,
		conv2d,
		maxPoolArgmax,
		maxPoolBackward,
		pNormPool,
		conv1x1,
		dispose() {}
	};
}
