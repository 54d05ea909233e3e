/**
 * The cnn demo's data: one seeded noisy image with a small "cat" pasted at a position, and the
 * detector filter for it. The feature maps and the pooling are the kernel set's (correlate2d,
 * maxPool2d); the helpers here only read their results.
 */
import type { Tensor } from '$lib/kernels/types';
import { createRng } from '$lib/signal/random';

/** A 5×5 cat face: two ears, eyes, whiskers, chin. 1 = bright, 0 = dark. */
export const CAT: readonly (readonly number[])[] = [
	[1, 0, 0, 0, 1],
	[1, 1, 1, 1, 1],
	[1, 0, 1, 0, 1],
	[1, 1, 1, 1, 1],
	[0, 1, 1, 1, 0]
];
export const OBJECT_SIZE = CAT.length;
export const IMAGE_SIZE = 32;
/** 'valid' correlation: 32 − 5 + 1 = 28. */
export const MAP_SIZE = IMAGE_SIZE - OBJECT_SIZE + 1;
/** Top-left corners the cat can take: 0 … 27. */
export const LAST_POSITION = IMAGE_SIZE - OBJECT_SIZE;
/** Background noise is uniform in [0, NOISE). */
export const NOISE = 0.6;
/** Pool windows that divide the 28×28 map: 28 is global pooling (one number). */
export const POOL_SIZES = [28, 14, 7, 4] as const;
export type PoolSize = (typeof POOL_SIZES)[number];

export interface Position {
	readonly x: number;
	readonly y: number;
}

const objectValues = () => new Float32Array(CAT.flat());

/**
 * The detector: 25 × (the cat minus its mean), so a flat patch gives 0 and the cat gives the most.
 * With 18 bright pixels of 25 that is +7 on the cat and −18 around it: whole numbers, exact in
 * float32, and the cat's own response is 18·7 = 126.
 */
export function detectorFilter(): Tensor {
	const v = objectValues();
	const sum = v.reduce((s, x) => s + x, 0);
	return { shape: [OBJECT_SIZE, OBJECT_SIZE], data: v.map((x) => x * v.length - sum) };
}

export function checkPosition(p: Position, name = 'position'): void {
	for (const axis of ['x', 'y'] as const) {
		const v = p[axis];
		if (!Number.isInteger(v) || v < 0 || v > LAST_POSITION) {
			throw new RangeError(`${name}.${axis} must be a whole number in 0…${LAST_POSITION}, got ${v}`);
		}
	}
}

/**
 * The seeded noise background (the same for every position, so only the cat moves) with the cat
 * pasted over it, top-left corner at `at`. Values on a 1/64 grid, exact in float32.
 */
export function imageWithCat(seed: number, at: Position): Tensor {
	if (!Number.isInteger(seed) || seed < 0)
		throw new RangeError(`seed must be a whole number ≥ 0, got ${seed}`);
	checkPosition(at, 'at');
	const rng = createRng(seed);
	const data = new Float32Array(IMAGE_SIZE * IMAGE_SIZE);
	for (let i = 0; i < data.length; i++) data[i] = Math.floor(rng() * NOISE * 64) / 64;
	for (let r = 0; r < OBJECT_SIZE; r++) {
		for (let c = 0; c < OBJECT_SIZE; c++) data[(at.y + r) * IMAGE_SIZE + at.x + c] = CAT[r][c];
	}
	return { shape: [IMAGE_SIZE, IMAGE_SIZE], data };
}

/** Row and column of the first maximum (row-major) of a [H, W] map or of channel 0 of [C, H, W]. */
export function peakOf(map: Tensor): { row: number; col: number; value: number } {
	const w = map.shape[map.shape.length - 1];
	const h = map.shape[map.shape.length - 2];
	let best = 0;
	for (let i = 1; i < w * h; i++) if (map.data[i] > map.data[best]) best = i;
	return { row: Math.floor(best / w), col: best % w, value: map.data[best] };
}

/** The pooled map's cell that holds map cell (row, col) for a pool of `size`. */
export function poolCell(row: number, col: number, size: number): { row: number; col: number } {
	return { row: Math.floor(row / size), col: Math.floor(col / size) };
}

/** A channel-first view of a [H, W] map for the kernel set's [C, H, W] layers. */
export function asChannels(map: Tensor): Tensor {
	return { shape: [1, ...map.shape], data: map.data };
}

/** Moves `p` by (dx, dy), kept inside the image. */
export function moved(p: Position, dx: number, dy: number): Position {
	const clampAxis = (v: number) => Math.min(LAST_POSITION, Math.max(0, Math.round(v)));
	return { x: clampAxis(p.x + dx), y: clampAxis(p.y + dy) };
}
