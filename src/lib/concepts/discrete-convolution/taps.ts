/**
 * Editing a short kernel by hand (the tap editor of discrete convolution and correlation):
 * each edit returns a new array, so `$state` sees the change, or the same array when the edit
 * is not allowed.
 */
import { clamp } from '$lib/viz/plot';

export const MIN_TAPS = 2;
export const MAX_TAPS = 7;
export const TAP_RANGE = [-9, 9] as const;

export function withTap(h: Float32Array, i: number, value: number): Float32Array {
	if (!Number.isFinite(value) || i < 0 || i >= h.length) return h;
	const next = h.slice();
	next[i] = clamp(value, TAP_RANGE[0], TAP_RANGE[1]);
	return next;
}

export function withTapAdded(h: Float32Array): Float32Array {
	if (h.length >= MAX_TAPS) return h;
	const next = new Float32Array(h.length + 1);
	next.set(h);
	return next;
}

export function withTapRemoved(h: Float32Array): Float32Array {
	return h.length <= MIN_TAPS ? h : h.slice(0, -1);
}
