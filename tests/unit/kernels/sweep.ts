/**
 * Many shapes in a row on one kernel set (node and Chromium): the kernel fixtures' CNN shapes in
 * order, then `count` generated conv2d/pooling/gradient shapes, each a new GPU.js kernel. Before
 * the kernel caches were bounded, Chromium's webasm backend ran out of WebAssembly memory part way
 * and every later call ran on js.
 */
import type { Backend, KernelSet, Tensor } from '../../../src/lib/kernels/types';
import * as reference from '../../../src/lib/kernels/reference';
import { fixtures, tensor } from './fixtures';

export interface SweepReport {
	calls: number;
	/** Every backend that ran a call, in first-use order. */
	ran: Backend[];
	dropped: { backend: Backend; reason: string }[];
	/** Largest |set − reference| over the last shapes' conv2d outputs (results still right after evictions). */
	lastError: number;
}

const seq = (shape: number[], seed: number): Tensor => ({
	shape,
	data: Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => ((i * 7 + seed) % 13) - 6)
});

export function sweep(set: KernelSet, count: number): SweepReport {
	const ran = new Set<Backend>();
	let calls = 0;
	const note = () => {
		ran.add(set.backend);
		calls++;
	};
	for (const c of fixtures.conv2d) {
		set.conv2d(tensor(c.x, c.xData), tensor(c.w, c.wData), undefined, {
			stride: c.stride,
			padding: c.padding
		});
		note();
	}
	for (const c of fixtures.maxPool2d) {
		set.maxPool2d(tensor(c.x, c.xData), { size: c.size, stride: c.stride, ceilMode: c.ceilMode });
		note();
	}
	let lastError = 0;
	for (let i = 0; i < count; i++) {
		const C = 1 + (i % 3);
		const H = 5 + (i % 11);
		const W = 6 + ((i * 7) % 9);
		const k = 1 + (i % 3);
		const opts = { stride: 1 + (i % 2), padding: i % 3 };
		const x = seq([1 + (i % 2), C, H, W], i);
		const w = seq([1 + (i % 4), C, k, k], i + 1);
		const y = set.conv2d(x, w, undefined, opts);
		note();
		if (i >= count - 3) {
			const want = reference.conv2d(x, w, undefined, opts).data;
			for (let j = 0; j < want.length; j++) lastError = Math.max(lastError, Math.abs(y.data[j] - want[j]));
		}
		if (i % 3 === 0) set.conv2dBackward(x, w, seq([...y.shape], i + 2), opts);
		else if (i % 3 === 1) set.maxPool2d(x, { size: 2, stride: 1 + (i % 2) });
		else set.pNormPool2dBackward(x, seq([x.shape[0], C, H - 1, W - 1], i), { size: 2, stride: 1, p: 2 });
		note();
	}
	return {
		calls,
		ran: [...ran],
		dropped: set.dropped.map((d) => ({ backend: d.backend, reason: d.reason })),
		lastError
	};
}
