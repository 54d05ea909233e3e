import { describe, expect, it } from 'vitest';
import { availableBackends, createKernelSet, dispatcherOf } from '../../../src/lib/kernels';
import type { Backend } from '../../../src/lib/kernels';
import { KERNEL_CACHE_LIMIT, KernelCache } from '../../../src/lib/kernels/gpu/kernel-cache';
import { sweep } from './sweep';

const present = await availableBackends();

describe('KernelCache (least recently used, destroying what it evicts)', () => {
	const kernel = (log: string[], name: string) => ({ name, destroy: () => log.push(name) });

	it(`KernelCache limit=3: the 4th new key destroys the least recently used, a hit refreshes`, () => {
		const log: string[] = [];
		const cache = new KernelCache<ReturnType<typeof kernel>>(3);
		for (const k of ['a', 'b', 'c']) cache.get(k, () => kernel(log, k));
		expect(cache.get('a', () => kernel(log, 'a2')).name).toBe('a'); // a hit, now most recent
		cache.get('d', () => kernel(log, 'd'));
		expect(log).toEqual(['b']);
		cache.get('e', () => kernel(log, 'e'));
		expect(log).toEqual(['b', 'c']);
		expect(cache.size).toBe(3);
		expect([cache.built, cache.evicted]).toEqual([5, 2]);
		cache.clear();
		expect(log.sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
	});

	it('KernelCache limit=1: a kernel evicted during an async call is destroyed only after it settles', async () => {
		const log: string[] = [];
		const cache = new KernelCache<ReturnType<typeof kernel>>(1);
		const a = cache.get('a', () => kernel(log, 'a'));
		let finish!: () => void;
		const call = cache.track(a, new Promise<void>((r) => (finish = r)));
		cache.get('b', () => kernel(log, 'b'));
		expect(log).toEqual([]);
		finish();
		await call;
		await Promise.resolve();
		expect(log).toEqual(['a']);
	});
});

for (const backend of ['cpu', 'webasm', 'js'] as Backend[]) {
	describe.skipIf(!present.includes(backend))(`kernel caches on ${backend}`, () => {
		it(`${backend}: the fixtures' shapes then 300 more shapes all run on ${backend}, within ${KERNEL_CACHE_LIMIT} kernels`, async () => {
			const set = await createKernelSet({ backend });
			const report = sweep(set, 300);
			expect(report.dropped).toEqual([]);
			expect(report.ran).toEqual([backend]);
			expect(report.calls).toBeGreaterThan(600);
			expect(report.lastError).toBeLessThan(1e-3);
			const engine = dispatcherOf(set)!.entry(backend)!.sync!;
			if (backend !== 'js') expect(engine.cacheSize?.()).toBeLessThanOrEqual(KERNEL_CACHE_LIMIT);
			set.dispose();
		}, 120_000);
	});
}
