/**
 * 1×1 convolutions: at every pixel, each filter takes a weighted sum over the K channels (plus a
 * bias). These helpers lay out the stack and count parameters and work; the sums themselves,
 * and the products written out, come from the kernel set's conv1x1.
 */
import { createRng } from '$lib/signal/random';

export const SLUG = 'conv-1x1';
/** The feature maps are SIDE × SIDE: every number stays readable from the back of the room. */
export const SIDE = 5;
export const MAX_CHANNELS = 8;
export const MAX_FILTERS = 8;
export const WEIGHT_SPEC = { min: -2, max: 2, decimals: 2 } as const;
export const BIAS_SPEC = { min: -5, max: 5, decimals: 2 } as const;

export interface LayerSize {
	/** Input channels K. */
	readonly channels: number;
	/** Filters F (output channels). */
	readonly filters: number;
	readonly height: number;
	readonly width: number;
}

function checkSize(size: LayerSize): void {
	for (const key of ['channels', 'filters', 'height', 'width'] as const) {
		const v = size[key];
		if (!Number.isInteger(v) || v < 1) throw new RangeError(`${key} must be a whole number ≥ 1, got ${v}`);
	}
}

/** Weights F·K plus one bias per filter. */
export function parameterCount(size: LayerSize, kernel = 1): number {
	checkSize(size);
	return size.filters * (size.channels * kernel * kernel + 1);
}

/** Multiply–adds: every output value starts at its bias and adds K·kernel² products. */
export function multiplyAdds(size: LayerSize, kernel = 1): number {
	checkSize(size);
	return size.height * size.width * size.filters * size.channels * kernel * kernel;
}

/** A seeded stack of MAX_CHANNELS maps of whole numbers in 0…5; a view shows its first K. */
export function seededStack(seed: number): Float32Array {
	const rng = createRng(seed);
	return Float32Array.from({ length: MAX_CHANNELS * SIDE * SIDE }, () => Math.floor(rng() * 6));
}

/** Opening weights: filter f weights channel c by one of −1, −0.5, 0, 0.5, 1 (readable products). */
export function defaultWeights(): Float32Array {
	const choices = [1, 0.5, 0, -0.5, -1];
	return Float32Array.from({ length: MAX_FILTERS * MAX_CHANNELS }, (_, i) => {
		const [f, c] = [Math.floor(i / MAX_CHANNELS), i % MAX_CHANNELS];
		return choices[(f * 3 + c * (f + 1)) % choices.length];
	});
}

/** The rows × cols top-left block of a row-major matrix `stride` wide. */
export function block(matrix: ArrayLike<number>, stride: number, rows: number, cols: number): Float32Array {
	const out = new Float32Array(rows * cols);
	for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[r * cols + c] = matrix[r * stride + c];
	return out;
}

/** `matrix` (`stride` wide) with its top-left rows × cols block replaced by `values`. */
export function withBlock(
	matrix: Float32Array,
	stride: number,
	rows: number,
	cols: number,
	values: ArrayLike<number>
): Float32Array {
	if (values.length !== rows * cols)
		throw new RangeError(`values must hold ${rows * cols} numbers for ${rows}×${cols}, got ${values.length}`);
	const next = matrix.slice();
	for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) next[r * stride + c] = values[r * cols + c];
	return next;
}

/** The K values at pixel `i` (y·width + x) across the channels of a [K, H, W] stack: its fibre. */
export function fibre(stack: ArrayLike<number>, channels: number, pixels: number, i: number): Float32Array {
	if (!Number.isInteger(i) || i < 0 || i >= pixels)
		throw new RangeError(`pixel must be a whole number in 0…${pixels - 1}, got ${i}`);
	return Float32Array.from({ length: channels }, (_, c) => stack[c * pixels + i]);
}

/** A K × K matrix with `w` on its diagonal: as 1×1 weights it gives the products w_c·x_c, one channel each. */
export function diagonal(w: ArrayLike<number>): Float32Array {
	const k = w.length;
	const out = new Float32Array(k * k);
	for (let c = 0; c < k; c++) out[c * k + c] = w[c];
	return out;
}

/** A number as a person would write it: at most 2 decimals, a real minus sign. */
export function num(v: number): string {
	const s = String(Number(v.toFixed(2)));
	return s === '-0' ? '0' : s.replace('-', '−');
}

/** 1234567 → "1,234,567". */
export function count(n: number): string {
	return n.toLocaleString('en');
}
