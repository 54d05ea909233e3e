/**
 * Convolution against cross-correlation on one signal and one kernel. The outputs and products
 * come from the kernel set; these helpers only choose the data and lay out the pictures.
 */

export const SLUG = 'correlation';
/** Contains the asymmetric kernel once (at k = 4..6), so correlation peaks where the pattern sits. */
export const DEFAULT_SIGNAL = [0, 1, 0, 0, 1, 2, 3, 0, 0];
export type PresetName = 'asymmetric' | 'even';
export const PRESETS: Record<PresetName, readonly number[]> = {
	/** The deck's filter (1, 2, 3). */
	asymmetric: [1, 2, 3],
	even: [1, 2, 1]
};
export const MAX_SIGNAL = 64;

export function presetOf(h: Float32Array): PresetName | null {
	for (const name of Object.keys(PRESETS) as PresetName[]) {
		const p = PRESETS[name];
		if (p.length === h.length && p.every((v, i) => v === h[i])) return name;
	}
	return null;
}

/** True when h[k] = h[M − 1 − k] for every k: then flipping changes nothing. */
export function isEven(h: Float32Array): boolean {
	for (let i = 0; i < h.length; i++) if (h[i] !== h[h.length - 1 - i]) return false;
	return true;
}

/** Largest |a[i] − b[i]|: how far two kernel-set outputs are from equal. */
export function maxDifference(a: Float32Array, b: Float32Array): number {
	let d = 0;
	for (let i = 0; i < Math.min(a.length, b.length); i++) d = Math.max(d, Math.abs(a[i] - b[i]));
	return d;
}
