/**
 * Output sizes, offsets and pooling windows, computed once and shared by the reference, the
 * hand-written loops, the GPU kernels and the pictures, so that none of them can disagree.
 */
import type { Mode } from './types';

/**
 * A 1-D correlation/convolution output range: output index `o` is index `o + offset` of the
 * 'full' result (length n+m-1). 'same' keeps the centre starting at ⌊(m-1)/2⌋ (scipy.signal).
 */
export interface Range1d {
	length: number;
	offset: number;
}

export function outputRange(n: number, m: number, mode: Mode): Range1d {
	if (mode === 'full') return { length: n + m - 1, offset: 0 };
	if (mode === 'same') return { length: n, offset: Math.floor((m - 1) / 2) };
	return { length: n - m + 1, offset: m - 1 };
}

/** Index into x of the first tap of full-correlation output `o + offset`: x[start + k] * h[k]. */
export function firstTap(o: number, offset: number, m: number): number {
	return o + offset - (m - 1);
}

/** Conv layer output size along one axis: ⌊(n + 2p − k)/s⌋ + 1 (PyTorch). */
export function convOutputSize(n: number, k: number, stride: number, padding: number): number {
	return Math.floor((n + 2 * padding - k) / stride) + 1;
}

/**
 * Pool output size along one axis. Floor mode drops partial windows; ceil mode keeps a last
 * partial window only when it starts inside the input (PyTorch's rule).
 */
export function poolOutputSize(n: number, size: number, stride: number, ceilMode: boolean): number {
	if (!ceilMode) return Math.floor((n - size) / stride) + 1;
	let out = Math.ceil((n - size) / stride) + 1;
	if ((out - 1) * stride >= n) out -= 1;
	return out;
}

/** The in-bounds part [start, end) of pooling window `o` along an axis of length n. */
export function poolWindow(o: number, n: number, size: number, stride: number): [number, number] {
	const start = o * stride;
	return [start, Math.min(start + size, n)];
}

export interface PoolGeometry {
	channels: number;
	height: number;
	width: number;
	size: number;
	stride: number;
	outHeight: number;
	outWidth: number;
}

export function poolGeometry(
	shape: readonly number[],
	size: number,
	stride: number,
	ceilMode: boolean
): PoolGeometry {
	const [channels, height, width] = shape;
	return {
		channels,
		height,
		width,
		size,
		stride,
		outHeight: poolOutputSize(height, size, stride, ceilMode),
		outWidth: poolOutputSize(width, size, stride, ceilMode)
	};
}

export interface ConvGeometry {
	/** Images in the batch (1 for an unbatched `[C,H,W]` input). */
	batch: number;
	channels: number;
	height: number;
	width: number;
	filters: number;
	kh: number;
	kw: number;
	stride: number;
	padding: number;
	outHeight: number;
	outWidth: number;
}

export function convGeometry(
	inputShape: readonly number[],
	weightShape: readonly number[],
	stride: number,
	padding: number,
	batch = 1
): ConvGeometry {
	const [channels, height, width] = inputShape;
	const [filters, , kh, kw] = weightShape;
	return {
		batch,
		channels,
		height,
		width,
		filters,
		kh,
		kw,
		stride,
		padding,
		outHeight: convOutputSize(height, kh, stride, padding),
		outWidth: convOutputSize(width, kw, stride, padding)
	};
}

/** Reverses a copy (convolution = correlation with the flipped kernel). */
export function flip(h: Float32Array): Float32Array {
	const out = new Float32Array(h.length);
	for (let i = 0; i < h.length; i++) out[i] = h[h.length - 1 - i];
	return out;
}
