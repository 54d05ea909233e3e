/**
 * 'auto' starts on js at once and measures the other backends in the background (auto.ts): the
 * set resolves before GPU.js is built, later calls go where the set's own measurements predict the
 * shortest time, and dispose() stops the background work without leaking engines.
 */
import { describe, expect, it } from 'vitest';
import { createKernelSet, dispatcherOf } from '../../../src/lib/kernels';
import { calibration, predictMs } from '../../../src/lib/kernels/calibrate';
import * as reference from '../../../src/lib/kernels/reference';
import { CPU_TOLERANCE, expectClose } from './suite';
import { digits } from './fixtures';

const h = { shape: [3, 3], data: Float32Array.from([1, 0, -1, 2, 0, -2, 1, 0, -1]) };

describe('auto: no start-up cost, background measurement', () => {
	it('createKernelSet({backend: auto}) resolves on js alone, before any GPU.js mode is built', async () => {
		const t0 = performance.now();
		const set = await createKernelSet({ backend: 'auto' });
		const ms = performance.now() - t0;
		console.log(`auto start-up ${ms.toFixed(1)} ms`);
		expect(dispatcherOf(set)!.backends).toEqual(['js']);
		expect(set.backend).toBe('js');
		// a call made before the background work ran is answered by js, correctly
		const x = digits(9, 13);
		expectClose(set.correlate2d(x, h, 'same').data, reference.correlate2d(x, h, 'same').data, CPU_TOLERANCE);
		expect(set.backend).toBe('js');
		set.dispose();
	});

	it('after the background work, webasm has joined and the next call runs where predicted fastest', async () => {
		const set = await createKernelSet({ backend: 'auto' });
		await dispatcherOf(set)!.background;
		const models = calibration();
		expect(dispatcherOf(set)!.backends).toEqual(['webasm', 'js']);
		expect(models.has('cpu')).toBe(false); // dominated by js: never built
		const x = digits(100, 100);
		const work = 100 * 100 * 9;
		const predicted = (b: 'js' | 'webasm') => predictMs(models.get(b)!, 'correlate2d', work);
		const best = predicted('js') <= predicted('webasm') ? 'js' : 'webasm';
		console.log(`predicted js ${predicted('js').toFixed(3)} ms, webasm ${predicted('webasm').toFixed(3)} ms`);
		const out = set.correlate2d(x, h, 'same');
		expect(set.backend).toBe(best);
		expectClose(out.data, reference.correlate2d(x, h, 'same').data, CPU_TOLERANCE);
		set.dispose();
	});

	it('dispose() during the background work stops it: no engine joins a disposed set', async () => {
		const set = await createKernelSet({ backend: 'auto' });
		set.dispose();
		await dispatcherOf(set)!.background;
		expect(dispatcherOf(set)!.backends).toEqual([]);
		expect(() => set.correlate1d(Float32Array.of(1), Float32Array.of(1))).toThrow(/dispose/);
	});
});
