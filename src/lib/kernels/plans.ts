/**
 * The public boundary shared by every backend: validate, compute geometry (shape.ts), describe the
 * engine calls (`Part`s) and how to turn their flat results into the public result. The same plan
 * runs synchronously or asynchronously (ops.ts), so both paths validate and shape identically.
 */
import { part, type Planners } from './plan';
import type { Mode, Tensor } from './types';
import { flip, outputRange } from './shape';
import { cnnPlanners } from './plans-cnn';
import { firstArgmax } from './reference';
import * as v from './validate';

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

export type { Plan, Planners } from './plan';

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

	...cnnPlanners
};
