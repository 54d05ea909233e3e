/**
 * Discrete convolution as the lecture tells it: flip h, shift it by n, multiply with x and sum.
 * These helpers only lay out and write out what the kernel set computed; they never compute y.
 */

export const SLUG = 'discrete-convolution';
export const DEFAULT_SIGNAL = [1, 2, 3, 1, 0, 2];
/** Asymmetric on purpose: a flip of a symmetric kernel is invisible. */
export const DEFAULT_KERNEL = [1, 0.5, 0.25];
export const MAX_SIGNAL = 256;

export interface Term {
	readonly k: number;
	readonly x: number;
	/** h[n − k] */
	readonly h: number;
	/** x[k]·h[n − k], as the kernel set computed it. */
	readonly product: number;
}

/** Largest shift of the full output: n runs over 0 … N + M − 2. */
export function lastShift(signalLength: number, taps: number): number {
	return signalLength + taps - 2;
}

/** The k that take part at shift n (both x[k] and h[n − k] exist), with their products. */
export function termsAt(x: Float32Array, h: Float32Array, n: number, products: Float32Array): Term[] {
	const terms: Term[] = [];
	for (let k = Math.max(0, n - h.length + 1); k <= Math.min(x.length - 1, n); k++) {
		terms.push({ k, x: x[k], h: h[n - k], product: products[k] });
	}
	return terms;
}

/** A number as a person would write it: at most 3 decimals, a real minus sign. */
export function num(v: number): string {
	const s = String(Number(v.toFixed(3)));
	return s === '-0' ? '0' : s.replace('-', '−');
}

function factor(v: number): string {
	return v < 0 ? `(${num(v)})` : num(v);
}

/** "y[3] = 1·0.5 + 2·1 + 3·0.5 = 4"; long sums keep the first and last terms. */
export function sumText(n: number, terms: readonly Term[], y: number, maxTerms = 8): string {
	if (terms.length === 0) return `y[${n}] = 0 (no overlap)`;
	let written = terms.map((t) => `${factor(t.x)}·${factor(t.h)}`);
	if (written.length > maxTerms) written = [...written.slice(0, 3), '…', ...written.slice(-2)];
	return `y[${n}] = ${written.join(' + ')} = ${num(y)}`;
}

/** h[k] read backwards: the samples of h[−k], which start at k = −(M − 1). */
export function reversed(h: Float32Array): Float32Array {
	return h.slice().reverse();
}

/** Where h[n − k] starts on the k axis: its first sample is h[M − 1] at k = n − M + 1. */
export function shiftedStart(n: number, taps: number): number {
	return n - taps + 1;
}
