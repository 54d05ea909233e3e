/**
 * The reference CNN layers (see reference.ts): one image `[C,H,W]` at a time, in double precision;
 * a batch `[N,C,H,W]` is each of its images in turn, so the batched forms cannot disagree with
 * the unbatched ones.
 */
import type { Conv2dOptions, MaxPoolResult, PNormPoolOptions, PoolOptions, Tensor } from './types';
import { convGeometry, poolGeometry, poolWindow } from './shape';
import * as v from './validate';
import { scaledPNorm } from './pnorm-math';

/** Image n of a batch as a `[C,H,W]` view (the tensor itself when unbatched). */
export function imageOf(t: Tensor, a: v.Activation, n: number): Tensor {
	const size = a.c * a.h * a.w;
	return { shape: [a.c, a.h, a.w], data: t.data.subarray(n * size, (n + 1) * size) };
}

/** Concatenates per-image results into one tensor in the caller's rank. */
export function stack(a: v.Activation, parts: Tensor[]): Tensor {
	const [c, h, w] = parts[0].shape;
	const data = new Float32Array(parts.length * c * h * w);
	parts.forEach((p, n) => data.set(p.data, n * c * h * w));
	return { shape: v.activationShape(a, c, h, w), data };
}

function conv2dImage(
	input: Tensor,
	weight: Tensor,
	b: Float32Array | undefined,
	stride: number,
	padding: number
) {
	const g = convGeometry(input.shape, weight.shape, stride, padding);
	const { height: H, width: W } = g;
	const out = new Float32Array(g.filters * g.outHeight * g.outWidth);
	for (let f = 0; f < g.filters; f++) {
		for (let oy = 0; oy < g.outHeight; oy++) {
			for (let ox = 0; ox < g.outWidth; ox++) {
				let s = b ? b[f] : 0;
				for (let c = 0; c < g.channels; c++) {
					for (let i = 0; i < g.kh; i++) {
						const y = oy * stride - padding + i;
						if (y < 0 || y >= H) continue;
						for (let j = 0; j < g.kw; j++) {
							const x = ox * stride - padding + j;
							if (x < 0 || x >= W) continue;
							s +=
								input.data[(c * H + y) * W + x] * weight.data[((f * g.channels + c) * g.kh + i) * g.kw + j];
						}
					}
				}
				out[(f * g.outHeight + oy) * g.outWidth + ox] = s;
			}
		}
	}
	return { shape: [g.filters, g.outHeight, g.outWidth], data: out };
}

export function conv2d(input: Tensor, weight: Tensor, bias?: Float32Array, opts?: Conv2dOptions): Tensor {
	const a = v.checkActivation('conv2d', 'input', input);
	v.checkTensor('conv2d', 'weight', weight, 4, '[F,C,kh,kw]');
	v.checkChannels('conv2d', a.c, weight.shape[1]);
	const b = v.checkBias('conv2d', bias, weight.shape[0]);
	const { stride, padding } = v.checkConvOptions('conv2d', opts, a.h, a.w, weight.shape[2], weight.shape[3]);
	const images = Array.from({ length: a.n }, (_, n) =>
		conv2dImage(imageOf(input, a, n), weight, b, stride, padding)
	);
	return stack(a, images);
}

function maxPoolImage(input: Tensor, size: number, stride: number, ceilMode: boolean) {
	const g = poolGeometry(input.shape, size, stride, ceilMode);
	const [, H, W] = input.shape;
	const cells = g.channels * g.outHeight * g.outWidth;
	const out = new Float32Array(cells);
	const argmax = new Int32Array(cells);
	for (let c = 0; c < g.channels; c++) {
		for (let oy = 0; oy < g.outHeight; oy++) {
			const [y0, y1] = poolWindow(oy, H, g.size, g.stride);
			for (let ox = 0; ox < g.outWidth; ox++) {
				const [x0, x1] = poolWindow(ox, W, g.size, g.stride);
				let best = y0 * W + x0;
				for (let y = y0; y < y1; y++) {
					for (let x = x0; x < x1; x++) {
						const a = input.data[c * H * W + best];
						const b = input.data[c * H * W + y * W + x];
						if (!Number.isNaN(a) && (b > a || Number.isNaN(b))) best = y * W + x;
					}
				}
				const i = (c * g.outHeight + oy) * g.outWidth + ox;
				argmax[i] = best;
				out[i] = input.data[c * H * W + best];
			}
		}
	}
	return { output: { shape: [g.channels, g.outHeight, g.outWidth], data: out }, argmax };
}

export function maxPool2d(input: Tensor, opts: PoolOptions, fn = 'maxPool2d'): MaxPoolResult {
	const a = v.checkActivation(fn, 'input', input);
	const o = v.checkPoolOptions(fn, opts, a.h, a.w);
	const images = Array.from({ length: a.n }, (_, n) =>
		maxPoolImage(imageOf(input, a, n), o.size, o.stride, o.ceilMode)
	);
	const argmax = new Int32Array(images.length * images[0].argmax.length);
	images.forEach((r, n) => argmax.set(r.argmax, n * r.argmax.length));
	return {
		output: stack(
			a,
			images.map((r) => r.output)
		),
		argmax
	};
}

export function maxPool2dValues(input: Tensor, opts: PoolOptions): Tensor {
	return maxPool2d(input, opts, 'maxPool2dValues').output;
}

export function maxPool2dBackward(
	gradOutput: Tensor,
	argmax: Int32Array,
	inputShape: readonly number[]
): Tensor {
	const fn = 'maxPool2dBackward';
	const g = v.checkActivation(fn, 'gradOutput', gradOutput, "C,H',W'");
	const layout = g.batched ? '[N,C,H,W]' : '[C,H,W]';
	const shape = v.checkShape(fn, 'inputShape', inputShape, g.batched ? 4 : 3, layout);
	const [N, C, H, W] = g.batched ? shape : [1, ...shape];
	if (N !== g.n) throw new RangeError(`${fn}: batch mismatch: gradOutput has ${g.n} images, inputShape ${N}`);
	v.checkChannels(fn, C, g.c);
	v.checkArgmax(fn, argmax, gradOutput.data.length, H * W);
	const per = g.h * g.w;
	const out = new Float32Array(N * C * H * W);
	for (let i = 0; i < argmax.length; i++) out[Math.floor(i / per) * H * W + argmax[i]] += gradOutput.data[i];
	return { shape: [...shape], data: out };
}

function pNormImage(input: Tensor, size: number, stride: number, ceilMode: boolean, p: number) {
	const g = poolGeometry(input.shape, size, stride, ceilMode);
	const [, H, W] = input.shape;
	const out = new Float32Array(g.channels * g.outHeight * g.outWidth);
	for (let c = 0; c < g.channels; c++) {
		for (let oy = 0; oy < g.outHeight; oy++) {
			const [y0, y1] = poolWindow(oy, H, g.size, g.stride);
			for (let ox = 0; ox < g.outWidth; ox++) {
				const [x0, x1] = poolWindow(ox, W, g.size, g.stride);
				const abs: number[] = [];
				for (let y = y0; y < y1; y++)
					for (let x = x0; x < x1; x++) abs.push(Math.abs(input.data[(c * H + y) * W + x]));
				out[(c * g.outHeight + oy) * g.outWidth + ox] = scaledPNorm(abs, p);
			}
		}
	}
	return { shape: [g.channels, g.outHeight, g.outWidth], data: out };
}

export function pNormPool2d(input: Tensor, opts: PNormPoolOptions): Tensor {
	const a = v.checkActivation('pNormPool2d', 'input', input);
	const o = v.checkPoolOptions('pNormPool2d', opts, a.h, a.w);
	const p = v.checkP('pNormPool2d', opts.p);
	return stack(
		a,
		Array.from({ length: a.n }, (_, n) => pNormImage(imageOf(input, a, n), o.size, o.stride, o.ceilMode, p))
	);
}

export function conv1x1(input: Tensor, weight: Tensor, bias?: Float32Array): Tensor {
	v.checkTensor('conv1x1', 'input', input, 3, '[C,H,W]');
	v.checkTensor('conv1x1', 'weight', weight, 2, '[F,C]');
	v.checkChannels('conv1x1', input.shape[0], weight.shape[1]);
	const b = v.checkBias('conv1x1', bias, weight.shape[0]);
	const [C, H, W] = input.shape;
	const F = weight.shape[0];
	const out = new Float32Array(F * H * W);
	for (let f = 0; f < F; f++) {
		for (let i = 0; i < H * W; i++) {
			let s = b ? b[f] : 0;
			for (let c = 0; c < C; c++) s += input.data[c * H * W + i] * weight.data[f * C + c];
			out[f * H * W + i] = s;
		}
	}
	return { shape: [F, H, W], data: out };
}
