/**
 * Conv2d's backward pass for training, scattered from the output gradient. After ReLU and max
 * pooling most of a conv layer's output gradient is exactly zero (pooling passes one cell in four,
 * ReLU about half of those), so walking the non-zero cells and spreading each over its window's taps
 * does a fraction of the work of the dense products (measured: 8→16 filters on 14×14, batch 32,
 * 38 ms dense vs a few ms here). Same maths as the kernel set's conv2dBackward (tests compare them).
 */
import type { Conv2dGradients, Tensor } from '$lib/kernels/types';

export function conv2dBackwardSparse(
	input: Tensor,
	weight: Tensor,
	gradOutput: Tensor,
	stride: number,
	padding: number
): Conv2dGradients {
	const [N, C, H, W] = input.shape;
	const [F, , kh, kw] = weight.shape;
	const [, , Ho, Wo] = gradOutput.shape;
	const Hp = H + 2 * padding;
	const Wp = W + 2 * padding;
	const T = C * kh * kw;
	// offsets of tap t = (c, ky, kx) from a window's top-left corner in the padded image
	const taps = new Int32Array(T);
	for (let c = 0, t = 0; c < C; c++)
		for (let ky = 0; ky < kh; ky++) for (let kx = 0; kx < kw; kx++) taps[t++] = c * Hp * Wp + ky * Wp + kx;
	const xp = new Float32Array(C * Hp * Wp);
	const dxp = new Float32Array(C * Hp * Wp);
	const dx = new Float32Array(N * C * H * W);
	const dW = new Float64Array(F * T);
	const dB = new Float64Array(F);
	const w = weight.data;
	const g = gradOutput.data;
	for (let n = 0; n < N; n++) {
		for (let c = 0; c < C; c++)
			for (let y = 0; y < H; y++) {
				const src = ((n * C + c) * H + y) * W;
				xp.set(input.data.subarray(src, src + W), c * Hp * Wp + (y + padding) * Wp + padding);
			}
		dxp.fill(0);
		for (let f = 0; f < F; f++) {
			const gBase = (n * F + f) * Ho * Wo;
			const wBase = f * T;
			let bias = 0;
			for (let oy = 0; oy < Ho; oy++)
				for (let ox = 0; ox < Wo; ox++) {
					const gv = g[gBase + oy * Wo + ox];
					if (gv === 0) continue;
					bias += gv;
					const base = oy * stride * Wp + ox * stride;
					for (let t = 0; t < T; t++) {
						const i = base + taps[t];
						dW[wBase + t] += gv * xp[i];
						dxp[i] += gv * w[wBase + t];
					}
				}
			dB[f] += bias;
		}
		for (let c = 0; c < C; c++)
			for (let y = 0; y < H; y++) {
				const from = c * Hp * Wp + (y + padding) * Wp + padding;
				dx.set(dxp.subarray(from, from + W), ((n * C + c) * H + y) * W);
			}
	}
	return {
		gradInput: { shape: [...input.shape], data: dx },
		gradWeight: { shape: [...weight.shape], data: Float32Array.from(dW) },
		gradBias: Float32Array.from(dB)
	};
}
