/**
 * The kernel operations the CNN layers call. They are the kernel set's own validated operations on
 * its synchronous 'js' engine (WebAssembly SIMD where available), so the trainer and the explainers
 * compute the same convolution and pooling. A layer may be handed other synchronous KernelOps.
 */
import { createJsEngine } from '$lib/kernels/js';
import { syncOps } from '$lib/kernels/ops';
import type { KernelOps } from '$lib/kernels/types';

let shared: KernelOps | null = null;

export function defaultOps(): KernelOps {
	if (!shared) {
		const engine = createJsEngine();
		shared = syncOps((part) => part.call(engine));
	}
	return shared;
}

export type { KernelOps };
