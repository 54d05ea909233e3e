/** Max pooling and p-norm pooling on `[N, C, H, W]` through the kernel set; Flatten. */
import { poolOutputSize } from '$lib/kernels/shape';
import { defaultOps, type KernelOps } from '../kernels';
import { positiveInt, size } from '../tensor';
import type { ForwardContext, Layer, LayerConfig, Param, Tensor } from '../types';

export interface PoolLayerOptions {
	size: number;
	/** Default: size. */
	stride?: number;
}

abstract class Pool implements Layer {
	abstract readonly kind: string;
	protected readonly size: number;
	protected readonly stride: number;
	protected input: Tensor | null = null;

	constructor(
		opts: PoolLayerOptions,
		protected readonly ops: KernelOps
	) {
		this.size = positiveInt('Pool', 'size', opts.size);
		this.stride = positiveInt('Pool', 'stride', opts.stride ?? opts.size);
	}

	outputShape(s: readonly number[]): number[] {
		if (s.length !== 4)
			throw new RangeError(`${this.kind}: input shape [${s.join(', ')}] must be [N, C, H, W]`);
		const h = poolOutputSize(s[2], this.size, this.stride, false);
		const w = poolOutputSize(s[3], this.size, this.stride, false);
		if (h < 1 || w < 1)
			throw new RangeError(`${this.kind}: window ${this.size} does not fit input [${s.join(', ')}]`);
		return [s[0], s[1], h, w];
	}

	abstract forward(input: Tensor, ctx: ForwardContext): Tensor;
	abstract backward(gradOutput: Tensor): Tensor;

	params(): readonly Param[] {
		return [];
	}

	config(): LayerConfig {
		return { kind: this.kind, size: this.size, stride: this.stride };
	}
}

export class MaxPool2d extends Pool {
	readonly kind = 'max-pool2d';
	private argmax: Int32Array | null = null;

	constructor(opts: PoolLayerOptions, ops: KernelOps = defaultOps()) {
		super(opts, ops);
	}

	/**
	 * While training, the argmax comes with the values (backward follows); otherwise the values
	 * alone, and a backward after all (gradient checks, saliency) finds the argmax then.
	 */
	forward(input: Tensor, ctx: ForwardContext): Tensor {
		this.outputShape(input.shape);
		const opts = { size: this.size, stride: this.stride };
		this.input = input;
		if (!ctx.training) {
			this.argmax = null;
			return this.ops.maxPool2dValues(input, opts);
		}
		const r = this.ops.maxPool2d(input, opts);
		this.argmax = r.argmax;
		return r.output;
	}

	backward(gradOutput: Tensor): Tensor {
		if (!this.input) throw new Error('MaxPool2d.backward: call forward first');
		this.argmax ??= this.ops.maxPool2d(this.input, { size: this.size, stride: this.stride }).argmax;
		return this.ops.maxPool2dBackward(gradOutput, this.argmax, this.input.shape);
	}
}

export class PNormPool2d extends Pool {
	readonly kind = 'pnorm-pool2d';
	readonly p: number;

	constructor(opts: PoolLayerOptions & { p: number }, ops: KernelOps = defaultOps()) {
		super(opts, ops);
		if (typeof opts.p !== 'number' || !(opts.p > 0))
			throw new RangeError(`PNormPool2d: p must be a number > 0 or Infinity, got ${opts.p}`);
		this.p = opts.p;
	}

	forward(input: Tensor, _ctx: ForwardContext): Tensor {
		this.outputShape(input.shape);
		this.input = input;
		return this.ops.pNormPool2d(input, { size: this.size, stride: this.stride, p: this.p });
	}

	backward(gradOutput: Tensor): Tensor {
		if (!this.input) throw new Error('PNormPool2d.backward: call forward first');
		return this.ops.pNormPool2dBackward(this.input, gradOutput, {
			size: this.size,
			stride: this.stride,
			p: this.p
		});
	}

	config(): LayerConfig {
		// JSON has no Infinity: write it as the string "Infinity"
		return { ...super.config(), p: Number.isFinite(this.p) ? this.p : 'Infinity' };
	}
}

/** `[N, ...]` → `[N, product]`; the data is shared, only the shape changes. */
export class Flatten implements Layer {
	readonly kind = 'flatten';
	private inputShape: readonly number[] | null = null;

	outputShape(s: readonly number[]): number[] {
		if (s.length < 2)
			throw new RangeError(`Flatten: input shape [${s.join(', ')}] needs a batch axis and more`);
		return [s[0], size(s.slice(1))];
	}

	forward(input: Tensor, _ctx: ForwardContext): Tensor {
		this.inputShape = input.shape;
		return { shape: this.outputShape(input.shape), data: input.data };
	}

	backward(gradOutput: Tensor): Tensor {
		if (!this.inputShape) throw new Error('Flatten.backward: call forward first');
		return { shape: [...this.inputShape], data: gradOutput.data };
	}

	params(): readonly Param[] {
		return [];
	}

	config(): LayerConfig {
		return { kind: this.kind };
	}
}
