/**
 * The slow, obviously-correct implementation of every kernel: the oracle for the tests and the
 * fallback of last resort. Plain TypeScript, no GPU.js, no DOM. Sums in double precision.
 */
import type { Conv2dOptions, Mode, PoolOptions, Tensor } from './types';
import { convGeometry, firstTap, flip, outputRange, poolGeometry, poolWindow } from './shape';
import * as v from './validate';

function at(x: Float32Array, i: number): number {
	return i >= 0 && i < x.length ? x[i] : 0; // zero boundary
}

export function correlate1d(x: Float32Array, h: Float32Array, mode?: Mode): Float32Array {
	v.checkVector('correlate1d', 'x', x);
	v.checkVector('correlate1d', 'h', h);
	const md = v.checkMode('correlate1d', mode);
	v.checkKernelFits('correlate1d', x.length, h.length, md);
	const m = h.length;
	const { length, offset } = outputRange(x.length, m, md);
	const out = new Float32Array(length);
	for (let o = 0; o < length; o++) {
		const start = firstTap(o, offset, m);
		let s = 0;
		for (let k = 0; k < m; k++) s += at(x, start + k) * h[k];
		out[o] = s;
	}
	return out;
}

export function convolve1d(x: Float32Array, h: Float32Array, mode?: Mode): Float32Array {
	v.checkVector('convolve1d', 'h', h);
	v.checkVector('convolve1d', 'x', x);
	return correlate1d(x, flip(h), v.checkMode('convolve1d', mode));
}

export function correlate2d(x: Tensor, h: Tensor, mode?: Mode): Tensor {
	v.checkTensor('correlate2d', 'x', x, 2, '[H,W]');
	v.checkTensor('correlate2d', 'h', h, 2, '[kh,kw]');
	const md = v.checkMode('correlate2d', mode);
	const [H, W] = x.shape;
	const [kh, kw] = h.shape;
	v.checkKernelFits('correlate2d', H, kh, md, ' height');
	v.checkKernelFits('correlate2d', W, kw, md, ' width');
	const rows = outputRange(H, kh, md);
	const cols = outputRange(W, kw, md);
	const out = new Float32Array(rows.length * cols.length);
	for (let oy = 0; oy < rows.length; oy++) {
		const y0 = firstTap(oy, rows.offset, kh);
		for (let ox = 0; ox < cols.length; ox++) {
			const x0 = firstTap(ox, cols.offset, kw);
			let s = 0;
			for (let i = 0; i < kh; i++) {
				const y = y0 + i;
				if (y < 0 || y >= H) continue;
				for (let j = 0; j < kw; j++) {
					const xx = x0 + j;
					if (xx >= 0 && xx < W) s += x.data[y * W + xx] * h.data[i * kw + j];
				}
			}
			out[oy * cols.length + ox] = s;
		}
	}
	return { shape: [rows.length, cols.length], data: out };
}

export function convolve2d(x: Tensor, h: Tensor, mode?: Mode): Tensor {
	v.checkTensor('convolve2d', 'h', h, 2, '[kh,kw]');
	return correlate2d(x, { shape: h.shape, data: flip(h.data) }, v.checkMode('convolve2d', mode));
}

export function flipShiftProducts(x: Float32Array, h: Float32Array): Tensor {
	v.checkVector('flipShiftProducts', 'x', x);
	v.checkVector('flipShiftProducts', 'h', h);
	const n = x.length;
	const rows = n + h.length - 1;
	const out = new Float32Array(rows * n);
	for (let t = 0; t < rows; t++) {
		for (let k = 0; k < n; k++) out[t * n + k] = x[k] * at(h, t - k);
	}
	return { shape: [rows, n], data: out };
}

/** Pearson correlation of each window with the template, two-pass in double precision. */
export function matchedNormalized(signal: Float32Array, template: Float32Array): Float32Array {
	const m = template.length;
	const out = new Float32Array(signal.length - m + 1);
	let tMean = 0;
	for (let k = 0; k < m; k++) tMean += template[k] / m;
	let tt = 0;
	for (let k = 0; k < m; k++) tt += (template[k] - tMean) ** 2;
	for (let i = 0; i < out.length; i++) {
		let sMean = 0;
		for (let k = 0; k < m; k++) sMean += signal[i + k] / m;
		let ss = 0;
		let st = 0;
		for (let k = 0; k < m; k++) {
			const d = signal[i + k] - sMean;
			ss += d * d;
			st += d * (template[k] - tMean);
		}
		out[i] = ss > 0 && tt > 0 ? st / Math.sqrt(ss * tt) : Number.isNaN(ss + tt) ? NaN : 0;
	}
	return out;
}

/** First index of the maximum; a NaN counts as the maximum (numpy's argmax). */
export function firstArgmax(a: ArrayLike<number>): number {
	let best = 0;
	for (let i = 1; i < a.length; i++) {
		if (Number.isNaN(a[best])) break;
		if (a[i] > a[best] || Number.isNaN(a[i])) best = i;
	}
	return best;
}

export function matchedFilter(signal: Float32Array, template: Float32Array) {
	v.checkVector('matchedFilter', 'signal', signal);
	v.checkVector('matchedFilter', 'template', template);
	v.checkKernelFits('matchedFilter', signal.length, template.length, 'valid');
	const output = correlate1d(signal, template, 'valid');
	return { output, normalized: matchedNormalized(signal, template), peakIndex: firstArgmax(output) };
}

export function conv2d(input: Tensor, weight: Tensor, bias?: Float32Array, opts?: Conv2dOptions): Tensor {
	v.checkTensor('conv2d', 'input', input, 3, '[C,H,W]');
	v.checkTensor('conv2d', 'weight', weight, 4, '[F,C,kh,kw]');
	v.checkChannels('conv2d', input.shape[0], weight.shape[1]);
	const b = v.checkBias('conv2d', bias, weight.shape[0]);
	const [, H, W] = input.shape;
	const { stride, padding } = v.checkConvOptions('conv2d', opts, H, W, weight.shape[2], weight.shape[3]);
	const g = convGeometry(input.shape, weight.shape, stride, padding);
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

export function maxPool2d(input: Tensor, opts: PoolOptions): { output: Tensor; argmax: Int32Array } {
	v.checkTensor('maxPool2d', 'input', input, 3, '[C,H,W]');
	const [, H, W] = input.shape;
	const o = v.checkPoolOptions('maxPool2d', opts, H, W);
	const g = poolGeometry(input.shape, o.size, o.stride, o.ceilMode);
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

export function maxPool2dBackward(
	gradOutput: Tensor,
	argmax: Int32Array,
	inputShape: readonly number[]
): Tensor {
	v.checkTensor('maxPool2dBackward', 'gradOutput', gradOutput, 3, "[C,H',W']");
	const [C, H, W] = v.checkShape('maxPool2dBackward', 'inputShape', inputShape, 3, '[C,H,W]');
	v.checkChannels('maxPool2dBackward', C, gradOutput.shape[0]);
	v.checkArgmax('maxPool2dBackward', argmax, gradOutput.data.length, H * W);
	const per = gradOutput.shape[1] * gradOutput.shape[2];
	const out = new Float32Array(C * H * W);
	for (let i = 0; i < argmax.length; i++) out[Math.floor(i / per) * H * W + argmax[i]] += gradOutput.data[i];
	return { shape: [C, H, W], data: out };
}

export function pNormPool2d(input: Tensor, opts: PoolOptions & { p: number }): Tensor {
	v.checkTensor('pNormPool2d', 'input', input, 3, '[C,H,W]');
	const [, H, W] = input.shape;
	const o = v.checkPoolOptions('pNormPool2d', opts, H, W);
	const p = v.checkP('pNormPool2d', opts.p);
	const g = poolGeometry(input.shape, o.size, o.stride, o.ceilMode);
	const out = new Float32Array(g.channels * g.outHeight * g.outWidth);
	for (let c = 0; c < g.channels; c++) {
		for (let oy = 0; oy < g.outHeight; oy++) {
			const [y0, y1] = poolWindow(oy, H, g.size, g.stride);
			for (let ox = 0; ox < g.outWidth; ox++) {
				const [x0, x1] = poolWindow(ox, W, g.size, g.stride);
				let s = 0;
				for (let y = y0; y < y1; y++) {
					for (let x = x0; x < x1; x++) {
						const a = Math.abs(input.data[(c * H + y) * W + x]);
						s = p === Infinity ? (a > s || Number.isNaN(a) ? a : s) : s + a ** p;
					}
				}
				out[(c * g.outHeight + oy) * g.outWidth + ox] = p === Infinity ? s : s ** (1 / p);
			}
		}
	}
	return { shape: [g.channels, g.outHeight, g.outWidth], data: out };
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
