/**
 * Measuring instead of assuming: each backend runs a small 2-D correlation at two sizes, giving a
 * per-call overhead and a cost per multiply-add. `auto` then predicts every call's time from its
 * work and picks the fastest backend for that operation and size. The numbers are cached per page
 * load (per process in Node): calibration costs tens of milliseconds once.
 */
import type { Engine } from './engine';
import type { Backend } from './types';

export interface CostModel {
	overheadMs: number;
	msPerWork: number;
}

const cache = new Map<Backend, CostModel>();

const now = () => performance.now();

async function median(f: () => unknown, runs: number): Promise<number> {
	await f(); // builds (and compiles) the kernel outside the measurement
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = now();
		await f();
		times.push(now() - t0);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(runs / 2)];
}

function image(n: number): Float32Array {
	return Float32Array.from({ length: n * n }, (_, i) => ((i * 7919) % 101) / 101);
}

export async function measure(engine: Engine<unknown>): Promise<CostModel> {
	const small = 8;
	const large = 96;
	const k = 5;
	const h = image(k).subarray(0, k * k);
	const xs = image(small);
	const xl = image(large);
	const range = (n: number) => ({ length: n, offset: (k - 1) >> 1 });
	const tSmall = await median(
		() => engine.correlate2d(xs, small, small, h, k, k, range(small), range(small)),
		5
	);
	const tLarge = await median(
		() => engine.correlate2d(xl, large, large, h, k, k, range(large), range(large)),
		3
	);
	const wSmall = small * small * k * k;
	const wLarge = large * large * k * k;
	const msPerWork = Math.max(0, (tLarge - tSmall) / (wLarge - wSmall));
	return { overheadMs: Math.max(0, tSmall - msPerWork * wSmall), msPerWork };
}

export async function costModel(backend: Backend, engine: Engine<unknown>): Promise<CostModel> {
	let model = cache.get(backend);
	if (!model) {
		model = await measure(engine);
		cache.set(backend, model);
	}
	return model;
}

export function predictMs(model: CostModel, work: number): number {
	return model.overheadMs + model.msPerWork * work;
}

/** The cost models measured so far in this page load (for reports and tests). */
export function calibration(): Map<Backend, CostModel> {
	return new Map(cache);
}
