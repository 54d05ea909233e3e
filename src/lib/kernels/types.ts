/** Public types of the kernel set (design.md, "The kernel set's public API"). */

export type Mode = 'full' | 'same' | 'valid';

/** Row-major data with its shape, e.g. `[C, H, W]`. */
export interface Tensor {
	readonly shape: readonly number[];
	readonly data: Float32Array;
}

/** 'cpu' is GPU.js's CPU mode; 'js' is flipshift's own hand-tuned TypeScript loops (no GPU.js). */
export type Backend = 'webgpu' | 'webgl2' | 'webgl' | 'headlessgl' | 'webasm' | 'cpu' | 'js';

export interface PoolOptions {
	size: number;
	/** Default: `size`. */
	stride?: number;
	ceilMode?: boolean;
}

export interface Conv2dOptions {
	stride?: number;
	padding?: number;
}

export interface MatchedFilterResult {
	/** `correlate1d(signal, template, 'valid')`. */
	output: Float32Array;
	/** Pearson correlation of each window with the template (0 where either has zero variance). */
	normalized: Float32Array;
	/** First index of the maximum of `output`. */
	peakIndex: number;
}

export interface MaxPoolResult {
	output: Tensor;
	/** Per output cell, the flat index `y*W+x` inside its channel (per (n, c) in a batch) of the first maximum. */
	argmax: Int32Array;
}

export interface PNormPoolOptions extends PoolOptions {
	/** > 0; `Infinity` gives max|x|. */
	p: number;
}

/** Gradients of conv2d's loss with respect to its input, weights and bias. */
export interface Conv2dGradients {
	/** The shape of the input (`[C,H,W]` or `[N,C,H,W]`). */
	gradInput: Tensor;
	/** `[F,C,kh,kw]`, summed over the batch. */
	gradWeight: Tensor;
	/** `[F]`, summed over the batch and the output pixels. */
	gradBias: Float32Array;
}

/**
 * The operations; every method validates its arguments and throws an Error that says what is wrong.
 * The CNN operations take an image `[C,H,W]` or a batch `[N,C,H,W]` and answer in the same rank.
 */
export interface KernelOps {
	convolve1d(x: Float32Array, h: Float32Array, mode?: Mode): Float32Array;
	correlate1d(x: Float32Array, h: Float32Array, mode?: Mode): Float32Array;
	convolve2d(x: Tensor, h: Tensor, mode?: Mode): Tensor;
	correlate2d(x: Tensor, h: Tensor, mode?: Mode): Tensor;
	flipShiftProducts(x: Float32Array, h: Float32Array): Tensor;
	matchedFilter(signal: Float32Array, template: Float32Array): MatchedFilterResult;
	conv2d(input: Tensor, weight: Tensor, bias?: Float32Array, opts?: Conv2dOptions): Tensor;
	maxPool2d(input: Tensor, opts: PoolOptions): MaxPoolResult;
	/** maxPool2d's output alone, for when no backward follows: cheaper (no indices to find or hand out). */
	maxPool2dValues(input: Tensor, opts: PoolOptions): Tensor;
	maxPool2dBackward(gradOutput: Tensor, argmax: Int32Array, inputShape: readonly number[]): Tensor;
	/**
	 * (Σ|x|^p)^(1/p) per window, computed as m·(Σ(|x|/m)^p)^(1/p) with m = max|x|, so that no p
	 * overflows or underflows float32 (pnorm-math.ts): 0 for an all-zero window, NaN if the window
	 * holds a NaN, ∞ if it holds ±∞; p = ∞ gives max|x|. (As for every operation, a call that reads
	 * NaN or ±∞ never runs on webgpu/webgl2/webgl, whose shaders may assume finite floats.)
	 */
	pNormPool2d(input: Tensor, opts: PNormPoolOptions): Tensor;
	/**
	 * Gradient of pNormPool2d w.r.t. its input, summed where windows overlap: per window
	 * g·sign(x)·(|x|/y)^(p−1) with y the window's output (|x|/y ≤ 1: no overflow for large p);
	 * 0 where x = 0 and in an all-zero window (no NaN, also for p < 1); g·sign(x) where |x| = y
	 * (an infinite x); 0 for p < 1 where |x|/y = 0; p = ∞ routes g·sign(x) to the window's first
	 * max |x| (or first NaN), like max pooling.
	 */
	pNormPool2dBackward(input: Tensor, gradOutput: Tensor, opts: PNormPoolOptions): Tensor;
	/** Gradients of conv2d (same stride and padding) given the gradient of its output. */
	conv2dBackward(input: Tensor, weight: Tensor, gradOutput: Tensor, opts?: Conv2dOptions): Conv2dGradients;
	conv1x1(input: Tensor, weight: Tensor, bias?: Float32Array): Tensor;
}

/** The same operations returning Promises (WebGPU can only read results back asynchronously). */
export type AsyncKernelOps = {
	[K in keyof KernelOps]: (...args: Parameters<KernelOps[K]>) => Promise<ReturnType<KernelOps[K]>>;
};

/** A backend the set stopped using because a call failed on it (the call was recomputed further down). */
export interface DroppedBackend {
	backend: Backend;
	/** The engine operation that failed. */
	op: string;
	/** The error it failed with. */
	reason: string;
}

export interface KernelSet extends KernelOps {
	/** What actually ran the most recent call (before any call: the first choice). */
	readonly backend: Backend;
	/**
	 * The same operations as Promises. Only here can WebGPU run (it has no synchronous readback);
	 * on every other backend they resolve the synchronous result.
	 */
	readonly async: AsyncKernelOps;
	/** Backends dropped after a failure, oldest first (each also logged with console.warn). */
	readonly dropped: readonly DroppedBackend[];
	/** Destroys every built kernel and GPU instance. */
	dispose(): void;
}
