/**
 * conv2d and conv1x1 on the WebAssembly SIMD GEMM (gemm-kernel.ts). Inputs are copied once per
 * call into the module's memory (grown when a call needs more, reused between calls); the kernel
 * writes a padded [F4 × Q] output whose rows are copied out. Where WebAssembly SIMD is missing,
 * `wasmConv()` is null and the 'js' backend keeps its JavaScript loops (js-cnn.ts).
 *
 * conv2d with stride 1 computes on the "wide" output grid: output pixel q = oy·Wp + ox of the
 * padded width Wp, so tap (c, ky, kx) reads the padded image at a fixed offset from q and every
 * tap's row is contiguous (no im2col copy); the Wp − W' extra columns per row are computed and
 * dropped (6 % at 32×32, 3×3). Other strides build an im2col matrix [C·kh·kw × H'W'] in wasm memory.
 */
import type { ConvGeometry } from '../shape';
import { gemmModule, NV } from './gemm-kernel';
import { ALIGN, instantiate, once, reserve, roundUp } from './module';

type GemmFn = (...args: number[]) => void;

export class WasmConv {
	private gemm: GemmFn;
	private memory: WebAssembly.Memory;

	/** @param tile pixels per register tile (4 · the module's NV) */
	constructor(
		instance: WebAssembly.Instance,
		readonly tile: number
	) {
		this.gemm = instance.exports.gemm as GemmFn;
		this.memory = instance.exports.memory as WebAssembly.Memory;
	}

	/**
	 * The GEMM (gemm-kernel.ts), also used by the conv2d gradients (js-grad.ts). Lays out weights
	 * [F, taps.length], bias, taps (byte offsets), x and out; `fillX` writes x (its view has
	 * `xFloats` floats); returns the output [F4 × q] (a view into wasm memory: copy before the next
	 * call). q must be a multiple of `tile`.
	 */
	product(
		weight: Float32Array,
		bias: Float32Array | undefined,
		F: number,
		taps: Int32Array,
		xFloats: number,
		q: number,
		fillX: (x: Float32Array) => void
	): Float32Array {
		const K = taps.length;
		const F4 = roundUp(F, 4);
		const wAt = 0;
		const biasAt = roundUp(wAt + F4 * K * 4, ALIGN);
		const tapsAt = roundUp(biasAt + F4 * 4, ALIGN);
		const xAt = roundUp(tapsAt + K * 4, ALIGN);
		const outAt = roundUp(xAt + xFloats * 4, ALIGN);
		const end = outAt + F4 * q * 4;
		const buf = reserve(this.memory, end);
		// weights [F, K] packed as [F4/4][K][4]: the four weights of one tap of a filter block adjacent
		const w = new Float32Array(buf, wAt, F4 * K).fill(0);
		for (let f = 0; f < F; f++) {
			const block = (f >> 2) * K * 4 + (f & 3);
			for (let k = 0; k < K; k++) w[block + 4 * k] = weight[f * K + k];
		}
		const b = new Float32Array(buf, biasAt, F4).fill(0);
		if (bias) b.set(bias);
		new Int32Array(buf, tapsAt, K).set(taps);
		fillX(new Float32Array(buf, xAt, xFloats));
		this.gemm(wAt, xAt, tapsAt, biasAt, outAt, tapsAt + K * 4, F4, q * 4, q * 4);
		return new Float32Array(buf, outAt, F4 * q);
	}

	conv1x1(
		input: Float32Array,
		weight: Float32Array,
		bias: Float32Array | undefined,
		C: number,
		P: number,
		F: number
	) {
		const q = roundUp(P, this.tile);
		// rows are adjacent (stride P); the last row's last tile reads up to this.tile floats past it
		const taps = Int32Array.from({ length: C }, (_, c) => c * P * 4);
		const wide = this.product(weight, bias, F, taps, C * P + this.tile, q, (x) => {
			x.set(input);
			x.fill(0, C * P);
		});
		const out = new Float32Array(F * P);
		for (let f = 0; f < F; f++) out.set(wide.subarray(f * q, f * q + P), f * P);
		return out;
	}

	/**
	 * A batch is one GEMM: the padded images are laid out [C, N, Hp, Wp], so output pixel
	 * q = n·Hp·Wp + oy·Wp + ox reads tap (c, ky, kx) at a fixed offset from q for every image.
	 */
	conv2d(input: Float32Array, weight: Float32Array, bias: Float32Array | undefined, g: ConvGeometry) {
		const { batch: N, channels: C, height: H, width: W, filters: F, kh, kw, stride, padding: p } = g;
		const { outHeight: oh, outWidth: ow } = g;
		const Hp = H + 2 * p;
		const Wp = W + 2 * p;
		const out = new Float32Array(N * F * oh * ow);
		if (stride !== 1) return this.conv2dIm2col(input, weight, bias, g, out);
		const plane = Hp * Wp;
		const taps = new Int32Array(C * kh * kw);
		for (let c = 0, t = 0; c < C; c++)
			for (let i = 0; i < kh; i++) for (let j = 0; j < kw; j++) taps[t++] = (c * N * plane + i * Wp + j) * 4;
		const q = roundUp((N - 1) * plane + oh * Wp, this.tile);
		// the last tap's last tile reads past the images by at most q − ((N−1)·Hp + oh)·Wp + kw − 1 < this.tile + kw floats
		const image = C * N * plane;
		const wide = this.product(weight, bias, F, taps, image + this.tile + kw, q, (x) => {
			if (p === 0 && N === 1) x.set(input);
			else {
				if (p > 0) x.fill(0, 0, image);
				for (let n = 0; n < N; n++)
					for (let c = 0; c < C; c++)
						for (let y = 0; y < H; y++) {
							const from = ((n * C + c) * H + y) * W;
							x.set(input.subarray(from, from + W), (c * N + n) * plane + (y + p) * Wp + p);
						}
			}
			x.fill(0, image);
		});
		for (let n = 0; n < N; n++)
			for (let f = 0; f < F; f++)
				for (let y = 0, from = f * q + n * plane; y < oh; y++, from += Wp)
					out.set(wide.subarray(from, from + ow), ((n * F + f) * oh + y) * ow);
		return out;
	}

	/** Any stride: x is the im2col matrix [C·kh·kw × q], column n·P + p, zeros where a tap falls in the padding. */
	private conv2dIm2col(
		input: Float32Array,
		weight: Float32Array,
		bias: Float32Array | undefined,
		g: ConvGeometry,
		out: Float32Array
	) {
		const { batch: N, channels: C, height: H, width: W, filters: F, kh, kw, stride: s, padding: p } = g;
		const { outHeight: oh, outWidth: ow } = g;
		const P = oh * ow;
		const q = roundUp(N * P, this.tile);
		const K = C * kh * kw;
		const taps = Int32Array.from({ length: K }, (_, k) => k * q * 4);
		const wide = this.product(weight, bias, F, taps, K * q, q, (x) => {
			x.fill(0);
			for (let n = 0; n < N; n++)
				for (let c = 0, k = 0; c < C; c++)
					for (let i = 0; i < kh; i++)
						for (let j = 0; j < kw; j++, k++)
							for (let oy = 0; oy < oh; oy++) {
								const y = oy * s + i - p;
								if (y < 0 || y >= H) continue;
								const row = ((n * C + c) * H + y) * W;
								for (let ox = 0, d = k * q + n * P + oy * ow; ox < ow; ox++, d++) {
									const xx = ox * s + j - p;
									if (xx >= 0 && xx < W) x[d] = input[row + xx];
								}
							}
		});
		for (let n = 0; n < N; n++)
			for (let f = 0; f < F; f++) out.set(wide.subarray(f * q + n * P, f * q + (n + 1) * P), (n * F + f) * P);
		return out;
	}
}

/** A conv engine on a module with `nv` sums per filter (null where WebAssembly SIMD is missing). */
export function createWasmConv(nv = NV): WasmConv | null {
	const instance = instantiate(gemmModule(nv));
	return instance && new WasmConv(instance, 4 * nv);
}

/** The SIMD conv engine, or null where WebAssembly SIMD is not supported (checked once). */
export const wasmConv = once(() => createWasmConv());
