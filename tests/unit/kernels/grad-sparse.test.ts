import { describe, expect, it } from 'vitest';
import { gradInputLoops, gradWeightLoops } from '$lib/kernels/js-grad';
import {
	gradInputSparse,
	gradWeightSparse,
	isSparse,
	nonZeroIndices,
	SPARSE_GRADIENT_SHARE
} from '$lib/kernels/js-grad-sparse';
import { conv2dBackward } from '$lib/kernels/reference';
import { convGeometry, convOutputSize } from '$lib/kernels/shape';
import { createRng, uniformArray } from '$lib/signal/random';

/** Sums of a few dozen float32 products in double precision: agreement to float32 rounding. */
const TOLERANCE = 1e-5;

function expectClose(got: Float32Array, want: Float32Array): void {
	expect(got.length).toBe(want.length);
	for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThanOrEqual(TOLERANCE);
}

describe('conv2d gradients scattered from the non-zero cells (js-grad-sparse.ts)', () => {
	for (const [N, C, F, k, stride, padding] of [
		[2, 2, 3, 3, 1, 1],
		[1, 1, 4, 5, 2, 2],
		[3, 3, 2, 3, 2, 0],
		[2, 1, 8, 3, 1, 0]
	])
		it(`sparse gradInput/gradWeight N=${N} C=${C} F=${F} k=${k} stride=${stride} padding=${padding} equal the dense loops and the reference`, () => {
			const rng = createRng(N * 100 + C * 10 + F);
			const [H, W] = [9, 8];
			const oh = convOutputSize(H, k, stride, padding);
			const ow = convOutputSize(W, k, stride, padding);
			const input = uniformArray(rng, N * C * H * W);
			const weight = uniformArray(rng, F * C * k * k);
			// about one cell in four non-zero, like a conv layer's gradient after ReLU and max pooling
			const grad = uniformArray(rng, N * F * oh * ow).map((v) => (v > 0.5 ? v : 0));
			expect(isSparse(grad)).toBe(true);
			const g = convGeometry([C, H, W], [F, C, k, k], stride, padding, N);
			const ref = conv2dBackward(
				{ shape: [N, C, H, W], data: input },
				{ shape: [F, C, k, k], data: weight },
				{ shape: [N, F, oh, ow], data: grad },
				{ stride, padding }
			);
			expectClose(gradInputSparse(grad, weight, g), gradInputLoops(grad, weight, g));
			expectClose(gradWeightSparse(input, grad, g), gradWeightLoops(input, grad, g));
			expectClose(gradInputSparse(grad, weight, g), ref.gradInput.data);
			expectClose(gradWeightSparse(input, grad, g), ref.gradWeight.data);
		});

	it(`isSparse: true up to ${SPARSE_GRADIENT_SHARE * 100} % non-zero cells, false above`, () => {
		const grad = new Float32Array(100);
		grad.fill(1, 0, Math.floor(100 * SPARSE_GRADIENT_SHARE));
		expect(isSparse(grad)).toBe(true);
		grad.fill(1, 0, Math.floor(100 * SPARSE_GRADIENT_SHARE) + 1);
		expect(isSparse(grad)).toBe(false);
		expect(isSparse(new Float32Array(10).fill(-2))).toBe(false);
	});

	it('nonZeroIndices: ascending indices of the non-zero cells; −0 is zero, NaN and subnormals are not', () => {
		const grad = Float32Array.from([0, -0, 2, 0, NaN, -1e-45, 0, 0, 0, 0, 0, 0]);
		expect(Array.from(nonZeroIndices(grad) ?? [])).toEqual([2, 4, 5]);
		// beyond 1024 cells the count is checked chunk by chunk: 3000 of 3001 non-zero is too many
		expect(nonZeroIndices(new Float32Array(3001).fill(1, 1))).toBeNull();
		const spread = new Float32Array(3001);
		for (let i = 0; i < 3001; i += 10) spread[i] = -3;
		expect(nonZeroIndices(spread)?.length).toBe(301);
		expect(nonZeroIndices(spread)?.[300]).toBe(3000);
	});

	it('a NaN gradient cell counts as non-zero and propagates', () => {
		const g = convGeometry([1, 4, 4], [1, 1, 3, 3], 1, 0, 1);
		const grad = new Float32Array(4);
		grad[0] = NaN;
		expect(Number.isNaN(gradInputSparse(grad, new Float32Array(9).fill(1), g)[0])).toBe(true);
	});
});
