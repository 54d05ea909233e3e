/**
 * The 'js' backend's conv2d gradients: on the WebAssembly SIMD GEMM (js-grad-gemm.ts) where it
 * is present, else these loops. Both loops read the zero-padded image (js-cnn.ts `padded`), so
 * their inner loops carry no bounds checks: the input gradient is scattered into a padded buffer
 * and cropped, the weight gradient is a dot product of an output-gradient row with a strided
 * padded-input row. A mostly-zero output gradient (a training step's, after ReLU and pooling) is
 * scattered cell by cell instead (js-grad-sparse.ts). Sums are in double precision.
 */
import type { ConvGeometry } from './shape';
import { padded } from './js-cnn';
import { gradInputFits, gradInputGemm, gradWeightGemm } from './js-grad-gemm';
import { gradInputSparse, gradWeightSparse, nonZeroIndices } from './js-grad-sparse';
import { wasmConv } from './wasm/conv';

/** Scattered when the gradient is mostly zeros; else on the SIMD GEMM where it is present (js-grad-gemm.ts), else the loops below. */
export function conv2dGradInput(grad: Float32Array, weight: Float32Array, g: ConvGeometry): Float32Array {
	const found = nonZeroIndices(grad);
	if (found) return gradInputSparse(grad, weight, g, found);
	const wasm = wasmConv();
	return wasm && gradInputFits(g) ? gradInputGemm(wasm, grad, weight, g) : gradInputLoops(grad, weight, g);
}

export function conv2dGradWeight(input: Float32Array, grad: Float32Array, g: ConvGeometry): Float32Array {
	const found = nonZeroIndices(grad);
	if (found) return gradWeightSparse(input, grad, g, found);
	const wasm = wasmConv();
	return wasm ? gradWeightGemm(wasm, input, grad, g) : gradWeightLoops(input, grad, g);
}

/** gradInput[n,c,y,x] = Σ_f,i,j gradOutput[n,f,oy,ox]·w[f,c,i,j] where y = oy·s − p + i, x = ox·s − p + j. */
export function gradInputLoops(grad: Float32Array, weight: Float32Array, g: ConvGeometry): Float32Array {
	const { batch: N, channels: C, height: H, width: W, filters: F, kh, kw, stride: s, padding: p } = g;
	const { outHeight: oh, outWidth: ow } = g;
	const Hp = H + 2 * p;
	const Wp = W + 2 * p;
	const out = new Float32Array(N * C * H * W);
	const acc = new Float64Array(C * Hp * Wp);
	for (let n = 0; n < N; n++) {
		acc.fill(0);
		for (let f = 0; f < F; f++)
			for (let c = 0; c < C; c++)
				for (let i = 0; i < kh; i++)
					for (let j = 0; j < kw; j++) {
						const w = weight[((f * C + c) * kh + i) * kw + j];
						if (w === 0) continue;
						for (let oy = 0; oy < oh; oy++) {
							const from = ((n * F + f) * oh + oy) * ow;
							let to = (c * Hp + oy * s + i) * Wp + j;
							for (let ox = 0; ox < ow; ox++, to += s) acc[to] += grad[from + ox] * w;
						}
					}
		for (let c = 0; c < C; c++)
			for (let y = 0; y < H; y++) {
				const to = ((n * C + c) * H + y) * W;
				const from = (c * Hp + y + p) * Wp + p;
				for (let x = 0; x < W; x++) out[to + x] = acc[from + x];
			}
	}
	return out;
}

/** gradWeight[f,c,i,j] = Σ_n,oy,ox gradOutput[n,f,oy,ox]·input[n,c,oy·s − p + i, ox·s − p + j] (zero outside). */
export function gradWeightLoops(input: Float32Array, grad: Float32Array, g: ConvGeometry): Float32Array {
	const { batch: N, channels: C, height: H, width: W, filters: F, kh, kw, stride: s, padding: p } = g;
	const { outHeight: oh, outWidth: ow } = g;
	const Hp = H + 2 * p;
	const Wp = W + 2 * p;
	const image = C * H * W;
	const acc = new Float64Array(F * C * kh * kw);
	for (let n = 0; n < N; n++) {
		const x = padded(input.subarray(n * image, (n + 1) * image), C, H, W, p);
		for (let f = 0; f < F; f++)
			for (let c = 0; c < C; c++)
				for (let i = 0; i < kh; i++)
					for (let j = 0; j < kw; j++) {
						let sum = 0;
						for (let oy = 0; oy < oh; oy++) {
							const from = ((n * F + f) * oh + oy) * ow;
							let at = (c * Hp + oy * s + i) * Wp + j;
							for (let ox = 0; ox < ow; ox++, at += s) sum += grad[from + ox] * x[at];
						}
						acc[((f * C + c) * kh + i) * kw + j] += sum;
					}
	}
	return Float32Array.from(acc);
}
