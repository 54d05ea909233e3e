/**
 * The 'js' matched filter: the valid correlation (on the SIMD kernel where present) and, from
 * running window sums, the Pearson correlation of every window with the template.
 */
import { rowCorrelate } from './js-rows';
import { wasmCorrelate } from './wasm/correlate';

/** Below this fraction of Σs², a window's variance is rounding noise: treat it as zero. */
export const JS_ZERO_VARIANCE = 1e-9;
/** A running Σs² is recomputed when the sample leaving the window held more than this share of it. */
export const JS_RESUM_FRACTION = 0.5;

/**
 * [output | normalized] from ONE correlation: Σ s·(t − t̄) = Σ s·t − t̄·Σs, and Σs, Σs² are
 * running sums (O(n) for all windows), so the normalisation costs no second pass over the
 * template. All in double precision: the identity's cancellation loses ~1e-16·|Σs·t| (far below
 * float32). A direct sliding loop beats an FFT at m = 64 here (65 536·64: the scalar loop took
 * 1.3 ms against 1.8 ms for a radix-2 overlap-save FFT of 512 in float64, Node, best of 30; the
 * f64x2 SIMD kernel takes 0.5 ms).
 */
export function matchedFilter(signal: Float32Array, template: Float32Array): Float32Array {
	const m = template.length;
	const count = signal.length - m + 1;
	let tSum = 0;
	for (let k = 0; k < m; k++) tSum += template[k];
	const tMean = tSum / m;
	let tt = 0;
	for (let k = 0; k < m; k++) tt += (template[k] - tMean) ** 2;
	// Σ s·t per window; the SIMD kernel's result is a view of its memory, read before its next call
	const st = wasmCorrelate()?.valid(signal, template) ?? loopValid(signal, template, count);
	const out = new Float32Array(2 * count);
	out.set(st);
	normalise(signal, m, st, tMean, tt, out.subarray(count));
	return out;
}

/** The valid correlation on the row loops (where WebAssembly SIMD is missing). */
function loopValid(signal: Float32Array, template: Float32Array, count: number): Float64Array {
	const st = new Float64Array(count);
	rowCorrelate(signal, 0, signal.length, template, 0, template.length, 0, st, count);
	return st;
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
