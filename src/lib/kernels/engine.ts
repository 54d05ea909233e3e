/**
 * The inner contract every backend implements: validated inputs, precomputed geometry, a flat
 * Float32Array out. `R` is `Float32Array` for synchronous backends and a Promise of it for WebGPU.
 * Every result is a fresh array the engine keeps no reference to (plans hand out views of it).
 */
import type { ConvGeometry, PoolGeometry, Range1d } from './shape';

export interface Engine<R = Float32Array> {
	/** out[o] = Σ_k x[o + offset − (m−1) + k] · h[k], zero outside x. */
	correlate1d(x: Float32Array, h: Float32Array, range: Range1d): R;
	/** The same along both axes of a row-major [H,W] image; output [rows.length, cols.length]. */
	correlate2d(
		x: Float32Array,
		height: number,
		width: number,
		h: Float32Array,
		kh: number,
		kw: number,
		rows: Range1d,
		cols: Range1d
	): R;
	/** Flat [n+m−1, n]: P[t][k] = x[k] · h[t−k], 0 outside h. */
	flipShiftProducts(x: Float32Array, h: Float32Array): R;
	/**
	 * [output | normalized], 2·(n−m+1) values: the valid correlation, then the Pearson correlation
	 * of every window signal[i..i+m) with the template. One call, so a backend can share the work.
	 */
	matchedFilter(signal: Float32Array, template: Float32Array): R;
	/** Flat [g.batch, F, outH, outW] for a flat [g.batch, C, H, W] input. */
	conv2d(input: Float32Array, weight: Float32Array, bias: Float32Array | undefined, g: ConvGeometry): R;
	/** conv2d's gradient w.r.t. its input: flat [g.batch, C, H, W] from the output gradient [g.batch, F, outH, outW]. */
	conv2dGradInput(gradOutput: Float32Array, weight: Float32Array, g: ConvGeometry): R;
	/** conv2d's gradient w.r.t. its weights, summed over the batch: flat [F, C, kh, kw]. */
	conv2dGradWeight(input: Float32Array, gradOutput: Float32Array, g: ConvGeometry): R;
	/**
	 * [values | indices], 2·cells: per output cell the maximum of its window, then y·W+x of its first
	 * occurrence, stored as int32 (read through an Int32Array on the result's buffer, so the plan
	 * hands them out without a conversion). Pooling is per channel, so a batch is N·C channels.
	 */
	maxPoolArgmax(input: Float32Array, g: PoolGeometry): R;
	/** The values alone (maxPoolArgmax's first half), cells long. */
	maxPool(input: Float32Array, g: PoolGeometry): R;
	/** Gradient w.r.t. the input: each output cell's gradient summed into its argmax. */
	maxPoolBackward(grad: Float32Array, argmax: Int32Array, g: PoolGeometry): R;
	pNormPool(input: Float32Array, g: PoolGeometry, p: number): R;
	/** pNormPool's gradient w.r.t. its input (reference-grad.ts holds the definition), flat like the input. */
	pNormPoolBackward(input: Float32Array, grad: Float32Array, g: PoolGeometry, p: number): R;
	conv1x1(
		input: Float32Array,
		weight: Float32Array,
		bias: Float32Array | undefined,
		channels: number,
		pixels: number,
		filters: number
	): R;
	/** GPU.js engines: how many built kernels they hold now (bounded, gpu/kernel-cache.ts). */
	cacheSize?(): number;
	dispose(): void;
}

export type SyncEngine = Engine<Float32Array>;
export type AsyncEngine = Engine<Promise<Float32Array>>;

/** Operation names, for choosing a backend per operation and size. */
export type OpName = Exclude<keyof Engine, 'dispose'>;

/** One engine call: which operation, how much work (multiply-adds), and the length it must return. */
export interface Part {
	op: OpName;
	work: number;
	expected: number;
	call: <R>(e: Engine<R>) => R;
	/** The arrays the call reads (ops.ts): a shader backend is skipped when any holds NaN or ±∞. */
	inputs?: readonly ArrayLike<number>[];
}
