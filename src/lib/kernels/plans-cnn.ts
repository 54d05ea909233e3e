/**
 * Plans of the CNN operations (see plans.ts). Each takes an image `[C,H,W]` or a batch
 * `[N,C,H,W]`: a batched conv2d is one engine call over all images (one GEMM where the engine has
 * one), and pooling, being per channel, pools a batch as its N·C channels.
 */
import { part, type Planners } from './plan';
import type { Tensor } from './types';
import { convGeometry, poolGeometry } from './shape';
import { checkConv2dBackward, checkPNormBackward } from './reference-grad';
import * as v from './validate';

type CnnOps =
	| 'conv2d'
	| 'conv2dBackward'
	| 'maxPool2d'
	| 'maxPool2dValues'
	| 'maxPool2dBackward'
	| 'pNormPool2d'
	| 'pNormPool2dBackward'
	| 'conv1x1';

function planPool(fn: string, input: Tensor, opts: unknown) {
	const a = v.checkActivation(fn, 'input', input);
	const o = v.checkPoolOptions(fn, opts, a.h, a.w);
	return { a, g: poolGeometry([a.n * a.c, a.h, a.w], o.size, o.stride, o.ceilMode) };
}

export const cnnPlanners: Planners<CnnOps> = {
	conv2d(input, weight, bias, opts) {
		const a = v.checkActivation('conv2d', 'input', input);
		v.checkTensor('conv2d', 'weight', weight, 4, '[F,C,kh,kw]');
		v.checkChannels('conv2d', a.c, weight.shape[1]);
		const b = v.checkBias('conv2d', bias, weight.shape[0]);
		const { stride, padding } = v.checkConvOptions(
			'conv2d',
			opts,
			a.h,
			a.w,
			weight.shape[2],
			weight.shape[3]
		);
		const g = convGeometry([a.c, a.h, a.w], weight.shape, stride, padding, a.n);
		const cells = a.n * g.filters * g.outHeight * g.outWidth;
		const work = cells * g.channels * g.kh * g.kw;
		return {
			parts: [part('conv2d', work, cells, (e) => e.conv2d(input.data, weight.data, b, g))],
			finish: (r) => ({ shape: v.activationShape(a, g.filters, g.outHeight, g.outWidth), data: r[0] })
		};
	},

	conv2dBackward(input, weight, gradOutput, opts) {
		const { a, g } = checkConv2dBackward(input, weight, gradOutput, opts);
		const work = a.n * g.filters * g.outHeight * g.outWidth * g.channels * g.kh * g.kw;
		const weights = weight.data.length;
		return {
			parts: [
				part('conv2dGradInput', work, input.data.length, (e) =>
					e.conv2dGradInput(gradOutput.data, weight.data, g)
				),
				part('conv2dGradWeight', work, weights, (e) => e.conv2dGradWeight(input.data, gradOutput.data, g))
			],
			finish: ([gradInput, gradWeight]) => {
				// the bias gradient is a plain sum per filter: cheaper here than a kernel launch
				const plane = g.outHeight * g.outWidth;
				const gradBias = new Float32Array(g.filters);
				for (let f = 0; f < g.filters; f++) {
					let s = 0;
					for (let n = 0; n < a.n; n++)
						for (let i = (n * g.filters + f) * plane, end = i + plane; i < end; i++) s += gradOutput.data[i];
					gradBias[f] = s;
				}
				return {
					gradInput: { shape: [...input.shape], data: gradInput },
					gradWeight: { shape: [...weight.shape], data: gradWeight },
					gradBias
				};
			}
		};
	},

	maxPool2d(input, opts) {
		const { a, g } = planPool('maxPool2d', input, opts);
		const cells = g.channels * g.outHeight * g.outWidth;
		return {
			parts: [
				part('maxPoolArgmax', cells * g.size * g.size, 2 * cells, (e) => e.maxPoolArgmax(input.data, g))
			],
			finish: ([both]) => {
				// views of the fresh engine result: the values, and the indices stored as int32
				const argmax = new Int32Array(both.buffer, both.byteOffset + 4 * cells, cells);
				const data = both.subarray(0, cells);
				return { output: { shape: v.activationShape(a, a.c, g.outHeight, g.outWidth), data }, argmax };
			}
		};
	},

	maxPool2dValues(input, opts) {
		const { a, g } = planPool('maxPool2dValues', input, opts);
		const cells = g.channels * g.outHeight * g.outWidth;
		return {
			parts: [part('maxPool', cells * g.size * g.size, cells, (e) => e.maxPool(input.data, g))],
			finish: (r) => ({ shape: v.activationShape(a, a.c, g.outHeight, g.outWidth), data: r[0] })
		};
	},

	maxPool2dBackward(gradOutput, argmax, inputShape) {
		const fn = 'maxPool2dBackward';
		const go = v.checkActivation(fn, 'gradOutput', gradOutput, "C,H',W'");
		const layout = go.batched ? '[N,C,H,W]' : '[C,H,W]';
		const shape = v.checkShape(fn, 'inputShape', inputShape, go.batched ? 4 : 3, layout);
		const [N, C, H, W] = go.batched ? shape : [1, ...shape];
		if (N !== go.n)
			throw new RangeError(`${fn}: batch mismatch: gradOutput has ${go.n} images, inputShape ${N}`);
		v.checkChannels(fn, C, go.c);
		v.checkArgmax(fn, argmax, gradOutput.data.length, H * W);
		// size/stride are unknown here; the engines only need the shapes and the argmax
		const g = { channels: N * C, height: H, width: W, size: 1, stride: 1, outHeight: go.h, outWidth: go.w };
		const cells = N * C * H * W;
		return {
			parts: [part('maxPoolBackward', cells, cells, (e) => e.maxPoolBackward(gradOutput.data, argmax, g))],
			finish: (r) => ({ shape: [...shape], data: r[0] })
		};
	},

	pNormPool2d(input, opts) {
		const { a, g } = planPool('pNormPool2d', input, opts);
		const p = v.checkP('pNormPool2d', opts.p);
		const cells = g.channels * g.outHeight * g.outWidth;
		return {
			parts: [part('pNormPool', 4 * cells * g.size * g.size, cells, (e) => e.pNormPool(input.data, g, p))],
			finish: (r) => ({ shape: v.activationShape(a, a.c, g.outHeight, g.outWidth), data: r[0] })
		};
	},

	pNormPool2dBackward(input, gradOutput, opts) {
		const { g, p } = checkPNormBackward(input, gradOutput, opts);
		const work = 8 * g.channels * g.outHeight * g.outWidth * g.size * g.size;
		const n = input.data.length;
		return {
			parts: [
				part('pNormPoolBackward', work, n, (e) => e.pNormPoolBackward(input.data, gradOutput.data, g, p))
			],
			finish: (r) => ({ shape: [...input.shape], data: r[0] })
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
