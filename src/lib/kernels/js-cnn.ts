/**
 * The 'js' CNN layers. conv2d and conv1x1 run on a WebAssembly SIMD GEMM (wasm/) where the engine
 * supports it; the JavaScript loops below are the fallback. A convolution is a matrix product [F × C·kh·kw] · [C·kh·kw × pixels] whose
 * right-hand matrix is never built (no im2col): a table of tap offsets says where tap t of an
 * output pixel lies in the (zero-padded) input, as XNNPACK's indirect convolution does. The
 * micro-kernel keeps a 4-filter × 3-pixel tile of sums in registers, so each tap costs 3 input
 * loads and 4 weight loads for 12 multiply-adds (measured on a 64×56²→16 1×1 conv in Node: 1.1 ms
 * against 3.0 ms for row-wise axpy loops and 1.9 ms for a 4×2 tile; 4×4 spills registers).
 * Sums are in double precision (V8 computes in doubles anyway).
 */
import type { ConvGeometry } from './shape';
import { wasmConv } from './wasm/conv';

/** Filters per register tile (weights are packed in groups of this many, zero-filled). */
const TILE_F = 4;

/** Weights [F, T] repacked as [⌈F/4⌉, T, 4] so one tap's four filter weights are adjacent. */
function packWeights(weight: Float32Array, F: number, T: number): Float64Array {
	const packed = new Float64Array(Math.ceil(F / TILE_F) * T * TILE_F);
	for (let f = 0; f < F; f++) {
		const block = Math.floor(f / TILE_F) * T * TILE_F + (f % TILE_F);
		for (let t = 0; t < T; t++) packed[block + t * TILE_F] = weight[f * T + t];
	}
	return packed;
}

/**
 * out[f, oy, ox] = bias[f] + Σ_t w[f, t] · x[oy·rowStep + ox·colStep + taps[t]] for all outputs.
 * Writes of the zero-filled filters past F are skipped.
 */
function indirectConv(
	x: Float32Array,
	taps: Int32Array,
	wp: Float64Array,
	bias: Float32Array | undefined,
	F: number,
	outH: number,
	outW: number,
	rowStep: number,
	colStep: number,
	out: Float32Array
) {
	const T = taps.length;
	const plane = outH * outW;
	const step2 = 2 * colStep;
	for (let fb = 0; fb < F; fb += TILE_F) {
		const wb = (fb / TILE_F) * T * TILE_F;
		const b0 = bias ? bias[fb] : 0;
		const b1 = bias && fb + 1 < F ? bias[fb + 1] : 0;
		const b2 = bias && fb + 2 < F ? bias[fb + 2] : 0;
		const b3 = bias && fb + 3 < F ? bias[fb + 3] : 0;
		const n = Math.min(TILE_F, F - fb);
		for (let oy = 0; oy < outH; oy++) {
			let o = fb * plane + oy * outW;
			let ox = 0;
			for (; ox + 3 <= outW; ox += 3, o += 3) {
				const base = oy * rowStep + ox * colStep;
				let a0 = b0,
					a1 = b1,
					a2 = b2,
					a3 = b3;
				let c0 = b0,
					c1 = b1,
					c2 = b2,
					c3 = b3;
				let d0 = b0,
					d1 = b1,
					d2 = b2,
					d3 = b3;
				for (let t = 0, wi = wb; t < T; t++, wi += TILE_F) {
					const xi = base + taps[t];
					const u = x[xi];
					const v = x[xi + colStep];
					const q = x[xi + step2];
					const w0 = wp[wi];
					const w1 = wp[wi + 1];
					const w2 = wp[wi + 2];
					const w3 = wp[wi + 3];
					a0 += w0 * u;
					a1 += w1 * u;
					a2 += w2 * u;
					a3 += w3 * u;
					c0 += w0 * v;
					c1 += w1 * v;
					c2 += w2 * v;
					c3 += w3 * v;
					d0 += w0 * q;
					d1 += w1 * q;
					d2 += w2 * q;
					d3 += w3 * q;
				}
				out[o] = a0;
				out[o + 1] = c0;
				out[o + 2] = d0;
				if (n > 1) {
					out[o + plane] = a1;
					out[o + plane + 1] = c1;
					out[o + plane + 2] = d1;
				}
				if (n > 2) {
					out[o + 2 * plane] = a2;
					out[o + 2 * plane + 1] = c2;
					out[o + 2 * plane + 2] = d2;
				}
				if (n > 3) {
					out[o + 3 * plane] = a3;
					out[o + 3 * plane + 1] = c3;
					out[o + 3 * plane + 2] = d3;
				}
			}
			for (; ox < outW; ox++, o++) {
				const base = oy * rowStep + ox * colStep;
				let a0 = b0,
					a1 = b1,
					a2 = b2,
					a3 = b3;
				for (let t = 0, wi = wb; t < T; t++, wi += TILE_F) {
					const u = x[base + taps[t]];
					a0 += wp[wi] * u;
					a1 += wp[wi + 1] * u;
					a2 += wp[wi + 2] * u;
					a3 += wp[wi + 3] * u;
				}
				out[o] = a0;
				if (n > 1) out[o + plane] = a1;
				if (n > 2) out[o + 2 * plane] = a2;
				if (n > 3) out[o + 3 * plane] = a3;
			}
		}
	}
}

/** A zero-padded copy [C, H+2p, W+2p] (also used by the gradients, js-grad.ts) (only made when padding > 0; it is a small fraction of the work). */
export function padded(input: Float32Array, C: number, H: number, W: number, p: number): Float32Array {
	if (p === 0) return input;
	const Hp = H + 2 * p;
	const Wp = W + 2 * p;
	const out = new Float32Array(C * Hp * Wp);
	for (let c = 0; c < C; c++)
		for (let y = 0; y < H; y++)
			out.set(input.subarray((c * H + y) * W, (c * H + y + 1) * W), (c * Hp + y + p) * Wp + p);
	return out;
}

/**
 * conv2d on the WebAssembly SIMD GEMM (wasm/conv.ts, ~7× faster; a batch is one GEMM), or these
 * loops, image by image, where SIMD is missing.
 */
export function conv2d(
	input: Float32Array,
	weight: Float32Array,
	bias: Float32Array | undefined,
	g: ConvGeometry
): Float32Array {
	const wasm = wasmConv();
	if (wasm) return wasm.conv2d(input, weight, bias, g);
	if (g.batch === 1) return conv2dLoops(input, weight, bias, g);
	const inSize = g.channels * g.height * g.width;
	const outSize = g.filters * g.outHeight * g.outWidth;
	const out = new Float32Array(g.batch * outSize);
	const one = { ...g, batch: 1 };
	for (let n = 0; n < g.batch; n++)
		out.set(conv2dLoops(input.subarray(n * inSize, (n + 1) * inSize), weight, bias, one), n * outSize);
	return out;
}

/** conv1x1 on the WebAssembly SIMD GEMM, or these loops where SIMD is missing. */
export function conv1x1(
	input: Float32Array,
	weight: Float32Array,
	bias: Float32Array | undefined,
	C: number,
	pixels: number,
	F: number
): Float32Array {
	return (
		wasmConv()?.conv1x1(input, weight, bias, C, pixels, F) ?? conv1x1Loops(input, weight, bias, C, pixels, F)
	);
}

export function conv2dLoops(
	input: Float32Array,
	weight: Float32Array,
	bias: Float32Array | undefined,
	g: ConvGeometry
): Float32Array {
	const { channels: C, height: H, width: W, filters: F, kh, kw, stride, padding, outHeight, outWidth } = g;
	const Hp = H + 2 * padding;
	const Wp = W + 2 * padding;
	const taps = new Int32Array(C * kh * kw);
	for (let c = 0, t = 0; c < C; c++)
		for (let i = 0; i < kh; i++) for (let j = 0; j < kw; j++) taps[t++] = (c * Hp + i) * Wp + j;
	const out = new Float32Array(F * outHeight * outWidth);
	const x = padded(input, C, H, W, padding);
	const wp = packWeights(weight, F, taps.length);
	indirectConv(x, taps, wp, bias, F, outHeight, outWidth, stride * Wp, stride, out);
	return out;
}

/** A 1×1 convolution is the plain product [F×C]·[C×pixels]: one "row" of `pixels` outputs. */
export function conv1x1Loops(
	input: Float32Array,
	weight: Float32Array,
	bias: Float32Array | undefined,
	C: number,
	pixels: number,
	F: number
): Float32Array {
	const taps = new Int32Array(C);
	for (let c = 0; c < C; c++) taps[c] = c * pixels;
	const out = new Float32Array(F * pixels);
	indirectConv(input, taps, packWeights(weight, F, C), bias, F, 1, pixels, 0, 1, out);
	return out;
}
