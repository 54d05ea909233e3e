/** Conv2d on `[N, C, H, W]` through the kernel set (cross-correlation, zero padding, as PyTorch). */
import type { Rng } from '$lib/signal/random';
import { conv2dGradWeight } from '$lib/kernels/js-grad';
import { convGeometry, convOutputSize } from '$lib/kernels/shape';
import { initWeights, type InitKind } from '../init';
import { defaultOps, type KernelOps } from '../kernels';
import { makeParam, positiveInt } from '../tensor';
import type { ForwardContext, Layer, LayerConfig, Param, Tensor } from '../types';

export interface Conv2dOptions {
	inChannels: number;
	outChannels: number;
	kernelSize: number;
	/** Default 1. */
	stride?: number;
	/** Zero padding on every side, default 0. */
	padding?: number;
	/** Default 'he'. */
	init?: InitKind;
}

export class Conv2d implements Layer {
	readonly kind = 'conv2d';
	readonly weight: Param;
	readonly bias: Param;
	private readonly opts: Required<Conv2dOptions>;
	private input: Tensor | null = null;

	constructor(
		opts: Conv2dOptions,
		rng: Rng,
		private readonly ops: KernelOps = defaultOps()
	) {
		const C = positiveInt('Conv2d', 'inChannels', opts.inChannels);
		const F = positiveInt('Conv2d', 'outChannels', opts.outChannels);
		const k = positiveInt('Conv2d', 'kernelSize', opts.kernelSize);
		this.opts = { stride: 1, padding: 0, init: 'he', ...opts };
		positiveInt('Conv2d', 'stride', this.opts.stride);
		const p = this.opts.padding;
		if (!Number.isInteger(p) || p < 0)
			throw new RangeError(`Conv2d: padding must be a whole number ≥ 0, got ${p}`);
		this.weight = makeParam('weight', [F, C, k, k], true);
		initWeights(this.weight.value, this.opts.init, C * k * k, F * k * k, rng);
		this.bias = makeParam('bias', [F], false);
	}

	outputShape(s: readonly number[]): number[] {
		const { inChannels: C, outChannels: F, kernelSize: k, stride, padding } = this.opts;
		if (s.length !== 4 || s[1] !== C)
			throw new RangeError(`Conv2d: input shape [${s.join(', ')}] must be [N, ${C}, H, W]`);
		const h = convOutputSize(s[2], k, stride, padding);
		const w = convOutputSize(s[3], k, stride, padding);
		if (h < 1 || w < 1)
			throw new RangeError(`Conv2d: a ${k}×${k} kernel does not fit input [${s.join(', ')}]`);
		return [s[0], F, h, w];
	}

	private weightTensor(): Tensor {
		return { shape: this.weight.shape, data: this.weight.value };
	}

	forward(input: Tensor, _ctx: ForwardContext): Tensor {
		this.outputShape(input.shape);
		const { stride, padding } = this.opts;
		this.input = input;
		return this.ops.conv2d(input, this.weightTensor(), this.bias.value, { stride, padding });
	}

	backward(gradOutput: Tensor): Tensor {
		if (!this.input) throw new Error('Conv2d.backward: call forward first');
		const { stride, padding } = this.opts;
		// the kernel set scatters a mostly-zero gradient (js-grad-sparse.ts), the usual case after pooling
		const g = this.ops.conv2dBackward(this.input, this.weightTensor(), gradOutput, { stride, padding });
		const wg = this.weight.grad;
		for (let i = 0; i < wg.length; i++) wg[i] += g.gradWeight.data[i];
		const bg = this.bias.grad;
		for (let i = 0; i < bg.length; i++) bg[i] += g.gradBias[i];
		return g.gradInput;
	}

	/**
	 * backward without the input gradient, for a first layer whose input is data: adds the same
	 * parameter gradients. On the default kernel set only the weight gradient is computed (the input
	 * gradient is about half the backward's work); other kernel sets run the full backward.
	 */
	backwardParams(gradOutput: Tensor): void {
		if (!this.input) throw new Error('Conv2d.backward: call forward first');
		if (this.ops !== defaultOps()) {
			this.backward(gradOutput);
			return;
		}
		const { stride, padding } = this.opts;
		const s = this.input.shape;
		const shape = this.outputShape(s);
		if (gradOutput.data.length !== shape[0] * shape[1] * shape[2] * shape[3])
			throw new RangeError(
				`Conv2d.backward: gradOutput shape [${gradOutput.shape}] must be [${shape.join(', ')}]`
			);
		const g = convGeometry(s.slice(1), this.weight.shape, stride, padding, s[0]);
		const gw = conv2dGradWeight(this.input.data, gradOutput.data, g);
		const wg = this.weight.grad;
		for (let i = 0; i < wg.length; i++) wg[i] += gw[i];
		// per filter, the same sums in the same order as the kernel set's conv2dBackward
		const plane = g.outHeight * g.outWidth;
		const bg = this.bias.grad;
		for (let f = 0; f < g.filters; f++) {
			let sum = 0;
			for (let n = 0; n < g.batch; n++)
				for (let i = (n * g.filters + f) * plane, end = i + plane; i < end; i++) sum += gradOutput.data[i];
			bg[f] += Math.fround(sum);
		}
	}

	params(): readonly Param[] {
		return [this.weight, this.bias];
	}

	config(): LayerConfig {
		return { kind: this.kind, ...this.opts };
	}
}
