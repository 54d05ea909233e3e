/**
 * The register-blocked 'js' paths against the reference on shapes that stress their edges: filter
 * counts that are not a multiple of the 4-filter tile, widths that are not a multiple of the 3- and
 * 4-wide pixel tiles, strides and padding, and matched filters longer than the 1024-window re-sum
 * period with NaN, ∞, a spike of 1e8, a constant stretch and a large DC offset.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKernelSet, type KernelSet, type Mode } from '../../../src/lib/kernels';
import { correlate2dLoops } from '../../../src/lib/kernels/js';
import * as reference from '../../../src/lib/kernels/reference';
import { outputRange } from '../../../src/lib/kernels/shape';
import { createRng, gaussianNoise } from '../../../src/lib/signal';
import { CPU_TOLERANCE, expectClose } from './suite';

const rng = createRng(20261127);
const noise = (n: number) => gaussianNoise(rng, n);
const t = (shape: number[]) => ({ shape, data: noise(shape.reduce((a, b) => a * b, 1)) });

let js: KernelSet;
beforeAll(async () => {
	js = await createKernelSet({ backend: 'js' });
});
afterAll(() => js.dispose());

describe('js blocked loops equal the reference', () => {
	for (const [C, H, W, F, kh, kw, stride, padding] of [
		[3, 13, 11, 5, 3, 2, 1, 0],
		[2, 12, 17, 6, 3, 3, 2, 1],
		[4, 9, 10, 7, 2, 4, 3, 2],
		[1, 8, 8, 1, 1, 1, 1, 0],
		[5, 7, 20, 9, 5, 5, 1, 2]
	]) {
		it(`conv2d x=[${C},${H},${W}] w=[${F},${C},${kh},${kw}] stride=${stride} padding=${padding}`, () => {
			const x = t([C, H, W]);
			const w = t([F, C, kh, kw]);
			const b = noise(F);
			const got = js.conv2d(x, w, b, { stride, padding });
			const want = reference.conv2d(x, w, b, { stride, padding });
			expect(got.shape).toEqual(want.shape);
			expectClose(got.data, want.data, CPU_TOLERANCE, 'conv2d');
		});
	}

	for (const [C, H, W, F] of [
		[6, 5, 7, 1],
		[6, 5, 7, 5],
		[3, 1, 4, 6],
		[9, 4, 4, 8]
	]) {
		it(`conv1x1 x=[${C},${H},${W}] w=[${F},${C}] with and without bias`, () => {
			const x = t([C, H, W]);
			const w = t([F, C]);
			const b = noise(F);
			expectClose(js.conv1x1(x, w, b).data, reference.conv1x1(x, w, b).data, CPU_TOLERANCE, 'bias');
			expectClose(js.conv1x1(x, w).data, reference.conv1x1(x, w).data, CPU_TOLERANCE, 'no bias');
		});
	}

	for (const [H, W, kh, kw] of [
		[37, 41, 5, 7],
		[20, 20, 1, 1],
		[9, 30, 6, 2],
		[4, 5, 7, 9]
	]) {
		for (const mode of ['full', 'same', 'valid'] as Mode[]) {
			if (mode !== 'full' && (kh > H || kw > W)) continue; // only 'full' allows a larger kernel
			it(`correlate2d x=[${H},${W}] h=[${kh},${kw}] ${mode}: SIMD path and row loops`, () => {
				const x = t([H, W]);
				const h = t([kh, kw]);
				const want = reference.correlate2d(x, h, mode).data;
				expectClose(js.correlate2d(x, h, mode).data, want, CPU_TOLERANCE, mode);
				const [rows, cols] = [outputRange(H, kh, mode), outputRange(W, kw, mode)];
				const loops = correlate2dLoops(x.data, H, W, h.data, kh, kw, rows, cols);
				expectClose(loops, want, CPU_TOLERANCE, `${mode} loops`);
			});
		}
	}

	it('correlate2d with an ∞ tap (the loops, not the padded SIMD path) gives NaN only where the reference does', () => {
		const x = t([6, 7]);
		const h = t([3, 3]);
		h.data[0] = Infinity; // the corner tap: outside the image for the first row and column of full and same
		x.data[10] = 0; // ∞·0 inside the image is NaN on every path
		for (const mode of ['full', 'same', 'valid'] as Mode[]) {
			const want = reference.correlate2d(x, h, mode).data;
			expect(want.some(Number.isNaN), mode).toBe(true);
			expect(want.some(Number.isFinite), mode).toBe(mode !== 'valid');
			expectClose(js.correlate2d(x, h, mode).data, want, CPU_TOLERANCE, mode);
		}
	});

	it('matchedFilter signal=[5000] template=[64] with NaN, ∞, a spike of 1e8, a constant stretch and a DC offset of 1000', () => {
		const template = noise(64);
		const signal = noise(5000);
		signal[1500] = NaN;
		signal[2000] = Infinity; // Σs² = ∞ while it is in the window; the windows after it must recover
		signal[3000] = 1e8; // a spike: Σs² dwarfs its neighbours while it is in the window
		signal.fill(2, 4000, 4100);
		for (let i = 4200; i < 5000; i++) signal[i] += 1000;
		const got = js.matchedFilter(signal, template);
		const want = reference.matchedFilter(signal, template);
		expectClose(got.output, want.output, CPU_TOLERANCE, 'output');
		expectClose(got.normalized, want.normalized, CPU_TOLERANCE, 'normalized');
		expect(got.peakIndex).toBe(want.peakIndex);
	});
});
