/**
 * The slow, obviously-correct implementation of every kernel: the oracle for the tests and the
 * fallback of last resort. Plain TypeScript, no GPU.js, no DOM. Sums in double precision.
 */
import type { Mode, Tensor } from './types';
import { firstTap, flip, outputRange } from './shape';
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

export { conv1x1, conv2d, maxPool2d, maxPool2dBackward, maxPool2dValues, pNormPool2d } from './reference-cnn';
export { conv2dBackward, pNormPool2dBackward } from './reference-grad';
