/**
 * WGSL and GLSL let the compiler assume finite floats, so a shader backend may turn a NaN or ±∞
 * into any number. The dispatcher keeps such calls off the shader backends (dispatch.ts); here a
 * stand-in 'webgl2' engine that answers 42 for everything shows which calls reach it.
 */
import { expect, it } from 'vitest';
import { Dispatcher } from '../../../src/lib/kernels/dispatch';
import { createJsEngine } from '../../../src/lib/kernels/js';
import type { SyncEngine } from '../../../src/lib/kernels/engine';
import type { EngineEntry } from '../../../src/lib/kernels/backends';
import type { Backend } from '../../../src/lib/kernels/types';
import { syncOps } from '../../../src/lib/kernels/ops';
import * as reference from '../../../src/lib/kernels/reference';

/** A backend whose every operation returns the right length filled with 42. */
function standIn(backend: Backend): EngineEntry {
	const js = createJsEngine();
	const sync = new Proxy(js, {
		get(target, key) {
			const real = Reflect.get(target, key) as (...a: unknown[]) => Float32Array;
			if (key === 'dispose' || typeof real !== 'function') return real;
			return (...args: unknown[]) => real(...args).fill(42);
		}
	}) as SyncEngine;
	return { backend, sync, dispose: () => js.dispose() };
}

function setOn(backend: Backend) {
	const js = createJsEngine();
	const dispatcher = new Dispatcher(
		[standIn(backend), { backend: 'js', sync: js, dispose: () => js.dispose() }],
		backend
	);
	return { ops: syncOps((part) => dispatcher.exec(part)), dispatcher };
}

const image = (...v: number[]) => ({ shape: [1, 2, 3], data: Float32Array.from(v) });

for (const backend of ['webgpu', 'webgl2', 'webgl', 'headlessgl'] as Backend[]) {
	it(`${backend}: finite data runs on it; data with NaN, +∞ or −∞ runs on js and gives numpy's answer`, () => {
		const { ops, dispatcher } = setOn(backend);
		expect(Array.from(ops.maxPool2d(image(1, 9, 3, 4, 5, 2), { size: 2, stride: 1 }).output.data)).toEqual([
			42, 42
		]);
		expect(dispatcher.last).toBe(backend);
		for (const odd of [NaN, Infinity, -Infinity]) {
			const x = image(1, 9, 3, odd, 5, 2);
			const pooled = ops.pNormPool2d(x, { size: 2, stride: 1, p: 3 });
			expect(dispatcher.last, `${odd}`).toBe('js');
			expect(Array.from(pooled.data)).toEqual(
				Array.from(reference.pNormPool2d(x, { size: 2, stride: 1, p: 3 }).data)
			);
		}
		// a non-finite value in the second argument (here the kernel) counts too
		const c = ops.correlate1d(Float32Array.from([1, 2, 3]), Float32Array.from([NaN]), 'valid');
		expect(dispatcher.last).toBe('js');
		expect(Array.from(c).every(Number.isNaN)).toBe(true);
	});
}

it('webasm and cpu compute in IEEE arithmetic, so NaN stays on them', () => {
	for (const backend of ['webasm', 'cpu'] as Backend[]) {
		const { ops, dispatcher } = setOn(backend);
		ops.maxPool2d(image(1, NaN, 3, 4, 5, 2), { size: 2, stride: 1 });
		expect(dispatcher.last).toBe(backend);
	}
});
