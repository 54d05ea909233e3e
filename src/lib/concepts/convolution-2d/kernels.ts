/** The kernel-set calls of the demo, so every number shown comes from the kernel set. */
import type { KernelSet, Tensor } from '$lib/kernels';

/** conv2d of one grey image with one k×k filter: the output map [H', W'] (cross-correlation). */
export function convolveImage(
	kernels: KernelSet,
	data: Float32Array,
	height: number,
	width: number,
	filter: Float32Array,
	k: number,
	stride = 1,
	padding = 0
): Tensor {
	return kernels.conv2d(
		{ shape: [1, height, width], data },
		{ shape: [1, 1, k, k], data: filter },
		undefined,
		{ stride, padding }
	);
}

/** Several k×k filters over the same image in one conv2d call: [F, H', W']. */
export function convolveBank(
	kernels: KernelSet,
	data: Float32Array,
	height: number,
	width: number,
	filters: readonly Float32Array[],
	k: number,
	stride = 1,
	padding = 0
): Tensor {
	const weight = new Float32Array(filters.length * k * k);
	filters.forEach((f, i) => weight.set(f, i * k * k));
	return kernels.conv2d(
		{ shape: [1, height, width], data },
		{ shape: [filters.length, 1, k, k], data: weight },
		undefined,
		{ stride, padding }
	);
}

/**
 * The cell-by-cell products patch[i]·w[i], as a 1×1 convolution whose weight is diagonal:
 * channel i of the output is w[i] times channel i of the input.
 */
export function products(kernels: KernelSet, patch: Float32Array, filter: Float32Array): Float32Array {
	const n = patch.length;
	const diagonal = new Float32Array(n * n);
	for (let i = 0; i < n; i++) diagonal[i * n + i] = filter[i];
	return kernels.conv1x1({ shape: [n, 1, 1], data: patch }, { shape: [n, n], data: diagonal }).data;
}
