/**
 * Reference gradients (see reference.ts): the backward passes of conv2d and pNormPool2d written as
 * the chain rule applied to each forward multiply-add, in double precision.
 */
import type { Conv2dGradients, Conv2dOptions, PNormPoolOptions, Tensor } from './types';
import { convGeometry, poolGeometry, poolWindow } from './shape';
import * as v from './validate';
import { pNormSlope, scaledPNorm } from './pnorm-math';

/** Validates a conv2dBackward call; returns the input's sizes and the geometry of one image. */
export function checkConv2dBackward(
	input: Tensor,
	weight: Tensor,
	gradOutput: Tensor,
	opts: Conv2dOptions | undefined
) {
	const fn = 'conv2dBackward';
	const a = v.checkActivation(fn, 'input', input);
	v.checkTensor(fn, 'weight', weight, 4, '[F,C,kh,kw]');
	v.checkChannels(fn, a.c, weight.shape[1]);
	const { stride, padding } = v.checkConvOptions(fn, opts, a.h, a.w, weight.shape[2], weight.shape[3]);
	const g = convGeometry([a.c, a.h, a.w], weight.shape, stride, padding, a.n);
	v.checkActivation(fn, 'gradOutput', gradOutput, "F,H',W'");
	v.checkGradShape(fn, 'gradOutput', gradOutput, v.activationShape(a, g.filters, g.outHeight, g.outWidth));
	return { a, g };
}

export function conv2dBackward(
	input: Tensor,
	weight: Tensor,
	gradOutput: Tensor,
	opts?: Conv2dOptions
): Conv2dGradients {
	const { a, g } = checkConv2dBackward(input, weight, gradOutput, opts);
	const { channels: C, height: H, width: W, filters: F, kh, kw, stride, padding, outHeight, outWidth } = g;
	const gI = new Float64Array(a.n * C * H * W);
	const gW = new Float64Array(F * C * kh * kw);
	const gB = new Float64Array(F);
	for (let n = 0; n < a.n; n++) {
		for (let f = 0; f < F; f++) {
			for (let oy = 0; oy < outHeight; oy++) {
				for (let ox = 0; ox < outWidth; ox++) {
					const go = gradOutput.data[((n * F + f) * outHeight + oy) * outWidth + ox];
					gB[f] += go;
					for (let c = 0; c < C; c++) {
						for (let i = 0; i < kh; i++) {
							const y = oy * stride - padding + i;
							if (y < 0 || y >= H) continue;
							for (let j = 0; j < kw; j++) {
								const x = ox * stride - padding + j;
								if (x < 0 || x >= W) continue;
								const xi = ((n * C + c) * H + y) * W + x;
								const wi = ((f * C + c) * kh + i) * kw + j;
								gI[xi] += go * weight.data[wi];
								gW[wi] += go * input.data[xi];
							}
						}
					}
				}
			}
		}
	}
	return {
		gradInput: { shape: [...input.shape], data: Float32Array.from(gI) },
		gradWeight: { shape: [F, C, kh, kw], data: Float32Array.from(gW) },
		gradBias: Float32Array.from(gB)
	};
}

/** Validates a pNormPool2dBackward call; returns the sizes, the pooling geometry of a [N·C,H,W] stack, and p. */
export function checkPNormBackward(input: Tensor, gradOutput: Tensor, opts: PNormPoolOptions) {
	const fn = 'pNormPool2dBackward';
	const a = v.checkActivation(fn, 'input', input);
	const o = v.checkPoolOptions(fn, opts, a.h, a.w);
	const p = v.checkP(fn, opts.p);
	const g = poolGeometry([a.n * a.c, a.h, a.w], o.size, o.stride, o.ceilMode);
	v.checkActivation(fn, 'gradOutput', gradOutput, "C,H',W'");
	v.checkGradShape(fn, 'gradOutput', gradOutput, v.activationShape(a, a.c, g.outHeight, g.outWidth));
	return { a, g, p };
}

export function pNormPool2dBackward(input: Tensor, gradOutput: Tensor, opts: PNormPoolOptions): Tensor {
	const { g, p } = checkPNormBackward(input, gradOutput, opts);
	const { channels, height: H, width: W, size, stride, outHeight, outWidth } = g;
	const out = new Float64Array(channels * H * W);
	for (let c = 0; c < channels; c++) {
		for (let oy = 0; oy < outHeight; oy++) {
			const [y0, y1] = poolWindow(oy, H, size, stride);
			for (let ox = 0; ox < outWidth; ox++) {
				const [x0, x1] = poolWindow(ox, W, size, stride);
				const go = gradOutput.data[(c * outHeight + oy) * outWidth + ox];
				const at = (y: number, x: number) => (c * H + y) * W + x;
				if (p === Infinity) {
					// the first max |x| in row-major order takes it all (first NaN wins, as in the forward pass)
					let best = at(y0, x0);
					for (let y = y0; y < y1; y++)
						for (let x = x0; x < x1; x++) {
							const cur = Math.abs(input.data[best]);
							const b = Math.abs(input.data[at(y, x)]);
							if (!Number.isNaN(cur) && (b > cur || Number.isNaN(b))) best = at(y, x);
						}
					const xb = input.data[best];
					out[best] += xb > 0 ? go : xb < 0 ? -go : xb === 0 ? 0 : NaN;
					continue;
				}
				const abs: number[] = [];
				for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) abs.push(Math.abs(input.data[at(y, x)]));
				const yv = scaledPNorm(abs, p);
				for (let y = y0; y < y1; y++)
					for (let x = x0; x < x1; x++) out[at(y, x)] += go * pNormSlope(input.data[at(y, x)], yv, p);
			}
		}
	}
	return { shape: [...input.shape], data: Float32Array.from(out) };
}
