import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, createKernelSet } from '../../../src/lib/kernels';
import type { Backend, KernelSet } from '../../../src/lib/kernels';
import * as reference from '../../../src/lib/kernels/reference';
import { asAsync } from './helpers';
import { defineKernelTests } from './suite';
import { defineGradTests } from './suite-grad';
import { definePNormTests } from './suite-pnorm';

const present = await availableBackends();
/** Node has no GL or WebGPU (headlessgl needs the optional native `gl`, never installed here). */
const NODE_BACKENDS: Backend[] = ['js', 'cpu', 'webasm', 'headlessgl'];

describe('reference (the oracle) against numpy/scipy', () => {
	defineKernelTests('js', () => asAsync(reference));
	defineGradTests('js', () => asAsync(reference));
	definePNormTests('js', () => asAsync(reference));
});

for (const backend of NODE_BACKENDS) {
	describe.skipIf(!present.includes(backend))(`backend ${backend} (skipped when not present here)`, () => {
		let set: KernelSet;
		beforeAll(async () => {
			set = await createKernelSet({ backend });
		});
		afterAll(() => set.dispose());

		it(`createKernelSet({backend: '${backend}'}) really runs ${backend}`, () => {
			expect(set.backend).toBe(backend);
		});
		defineKernelTests(backend, () => asAsync(set));
		defineGradTests(backend, () => asAsync(set));
		definePNormTests(backend, () => asAsync(set));
		it(`${backend}: the async operations give the same numbers`, async () => {
			const x = Float32Array.from([111, 112, 113, 121, 122]);
			const h = Float32Array.from([1, 0, -1]);
			expect(Array.from(await set.async.correlate1d(x, h, 'same'))).toEqual(
				Array.from(set.correlate1d(x, h, 'same'))
			);
			expect(set.backend).toBe(backend);
		});
	});
}

it('js, cpu and webasm are present in node', () => {
	expect(present).toEqual(expect.arrayContaining(['js', 'cpu', 'webasm']));
});
