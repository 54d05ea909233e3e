/**
 * Pulse and template shapes for the convolution and matched-filter demos, both as continuous
 * functions of time (for smooth curves) and as sampled arrays (for the kernels). Continuous
 * shapes are defined on t ∈ [0, 1) (0 outside) unless said otherwise; sampling takes n points
 * t = i/n, so a sampled pulse is the continuous one seen through n bins.
 */

export type Shape = (t: number) => number;

const inside = (t: number) => t >= 0 && t < 1;

/** Rectangular pulse (box): 1 on [0, 1). */
export const box: Shape = (t) => (inside(t) ? 1 : 0);

/** Triangle rising to 1 at t = 1/2. */
export const triangle: Shape = (t) => (inside(t) ? 1 - Math.abs(2 * t - 1) : 0);

/** One-sided exponential e^(−t/τ) for t ≥ 0 (τ in the same units as t), 0 before. */
export const exponential =
	(tau = 0.25): Shape =>
	(t) =>
		t >= 0 ? Math.exp(-t / tau) : 0;

/** Gaussian bump centred at 1/2 with standard deviation sigma. */
export const gaussian =
	(sigma = 0.15): Shape =>
	(t) =>
		Math.exp(-0.5 * ((t - 0.5) / sigma) ** 2);

/** Linear chirp on [0, 1): frequency sweeps f0 → f1 cycles per unit time. */
export const chirp =
	(f0 = 1, f1 = 8): Shape =>
	(t) =>
		inside(t) ? Math.cos(2 * Math.PI * (f0 * t + ((f1 - f0) / 2) * t * t)) : 0;

/** The Barker-13 code: its autocorrelation has a peak of 13 and sidelobes of at most 1. */
export const BARKER_13: readonly number[] = [1, 1, 1, 1, 1, -1, -1, 1, 1, -1, 1, -1, 1];

/** Barker-13 as a continuous shape: 13 equal chips on [0, 1). */
export const barker13: Shape = (t) => (inside(t) ? BARKER_13[Math.floor(t * 13)] : 0);

/** n samples of a shape at t = i/n. */
export function sample(shape: Shape, n: number): Float32Array {
	if (!Number.isInteger(n) || n < 1) throw new RangeError(`sample: n must be an integer >= 1, got ${n}`);
	const out = new Float32Array(n);
	for (let i = 0; i < n; i++) out[i] = shape(i / n);
	return out;
}

/** Barker-13 with each chip held for `samplesPerChip` samples. */
export function barkerCode(samplesPerChip = 1): Float32Array {
	if (!Number.isInteger(samplesPerChip) || samplesPerChip < 1) {
		throw new RangeError(`barkerCode: samplesPerChip must be an integer >= 1, got ${samplesPerChip}`);
	}
	const out = new Float32Array(13 * samplesPerChip);
	for (let i = 0; i < out.length; i++) out[i] = BARKER_13[Math.floor(i / samplesPerChip)];
	return out;
}

/** Scales to unit energy (Σx² = 1), the usual normalisation of a matched-filter template. */
export function unitEnergy(x: Float32Array): Float32Array {
	let e = 0;
	for (const v of x) e += v * v;
	if (e === 0) return x.slice();
	const s = 1 / Math.sqrt(e);
	return x.map((v) => v * s);
}
