/**
 * Max-pool backward as the lecture tells it: each upstream gradient value goes to the cell that
 * won its window's max, 0 everywhere else. These helpers lay out and write out what the kernel
 * set computed (its arg-max and its backward pass); they never compute a gradient themselves.
 */
import { poolOutputSize, poolWindow } from '$lib/kernels/shape';
import { createRng } from '$lib/signal/random';

export const SLUG = 'pooling-backward';
/** The input map is SIDE × SIDE: big enough for overlapping windows, small enough to read every number. */
export const SIDE = 6;
export const CELLS = SIDE * SIDE;
export const SIZE_RANGE = [2, 4] as const;
export const STRIDE_RANGE = [1, 4] as const;
export const VALUE_RANGE = [-9, 9] as const;
export const VALUE_SPEC = { min: VALUE_RANGE[0], max: VALUE_RANGE[1], decimals: 0 } as const;

/**
 * The opening map: windows of 2 × 2 with stride 2 hold a tie at the top middle (two 7s) and at
 * the right middle (two 5s), and the 9 wins four windows once they overlap (size 3, stride 1).
 */
export const DEFAULT_INPUT = [
	1, 3, 2, 7, 0, 4, 5, 2, 7, 1, 6, 3, 4, 8, 0, 2, 5, 5, 1, 6, 3, 9, 2, 1, 7, 2, 4, 4, 8, 0, 3, 0, 1, 6, 2, 5
];
/** Upstream gradients, stored for the largest output (SIDE − 1)²; a pool shows its top-left part. */
export const DEFAULT_GRADIENT = Array.from({ length: CELLS }, (_, i) => [1, 2, -1, 3, 2, 1, -2][i % 7]);

export interface Pool {
	readonly size: number;
	readonly stride: number;
}

/** Output side of a SIDE × SIDE map under `pool` (floor mode: partial windows dropped). */
export function outputSide(pool: Pool): number {
	return poolOutputSize(SIDE, pool.size, pool.stride, false);
}

function checkPool(pool: Pool): void {
	const { size, stride } = pool;
	if (!Number.isInteger(size) || size < 1 || size > SIDE)
		throw new RangeError(`pool.size must be a whole number in 1…${SIDE}, got ${size}`);
	if (!Number.isInteger(stride) || stride < 1)
		throw new RangeError(`pool.stride must be a whole number ≥ 1, got ${stride}`);
}

/** Flat input indices (y·SIDE + x) of output cell `o`'s window, in row-major window order. */
export function windowCells(o: number, pool: Pool): number[] {
	checkPool(pool);
	const side = outputSide(pool);
	if (!Number.isInteger(o) || o < 0 || o >= side * side)
		throw new RangeError(`output cell must be a whole number in 0…${side * side - 1}, got ${o}`);
	const [y0, y1] = poolWindow(Math.floor(o / side), SIDE, pool.size, pool.stride);
	const [x0, x1] = poolWindow(o % side, SIDE, pool.size, pool.stride);
	const cells: number[] = [];
	for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) cells.push(y * SIDE + x);
	return cells;
}

/** Output cells whose windows contain input cell `i` (the windows that compete for it). */
export function windowsContaining(i: number, pool: Pool): number[] {
	const side = outputSide(pool);
	const out: number[] = [];
	for (let o = 0; o < side * side; o++) if (windowCells(o, pool).includes(i)) out.push(o);
	return out;
}

/** Output cells that route their gradient to input cell `i` (their arg-max is `i`). */
export function routedFrom(i: number, argmax: Int32Array): number[] {
	const out: number[] = [];
	for (let o = 0; o < argmax.length; o++) if (argmax[o] === i) out.push(o);
	return out;
}

/** Other cells of the window that hold the same maximum as the arg-max: the tie the rule settles. */
export function tiedLosers(o: number, pool: Pool, input: ArrayLike<number>, argmax: Int32Array): number[] {
	const winner = argmax[o];
	return windowCells(o, pool).filter((i) => i !== winner && input[i] === input[winner]);
}

/** The top-left side × side block of a SIDE × SIDE buffer, row-major. */
export function topLeft(buffer: ArrayLike<number>, side: number): Float32Array {
	const out = new Float32Array(side * side);
	for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) out[y * side + x] = buffer[y * SIDE + x];
	return out;
}

/** `buffer` with its top-left side × side block replaced by `block`. */
export function withTopLeft(buffer: Float32Array, block: ArrayLike<number>, side: number): Float32Array {
	if (block.length !== side * side)
		throw new RangeError(`block must hold ${side * side} values for side ${side}, got ${block.length}`);
	const next = buffer.slice();
	for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) next[y * SIDE + x] = block[y * side + x];
	return next;
}

/** Whole numbers in [lo, hi] from a seeded generator. */
export function seededIntegers(seed: number, length: number, lo: number, hi: number): Float32Array {
	const rng = createRng(seed);
	return Float32Array.from({ length }, () => lo + Math.floor(rng() * (hi - lo + 1)));
}

export function total(values: ArrayLike<number>): number {
	let s = 0;
	for (let i = 0; i < values.length; i++) s += values[i];
	return s;
}

/** A number as a person would write it: at most 3 decimals, a real minus sign. */
export function num(v: number): string {
	const s = String(Number(v.toFixed(3)));
	return s === '-0' ? '0' : s.replace('-', '−');
}

/** "(r, c)" of a flat index in a grid `side` wide, 0-based like the kernel set's arg-max. */
export function cellName(i: number, side: number): string {
	return `(${Math.floor(i / side)}, ${i % side})`;
}

/** "∂L/∂x(2, 3) = 1 + 3 = 4" from the upstream values routed there and the kernel set's sum. */
export function accumulationText(
	i: number,
	from: readonly number[],
	upstream: ArrayLike<number>,
	sum: number
): string {
	const name = `∂L/∂x${cellName(i, SIDE)}`;
	if (from.length === 0) return `${name} = 0: it won no window`;
	const terms = from.map((o) => (upstream[o] < 0 ? `(${num(upstream[o])})` : num(upstream[o])));
	return from.length === 1 ? `${name} = ${num(sum)}` : `${name} = ${terms.join(' + ')} = ${num(sum)}`;
}
