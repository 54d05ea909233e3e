/**
 * Continuous convolution on a fine grid: f and g sampled every DT on [−5, 5], the presets
 * (box, triangle, one-sided exponential, Gaussian) from $lib/signal, and the index arithmetic
 * that maps the kernel set's full-length output back to time. The products and the integral
 * themselves come from the kernel set.
 */
import type { KernelOps } from '$lib/kernels';
import { box, exponential, gaussian, triangle, type Shape } from '$lib/signal';

export const DT = 0.02;
export const TAU_RANGE = [-5, 5] as const;
export const SAMPLES = Math.round((TAU_RANGE[1] - TAU_RANGE[0]) / DT) + 1;
/** Where the full convolution's index 0 sits in time: both signals start at TAU_RANGE[0]. */
export const OUTPUT_START = 2 * TAU_RANGE[0];
/** The range t can be dragged over: g(t − τ) stays in view. */
export const T_RANGE = TAU_RANGE;

export type PresetName = 'box' | 'triangle' | 'exponential' | 'gaussian';
export const PRESET_NAMES: readonly PresetName[] = ['box', 'triangle', 'exponential', 'gaussian'];

interface Preset {
	readonly label: string;
	/** The shared pulse shape (defined on [0, 1)) and where that unit interval lands in τ. */
	readonly shape: Shape;
	readonly start: number;
	readonly width: number;
}

/** Box and triangle on [−1, 1), the exponential e^(−τ) for τ ≥ 0, a Gaussian of σ = 0.6 at 0. */
export const PRESETS: Record<PresetName, Preset> = {
	box: { label: 'box', shape: box, start: -1, width: 2 },
	triangle: { label: 'triangle', shape: triangle, start: -1, width: 2 },
	exponential: { label: 'exp', shape: exponential(1), start: 0, width: 1 },
	gaussian: { label: 'Gaussian', shape: gaussian(0.3), start: -1, width: 2 }
};

export const tauAt = (k: number): number => TAU_RANGE[0] + k * DT;

/** How far either side of a sample the shape is read: a jump on a sample gets the mean of its sides. */
const SIDE = 1e-9;

/**
 * The preset sampled at τ_k = −5 + k·DT, k = 0…SAMPLES−1. Where a jump falls on a sample (the
 * box's edges, the exponential's start) the sample is the mean of both sides, the usual convention
 * for sampling a discontinuity: it keeps box ∗ box centred and within DT/2 of the exact triangle.
 */
export function sampled(name: PresetName): Float32Array {
	const p = PRESETS[name];
	const out = new Float32Array(SAMPLES);
	// Index arithmetic, not τ, places the edges, so they land exactly on samples.
	const first = Math.round((p.start - TAU_RANGE[0]) / DT);
	const span = p.width / DT;
	for (let k = 0; k < SAMPLES; k++) {
		const u = (k - first) / span;
		out[k] = (p.shape(u - SIDE) + p.shape(u + SIDE)) / 2;
	}
	return out;
}

/** g(−τ) on the same grid: τ_(N−1−k) = −τ_k, so flipping is reversing. */
export function flipped(g: Float32Array): Float32Array {
	return g.slice().reverse();
}

/** The full-convolution index r of time t (t = OUTPUT_START + r·DT). */
export function outputIndex(t: number): number {
	return Math.round((t - OUTPUT_START) / DT);
}

/** g(t − τ_k) for every k: g's sample r − k, 0 outside g's grid. */
export function shiftedFlip(g: Float32Array, t: number): Float32Array {
	const r = outputIndex(t);
	const out = new Float32Array(g.length);
	for (let k = 0; k < g.length; k++) {
		const j = r - k;
		if (j >= 0 && j < g.length) out[k] = g[j];
	}
	return out;
}

/** t snapped to the grid and kept in range. */
export function snapT(t: number): number {
	const clamped = Math.min(T_RANGE[1], Math.max(T_RANGE[0], t));
	return Number((Math.round(clamped / DT) * DT).toFixed(2));
}

/** (f∗g)(t) ≈ Σ_k f(τ_k) g(t − τ_k) dτ for every grid t: the kernel set's full convolution times DT. */
export function convolutionIntegral(
	kernels: Pick<KernelOps, 'convolve1d'>,
	f: Float32Array,
	g: Float32Array
) {
	return kernels.convolve1d(f, g, 'full').map((v) => v * DT);
}

/** Row r of the kernel set's products: f(τ_k) g(t_r − τ_k) for every k. */
export function productRow(products: { data: Float32Array }, t: number): Float32Array {
	const r = outputIndex(t);
	return products.data.subarray(r * SAMPLES, (r + 1) * SAMPLES);
}

/** The closed form of box ∗ box for the [−1, 1) box: the triangle 2 − |t| on [−2, 2]. */
export function boxBoxClosedForm(t: number): number {
	return Math.max(0, 2 - Math.abs(t));
}
