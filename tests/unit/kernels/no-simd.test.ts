/**
 * The 'js' correlations where WebAssembly SIMD is missing (the correlation kernel reports null):
 * the row loops alone must still equal the reference.
 */
import { describe, expect, it, vi } from 'vitest';
import { createJsEngine } from '../../../src/lib/kernels/js';
import * as reference from '../../../src/lib/kernels/reference';
import { outputRange } from '../../../src/lib/kernels/shape';
import { createRng, gaussianNoise } from '../../../src/lib/signal';
import { CPU_TOLERANCE, expectClose } from './suite';

vi.mock('../../../src/lib/kernels/wasm/correlate', () => ({ wasmCorrelate: () => null }));

const rng = createRng(20261202);
const noise = (n: number) => gaussianNoise(rng, n);
const js = createJsEngine();

describe('js correlations without WebAssembly SIMD equal the reference', () => {
	it('matchedFilter signal=[3000] template=[40] with a NaN and a DC offset', () => {
		const signal = noise(3000);
		signal[700] = NaN;
		for (let i = 2000; i < 3000; i++) signal[i] += 100;
		const template = noise(40);
		const want = reference.matchedFilter(signal, template);
		const both = js.matchedFilter(signal, template);
		expect(both.length).toBe(2 * want.output.length);
		expectClose(both.subarray(0, want.output.length), want.output, CPU_TOLERANCE, 'output');
		expectClose(both.subarray(want.output.length), want.normalized, CPU_TOLERANCE, 'normalized');
	});

	for (const mode of ['full', 'same', 'valid'] as const) {
		it(`correlate1d x=[50] h=[7] and correlate2d x=[9,11] h=[3,4] ${mode}`, () => {
			const x = noise(50);
			const h = noise(7);
			expectClose(
				js.correlate1d(x, h, outputRange(50, 7, mode)),
				reference.correlate1d(x, h, mode),
				CPU_TOLERANCE
			);
			const img = { shape: [9, 11], data: noise(99) };
			const k = { shape: [3, 4], data: noise(12) };
			const got = js.correlate2d(
				img.data,
				9,
				11,
				k.data,
				3,
				4,
				outputRange(9, 3, mode),
				outputRange(11, 4, mode)
			);
			expectClose(got, reference.correlate2d(img, k, mode).data, CPU_TOLERANCE);
		});
	}
});
