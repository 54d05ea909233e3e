/**
 * The WebAssembly SIMD GEMM behind the 'js' conv2d and conv1x1 (src/lib/kernels/wasm/), and the
 * JavaScript loops it replaces where SIMD is missing, against the reference on shapes that stress
 * the tiles: one channel, filter counts that are not a multiple of 4, pixel counts that are not a
 * multiple of the 8-pixel tile, strides 2 and 3, padding 2, kernels as large as the input, NaN,
 * and memory that grows and is then reused by smaller calls.
 */
import { describe, expect, it } from 'vitest';
import { convGeometry } from '../../../src/lib/kernels/shape';
import { conv1x1Loops, conv2dLoops } from '../../../src/lib/kernels/js-cnn';
import { createWasmConv, wasmConv } from '../../../src/lib/kernels/wasm/conv';
import { gemmModule } from '../../../src/lib/kernels/wasm/gemm-kernel';
import * as reference from '../../../src/lib/kernels/reference';
import { createRng, gaussianNoise } from '../../../src/lib/signal';
import { CPU_TOLERANCE, expectClose } from './suite';

const rng = createRng(20261127);
const noise = (n: number) => gaussianNoise(rng, n);
const t = (shape: number[]) => ({ shape, data: noise(shape.reduce((a, b) => a * b, 1)) });

it('WebAssembly SIMD is present in node, so the tests below run the wasm path', () => {
	expect(WebAssembly.validate(gemmModule() as BufferSource)).toBe(true);
	expect(wasmConv()).not.toBeNull();
});

const engines = {
	wasm: {
		conv2d: (...a: Parameters<typeof conv2dLoops>) => wasmConv()!.conv2d(...a),
		conv1x1: (...a: Parameters<typeof conv1x1Loops>) => wasmConv()!.conv1x1(...a)
	},
	'wasm 4-pixel tile': {
		conv2d: (...a: Parameters<typeof conv2dLoops>) => createWasmConv(1)!.conv2d(...a),
		conv1x1: (...a: Parameters<typeof conv1x1Loops>) => createWasmConv(1)!.conv1x1(...a)
	},
	'js loops (no SIMD)': { conv2d: conv2dLoops, conv1x1: conv1x1Loops }
};

for (const [name, e] of Object.entries(engines)) {
	describe(`${name} equals the reference`, () => {
		for (const [C, H, W, F, kh, kw, stride, padding] of [
			[1, 5, 7, 1, 3, 3, 1, 0],
			[1, 28, 28, 8, 3, 3, 1, 0],
			[3, 13, 11, 5, 3, 2, 1, 0],
			[16, 32, 32, 32, 3, 3, 1, 0],
			[2, 12, 17, 6, 3, 3, 2, 1],
			[4, 9, 10, 7, 2, 4, 3, 2],
			[5, 7, 20, 9, 5, 5, 1, 2],
			[3, 6, 6, 3, 6, 6, 1, 0],
			[2, 9, 9, 4, 3, 3, 2, 2]
		]) {
			it(`conv2d x=[${C},${H},${W}] w=[${F},${C},${kh},${kw}] stride=${stride} padding=${padding}`, () => {
				const x = t([C, H, W]);
				const w = t([F, C, kh, kw]);
				const b = noise(F);
				const g = convGeometry(x.shape, w.shape, stride, padding);
				const want = reference.conv2d(x, w, b, { stride, padding });
				expectClose(e.conv2d(x.data, w.data, b, g), want.data, CPU_TOLERANCE, 'bias');
				const plain = reference.conv2d(x, w, undefined, { stride, padding });
				expectClose(e.conv2d(x.data, w.data, undefined, g), plain.data, CPU_TOLERANCE, 'no bias');
			});
		}

		for (const [C, H, W, F] of [
			[1, 3, 1, 1],
			[6, 5, 7, 5],
			[3, 1, 4, 6],
			[9, 4, 4, 8],
			[64, 7, 9, 13]
		]) {
			it(`conv1x1 x=[${C},${H},${W}] w=[${F},${C}] with and without bias`, () => {
				const x = t([C, H, W]);
				const w = t([F, C]);
				const b = noise(F);
				const P = H * W;
				expectClose(e.conv1x1(x.data, w.data, b, C, P, F), reference.conv1x1(x, w, b).data, CPU_TOLERANCE);
				expectClose(
					e.conv1x1(x.data, w.data, undefined, C, P, F),
					reference.conv1x1(x, w).data,
					CPU_TOLERANCE
				);
			});
		}

		it('conv2d x=[2,8,8] with a NaN at [1,3,4] padding=1: NaN exactly where the reference has it', () => {
			const x = t([2, 8, 8]);
			x.data[64 + 3 * 8 + 4] = NaN;
			const w = t([5, 2, 3, 3]);
			const g = convGeometry(x.shape, w.shape, 1, 1);
			const want = reference.conv2d(x, w, undefined, { padding: 1 });
			expect(want.data.filter(Number.isNaN).length).toBe(5 * 9);
			expectClose(e.conv2d(x.data, w.data, undefined, g), want.data, CPU_TOLERANCE);
		});
	});
}

it('wasm memory grows for a large call and is reused by smaller ones without stale values', () => {
	const big = t([16, 40, 40]);
	const wBig = t([12, 16, 3, 3]);
	const small = t([2, 6, 5]);
	const wSmall = t([3, 2, 3, 3]);
	const run = (x: typeof big, w: typeof big, padding: number) =>
		wasmConv()!.conv2d(x.data, w.data, undefined, convGeometry(x.shape, w.shape, 1, padding));
	for (const padding of [2, 0, 1]) {
		expectClose(
			run(big, wBig, padding),
			reference.conv2d(big, wBig, undefined, { padding }).data,
			CPU_TOLERANCE
		);
		expectClose(
			run(small, wSmall, padding),
			reference.conv2d(small, wSmall, undefined, { padding }).data,
			CPU_TOLERANCE
		);
	}
});
