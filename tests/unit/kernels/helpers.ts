import type { AsyncKernelOps, KernelOps } from '../../../src/lib/kernels/types';

export const OP_NAMES: (keyof KernelOps)[] = [
	'convolve1d',
	'correlate1d',
	'convolve2d',
	'correlate2d',
	'flipShiftProducts',
	'matchedFilter',
	'conv2d',
	'maxPool2d',
	'maxPool2dValues',
	'maxPool2dBackward',
	'pNormPool2d',
	'pNormPool2dBackward',
	'conv2dBackward',
	'conv1x1'
];

/** Drives synchronous operations through the asynchronous test body (it still calls the sync path). */
export function asAsync(ops: KernelOps): AsyncKernelOps {
	const out: Record<string, unknown> = {};
	for (const name of OP_NAMES) {
		const f = ops[name] as (...args: unknown[]) => unknown;
		out[name] = async (...args: unknown[]) => f(...args);
	}
	return out as unknown as AsyncKernelOps;
}
