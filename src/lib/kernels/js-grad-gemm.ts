/**
 * conv2d's gradients as products on the WebAssembly SIMD GEMM (wasm/conv.ts), for the 'js' backend:
 *
 * - input gradient: a stride-1 valid conv2d of the output gradient, dilated by the stride and
 *   zero-padded by k − 1 − p, with the kernels flipped and filters/channels swapped (a "full"
 *   convolution); needs p ≤ k − 1 on both axes.
 * - weight gradient: [F × N·P] · [N·P × C·kh·kw], the output gradient times the im2col rows of the
 *   padded input (row (n, oy, ox) holds the window that produced output (oy, ox) of image n).
 *
 * Sums are float32 in the GEMM's order (the loops in js-grad.ts sum in double).
 */
import type { ConvGeometry } from './shape';
import type { WasmConv } from './wasm/conv';
import { roundUp } from './wasm/module';

export function gradInputFits(g: ConvGeometry): boolean {
	return g.padding <= g.kh - 1 && g.padding <= g.kw - 1;
}

export function gradInputGemm(wasm: WasmConv, grad: Float32Array, weight: Float32Array, g: ConvGeometry) {
	const { batch: N, channels: C, height: H, width: W, filters: F, kh, kw, stride: s, padding: p } = g;
	const { outHeight: oh, outWidth: ow } = g;
	const Hd = H + kh - 1;
	const Wd = W + kw - 1;
	const dilated = new Float32Array(N * F * Hd * Wd);
	for (let nf = 0; nf < N * F; nf++)
		for (let oy = 0; oy < oh; oy++) {
			const from = (nf * oh + oy) * ow;
			let to = (nf * Hd + kh - 1 - p + oy * s) * Wd + kw - 1 - p;
			for (let ox = 0; ox < ow; ox++, to += s) dilated[to] = grad[from + ox];
		}
	const flipped = new Float32Array(C * F * kh * kw);
	for (let f = 0; f < F; f++)
		for (let c = 0; c < C; c++)
			for (let i = 0; i < kh; i++)
				for (let j = 0; j < kw; j++)
					flipped[((c * F + f) * kh + kh - 1 - i) * kw + kw - 1 - j] =
						weight[((f * C + c) * kh + i) * kw + j];
	const full: ConvGeometry = {
		batch: N,
		channels: F,
		height: Hd,
		width: Wd,
		filters: C,
		kh,
		kw,
		stride: 1,
		padding: 0,
		outHeight: H,
		outWidth: W
	};
	return wasm.conv2d(dilated, flipped, undefined, full);
}

export function gradWeightGemm(wasm: WasmConv, input: Float32Array, grad: Float32Array, g: ConvGeometry) {
	const { batch: N, channels: C, height: H, width: W, filters: F, kh, kw, stride: s, padding: p } = g;
	const { outHeight: oh, outWidth: ow } = g;
	const P = oh * ow;
	const K = N * P;
	const T = C * kh * kw;
	const q = roundUp(T, wasm.tile);
	// the output gradient as [F, N·P]
	const lhs = new Float32Array(F * K);
	for (let n = 0; n < N; n++)
		for (let f = 0; f < F; f++) lhs.set(grad.subarray((n * F + f) * P, (n * F + f + 1) * P), f * K + n * P);
	const taps = Int32Array.from({ length: K }, (_, k) => k * q * 4);
	const wide = wasm.product(lhs, undefined, F, taps, K * q, q, (x) => {
		x.fill(0);
		for (let n = 0, k = 0; n < N; n++)
			for (let oy = 0; oy < oh; oy++)
				for (let ox = 0; ox < ow; ox++, k++)
					for (let c = 0, t = k * q; c < C; c++)
						for (let i = 0; i < kh; i++) {
							const y = oy * s - p + i;
							if (y < 0 || y >= H) {
								t += kw;
								continue;
							}
							const row = ((n * C + c) * H + y) * W;
							for (let j = 0; j < kw; j++, t++) {
								const xx = ox * s - p + j;
								if (xx >= 0 && xx < W) x[t] = input[row + xx];
							}
						}
	});
	const out = new Float32Array(F * T);
	for (let f = 0; f < F; f++) out.set(wide.subarray(f * q, f * q + T), f * T);
	return out;
}
