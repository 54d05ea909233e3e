import { describe, expect, it, vi } from 'vitest';
import { createKernelSet, dispatcherOf } from '../../../src/lib/kernels';
import type { KernelSet } from '../../../src/lib/kernels';
import type { SyncEngine } from '../../../src/lib/kernels/engine';
import * as reference from '../../../src/lib/kernels/reference';
import { expectClose, CPU_TOLERANCE } from './suite';
import { digits } from './fixtures';

/** Makes one backend of a set behave like a GL context that was lost: every call throws. */
function loseContext(set: KernelSet, backend: string): void {
	const engine = dispatcherOf(set)!.entry(backend as 'webasm')!.sync!;
	for (const key of Object.keys(engine) as (keyof SyncEngine)[]) {
		if (key !== 'dispose')
			(engine as unknown as Record<string, () => never>)[key] = () => {
				throw new Error(`${backend}: the GL context is lost (simulated)`);
			};
	}
}

function wrongSize(set: KernelSet, backend: string): void {
	const engine = dispatcherOf(set)!.entry(backend as 'webasm')!.sync!;
	engine.correlate2d = () => new Float32Array(3);
}

const x = digits(7, 9);
const h = { shape: [3, 2], data: Float32Array.from([1, -2, 3, 0.5, 4, -1]) };

describe('fallback down the chain, unseen by the caller except through backend', () => {
	it('webasm loses its context: the same call is recomputed on cpu with equal numbers', async () => {
		const set = await createKernelSet({ backend: 'webasm' });
		const before = set.correlate2d(x, h, 'same');
		expect(set.backend).toBe('webasm');
		loseContext(set, 'webasm');
		const after = set.correlate2d(x, h, 'same');
		expect(set.backend).not.toBe('webasm');
		expectClose(after.data, before.data, CPU_TOLERANCE, 'after context loss');
		expectClose(after.data, reference.correlate2d(x, h, 'same').data, CPU_TOLERANCE, 'reference');
		set.dispose();
	});

	it('a dropped backend is said out loud: console.warn and set.dropped name it, the op and the error', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const set = await createKernelSet({ backend: 'webasm' });
		expect(set.dropped).toEqual([]);
		loseContext(set, 'webasm');
		set.correlate2d(x, h, 'same');
		expect(set.dropped).toEqual([
			{ backend: 'webasm', op: 'correlate2d', reason: 'webasm: the GL context is lost (simulated)' }
		]);
		expect(warn).toHaveBeenCalledTimes(1);
		expect(String(warn.mock.calls[0][0])).toMatch(
			/webasm dropped after correlate2d failed \(webasm: the GL context is lost \(simulated\)\); continuing on js/
		);
		warn.mockRestore();
		set.dispose();
	});

	it('a backend returning the wrong number of values is dropped and the call recomputed', async () => {
		const set = await createKernelSet({ backend: 'webasm' });
		wrongSize(set, 'webasm');
		const out = set.correlate2d(x, h, 'valid');
		expect(out.shape).toEqual([5, 8]);
		expectClose(out.data, reference.correlate2d(x, h, 'valid').data, CPU_TOLERANCE, 'recomputed');
		expect(set.backend).not.toBe('webasm');
		set.dispose();
	});

	it('auto: whatever it picked loses its context, results stay equal', async () => {
		const set = await createKernelSet({ backend: 'auto' });
		await dispatcherOf(set)!.background; // every backend measured, so any of them may be picked
		const big = digits(40, 60);
		const first = set.correlate2d(big, h, 'full');
		const picked = set.backend;
		if (picked !== 'js') loseContext(set, picked);
		const again = set.correlate2d(big, h, 'full');
		expectClose(again.data, first.data, CPU_TOLERANCE, 'auto after loss');
		set.dispose();
	});

	it('an explicit backend missing here (webgl2 in node) falls back at creation', async () => {
		const set = await createKernelSet({ backend: 'webgl2' });
		expect(['webasm', 'cpu', 'js']).toContain(set.backend);
		expectClose(set.correlate1d(Float32Array.of(1, 2, 3), Float32Array.of(1, 1)), [1, 3, 5, 3], 0);
		set.dispose();
	});
});
