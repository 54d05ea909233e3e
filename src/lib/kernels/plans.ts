/**
 * The public boundary shared by every backend: validate, compute geometry (shape.ts), describe the
 * engine calls (`Part`s) and how to turn their flat results into the public result. The same plan
 * runs synchronously or asynchronously (ops.ts), so both paths validate and shape identically.
 */
import type { Engine, Part } from './engine';
import type { Conv2dOptions, KernelOps, Mode, PoolOptions, Tensor } from './types';
import { convGeometry, flip, outputRange, poolGeometry } from './shape';
import { firstArgmax } from './reference';
import * as v from './validate';

export interface Plan<T> {
	parts: Part[];
	finish: (results: Float32Array[]) => T;
}

type Planners = {
	[K in keyof KernelOps]: (...args: Parameters<KernelOps[K]>) => Plan<ReturnType<KernelOps[K]>>;
};

function part(op: Part['op'], work: number, expected: number, call: <R>(e: Engine<R>) => R): Part {
	return { op, work, expected, call };
}

function plan1d(fn: string, x: Float32Array, h: Float32Array, mode: Mode | undefined, flipped: boolean) {
	v.checkVector(fn, 'x', x);
	v.checkVector(fn, 'h', h);
	const md = v.checkMode(fn, mode);
	v.checkKernelFits(fn, x.length, h.length, md);
	const range = outputRange(x.length, h.length, md);
	const taps = flipped ? flip(h) : h;
	return {
		parts: [part('correlate1d', range.length * h.length, range.length, (e) => e.correlate1d(x, taps, range))],
		finish: (r: Float32Array[]) => r[0]
	};
}

function plan2d(fn: string, x: Tensor, h: Tensor, mode: Mode | undefined, flipped: boolean) {
	v.checkTensor(fn, 'x', x, 2, '[H,W]');
	v.checkTensor(fn, 'h', h, 2, '[kh,kw]');
	const md = v.checkMode(fn, mode);
	const [H, W] = x.shape;
	const [kh, kw] = h.shape;
	v.checkKernelFits(fn, H, kh, md, ' height');
	v.checkKernelFits(fn, W, kw, md, ' width');
	const rows = outputRange(H, kh, md);
	const cols = outputRange(W, kw, md);
	const taps = flipped ? flip(h.data) : h.data;
	const cells = rows.length * cols.length;
	return {
		parts: [
			part('correlate2d', cells * kh * kw, cells, (e) =>
				e.correlate2d(x.data, H, W, taps, kh, kw, rows, cols)
			)
		],
		finish: (r: Float32Array[]): Tensor => ({ shape: [rows.length, cols.length], data: r[0] })
	};
}

function planPool(fn: string, input: Tensor, opts: PoolOptions) {
	v.checkTensor(fn, 'input', input, 3, '[C,H,W]');
	const o = v.checkPoolOptions(fn, opts, input.shape[1], input.shape[2]);
	return poolGeometry(input.shape, o.size, o.stride, o.ceilMode);
}

export const planners: Planners = {
	correlate1d: (x, h, mode) => plan1d('correlate1d', x, h, mode, false),
	convolve1d: (x, h, mode) => plan1d('convolve1d', x, h, mode, true),
	correlate2d: (x, h, mode) => plan2d('correlate2d', x, h, mode, false),
	convolve2d: (x, h, mode) => plan2d('convolve2d', x, h, mode, true),

	flipShiftProducts(x, h) {
		v.checkVector('flipShiftProducts', 'x', x);
		v.checkVector('flipShiftProducts', 'h', h);
		const rows = x.length + h.length - 1;
		const cells = rows * x.length;
		return {
			parts: [part('flipShiftProducts', cells, cells, (e) => e.flipShiftProducts(x, h))],
			finish: (r) => ({ shape: [rows, x.length], data: r[0] })
		};
	},

	matchedFilter(signal, template) {
		v.checkVector('matchedFilter', 'signal', signal);
		v.checkVector('matchedFilter', 'template', template);
		v.checkKernelFits('matchedFilter', signal.length, template.length, 'valid');
		const range = outputRange(signal.length, template.length, 'valid');
		const work = range.length * template.length;
		return {
			parts: [part('matchedFilter', work, 2 * range.length, (e) => e.matchedFilter(signal, template))],
			finish: ([both]) => {
				// views, not copies: every engine returns a fresh array, and copying half a megabyte
				// at 65 536 samples costs more than the normalisation (first-touch page faults)
				const output = both.subarray(0, range.length);
				return { output, normalized: both.subarray(range.length), peakIndex: firstArgmax(output) };
			}
		};
	},

	conv2d(input: Tensor, weight: Tensor, bias?: Float32Array, opts?: Conv2dOptions) {
		v.checkTensor('conv2d', 'input', input, 3, '[C,H,W]');
		v.checkTensor('conv2d', 'weight', weight, 4, '[F,C,kh,kw]');
		v.checkChannels('conv2d', input.shape[0], weight.shape[1]);
		const b = v.checkBias('conv2d', bias, weight.shape[0]);
		const [, H, W] = input.shape;
		const { stride, padding } = v.checkConvOptions('conv2d', opts, H, W, weight.shape[2], weight.shape[3]);
		const g = convGeometry(input.shape, weight.shape, stride, padding);
		const cells = g.filters * g.outHeight * g.outWidth;
		const work = cells * g.channels * g.kh * g.kw;
		return {
			parts: [part('conv2d', work, cells, (e) => e.conv2d(input.data, weight.data, b, g))],
			finish: (r) => ({ shape: [g.filters, g.outHeight, g.outWidth], data: r[0] })
		};
	},

	maxPool2d(input, opts) {
		const g = planPool('maxPool2d', input, opts);
		const cells = g.channels * g.outHeight * g.outWidth;
		return {
			parts: [part('maxPoolArgmax', cells * g.size * g.size, cells, (e) => e.maxPoolArgmax(input.data, g))],
			// the values are gathered through the argmax, so they are exactly the input's values
			finish: ([indices]) => {
				const argmax = new Int32Array(cells);
				const data = new Float32Array(cells);
				const per = g.outHeight * g.outWidth;
				const plane = g.height * g.width;
				for (let i = 0; i < cells; i++) {
					argmax[i] = indices[i];
					data[i] = input.data[Math.floor(i / per) * plane + argmax[i]];
				}
				return { output: { shape: [g.channels, g.outHeight, g.outWidth], data }, argmax };
			}
		};
	},

	maxPool2dBackward(gradOutput, argmax, inputShape) {
		const fn = 'maxPool2dBackward';
		v.checkTensor(fn, 'gradOutput', gradOutput, 3, "[C,H',W']");
		const [C, H, W] = v.checkShape(fn, 'inputShape', inputShape, 3, '[C,H,W]');
		v.checkChannels(fn, C, gradOutput.shape[0]);
		v.checkArgmax(fn, argmax, gradOutput.data.length, H * W);
		const [, outHeight, outWidth] = gradOutput.shape;
		// size/stride are unknown here; the engines only need the shapes and the argmax
		const g = { channels: C, height: H, width: W, size: 1, stride: 1, outHeight, outWidth };
		const cells = C * H * W;
		return {
			parts: [part('maxPoolBackward', cells, cells, (e) => e.maxPoolBackward(gradOutput.data, argmax, g))],
			finish: (r) => ({ shape: [C, H, W], data: r[0] })
		};
	},

	pNormPool2d(input, opts) {
		const g = planPool('pNormPool2d', input, opts);
		const p = v.checkP('pNormPool2d', opts.p);
		const cells = g.channels * g.outHeight * g.outWidth;
		return {
			parts: [part('pNormPool', 4 * cells * g.size * g.size, cells, (e) => e.pNormPool(input.data, g, p))],
			finish: (r) => ({ shape: [g.channels, g.outHeight, g.outWidth], data: r[0] })
		};
	},

	conv1x1(input, weight, bias) {
		v.checkTensor('conv1x1', 'input', input, 3, '[C,H,W]');
		v.checkTensor('conv1x1', 'weight', weight, 2, '[F,C]');
		v.checkChannels('conv1x1', input.shape[0], weight.shape[1]);
		const [C, H, W] = input.shape;
		const F = weight.shape[0];
		const b = v.checkBias('conv1x1', bias, F);
		const cells = F * H * W;
		return {
			parts: [part('conv1x1', cells * C, cells, (e) => e.conv1x1(input.data, weight.data, b, C, H * W, F))],
			finish: (r) => ({ shape: [F, H, W], data: r[0] })
		};
	}
};
