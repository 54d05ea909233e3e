/** Dropout (seeded mask, identity in eval) and batch norm (batch statistics in training, running ones in eval). */
import { makeParam, positiveInt, tensor } from '../tensor';
import type { ForwardContext, Layer, LayerConfig, Param, Tensor } from '../types';

export function checkDropoutRate(v: unknown): number {
	if (typeof v !== 'number' || !(v >= 0 && v < 1))
		throw new RangeError(`Dropout: rate must be a number in [0, 1), got ${String(v)}`);
	return v;
}

/** Inverted dropout: kept values are scaled by 1/(1−rate) so eval needs no rescaling. */
export class Dropout implements Layer {
	readonly kind = 'dropout';
	private _rate: number;
	private mask: Float32Array | null = null;

	constructor(rate: number) {
		this._rate = checkDropoutRate(rate);
	}

	/** Changeable between steps (the trainer page's slider). */
	get rate(): number {
		return this._rate;
	}
	set rate(v: number) {
		this._rate = checkDropoutRate(v);
	}

	outputShape(s: readonly number[]): number[] {
		return [...s];
	}

	forward(input: Tensor, ctx: ForwardContext): Tensor {
		if (!ctx.training || this._rate === 0) {
			this.mask = null;
			return input;
		}
		const keep = 1 - this._rate;
		const mask = new Float32Array(input.data.length);
		const out = tensor(input.shape);
		for (let i = 0; i < mask.length; i++) {
			mask[i] = ctx.rng() < keep ? 1 / keep : 0;
			out.data[i] = input.data[i] * mask[i];
		}
		this.mask = mask;
		return out;
	}

	backward(gradOutput: Tensor): Tensor {
		if (!this.mask) return gradOutput;
		const dx = tensor(gradOutput.shape);
		for (let i = 0; i < dx.data.length; i++) dx.data[i] = gradOutput.data[i] * this.mask[i];
		return dx;
	}

	params(): readonly Param[] {
		return [];
	}

	config(): LayerConfig {
		return { kind: this.kind, rate: this._rate };
	}
}

export interface BatchNormOptions {
	/** Channels of `[N, C, H, W]` or features of `[N, C]`. */
	features: number;
	/** Weight of the newest batch in the running statistics, default 0.1 (PyTorch). */
	momentum?: number;
	epsilon?: number;
}

export class BatchNorm implements Layer {
	readonly kind = 'batch-norm';
	readonly gamma: Param;
	readonly beta: Param;
	readonly runningMean: Param;
	readonly runningVar: Param;
	private readonly opts: Required<BatchNormOptions>;
	private cache: {
		xhat: Float32Array;
		invStd: Float32Array;
		training: boolean;
		shape: readonly number[];
	} | null = null;

	constructor(opts: BatchNormOptions) {
		const C = positiveInt('BatchNorm', 'features', opts.features);
		this.opts = { momentum: 0.1, epsilon: 1e-5, ...opts };
		if (!(this.opts.momentum > 0 && this.opts.momentum <= 1))
			throw new RangeError(`BatchNorm: momentum must be in (0, 1], got ${this.opts.momentum}`);
		this.gamma = makeParam('gamma', [C], false, new Float32Array(C).fill(1));
		this.beta = makeParam('beta', [C], false);
		this.runningMean = makeParam('runningMean', [C], false);
		this.runningVar = makeParam('runningVar', [C], false, new Float32Array(C).fill(1));
	}

	outputShape(s: readonly number[]): number[] {
		if ((s.length !== 2 && s.length !== 4) || s[1] !== this.opts.features)
			throw new RangeError(
				`BatchNorm: input shape [${s.join(', ')}] must be [N, ${this.opts.features}] or [N, ${this.opts.features}, H, W]`
			);
		return [...s];
	}

	forward(input: Tensor, ctx: ForwardContext): Tensor {
		this.outputShape(input.shape);
		const [N, C] = input.shape;
		const S = input.shape.length === 4 ? input.shape[2] * input.shape[3] : 1;
		const M = N * S;
		const x = input.data;
		const out = tensor(input.shape);
		const xhat = new Float32Array(x.length);
		const invStd = new Float32Array(C);
		const { momentum, epsilon } = this.opts;
		for (let c = 0; c < C; c++) {
			let mean = this.runningMean.value[c];
			let v = this.runningVar.value[c];
			if (ctx.training) {
				let s = 0;
				for (let n = 0; n < N; n++) for (let i = 0, o = (n * C + c) * S; i < S; i++) s += x[o + i];
				mean = s / M;
				let q = 0;
				for (let n = 0; n < N; n++)
					for (let i = 0, o = (n * C + c) * S; i < S; i++) q += (x[o + i] - mean) ** 2;
				v = q / M;
				this.runningMean.value[c] += momentum * (mean - this.runningMean.value[c]);
				this.runningVar.value[c] += momentum * ((M > 1 ? q / (M - 1) : v) - this.runningVar.value[c]);
			}
			const inv = 1 / Math.sqrt(v + epsilon);
			invStd[c] = inv;
			const g = this.gamma.value[c];
			const b = this.beta.value[c];
			for (let n = 0; n < N; n++)
				for (let i = 0, o = (n * C + c) * S; i < S; i++) {
					const h = (x[o + i] - mean) * inv;
					xhat[o + i] = h;
					out.data[o + i] = g * h + b;
				}
		}
		this.cache = { xhat, invStd, training: ctx.training, shape: input.shape };
		return out;
	}

	backward(gradOutput: Tensor): Tensor {
		if (!this.cache) throw new Error('BatchNorm.backward: call forward first');
		const { xhat, invStd, training, shape } = this.cache;
		const [N, C] = shape;
		const S = shape.length === 4 ? shape[2] * shape[3] : 1;
		const M = N * S;
		const dy = gradOutput.data;
		const dx = tensor(shape);
		for (let c = 0; c < C; c++) {
			let sumDy = 0;
			let sumDyXhat = 0;
			for (let n = 0; n < N; n++)
				for (let i = 0, o = (n * C + c) * S; i < S; i++) {
					sumDy += dy[o + i];
					sumDyXhat += dy[o + i] * xhat[o + i];
				}
			this.gamma.grad[c] += sumDyXhat;
			this.beta.grad[c] += sumDy;
			const k = this.gamma.value[c] * invStd[c];
			for (let n = 0; n < N; n++)
				for (let i = 0, o = (n * C + c) * S; i < S; i++)
					dx.data[o + i] = training
						? (k / M) * (M * dy[o + i] - sumDy - xhat[o + i] * sumDyXhat)
						: k * dy[o + i];
		}
		return dx;
	}

	params(): readonly Param[] {
		return [this.gamma, this.beta];
	}

	buffers(): readonly Param[] {
		return [this.runningMean, this.runningVar];
	}

	config(): LayerConfig {
		return { kind: this.kind, ...this.opts };
	}
}
