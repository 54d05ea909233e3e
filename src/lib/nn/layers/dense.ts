/**
 * Dense (fully connected): y = x·Wᵀ + b over the last axis, W stored [out, in] as PyTorch does.
 * Every leading axis counts as batch, so `[N, D]` and `[N, T, D]` both work.
 */
import type { Rng } from '$lib/signal/random';
import { initWeights, type InitKind } from '../init';
import { matmul } from '../matmul';
import { makeParam, positiveInt, tensor } from '../tensor';
import type { ForwardContext, Layer, LayerConfig, Param, Tensor } from '../types';

export interface DenseOptions {
	inFeatures: number;
	outFeatures: number;
	/** Default 'he'. */
	init?: InitKind;
	/** Default true. */
	bias?: boolean;
}

export class Dense implements Layer {
	readonly kind = 'dense';
	readonly weight: Param;
	readonly bias: Param | null;
	private readonly opts: Required<DenseOptions>;
	private input: Tensor | null = null;

	constructor(opts: DenseOptions, rng: Rng) {
		const inF = positiveInt('Dense', 'inFeatures', opts.inFeatures);
		const outF = positiveInt('Dense', 'outFeatures', opts.outFeatures);
		this.opts = { init: 'he', bias: true, ...opts };
		this.weight = makeParam('weight', [outF, inF], true);
		initWeights(this.weight.value, this.opts.init, inF, outF, rng);
		this.bias = this.opts.bias ? makeParam('bias', [outF], false) : null;
	}

	outputShape(inputShape: readonly number[]): number[] {
		const last = inputShape[inputShape.length - 1];
		if (inputShape.length < 2 || last !== this.opts.inFeatures)
			throw new RangeError(
				`Dense: input shape [${inputShape.join(', ')}] must end in ${this.opts.inFeatures} features`
			);
		return [...inputShape.slice(0, -1), this.opts.outFeatures];
	}

	forward(input: Tensor, _ctx: ForwardContext): Tensor {
		const shape = this.outputShape(input.shape);
		const { inFeatures: k, outFeatures: n } = this.opts;
		const rows = input.data.length / k;
		const out = tensor(shape);
		if (this.bias) for (let r = 0; r < rows; r++) out.data.set(this.bias.value, r * n);
		matmul(input.data, this.weight.value, out.data, rows, k, n, { transB: true, accumulate: true });
		this.input = input;
		return out;
	}

	backward(gradOutput: Tensor): Tensor {
		if (!this.input) throw new Error('Dense.backward: call forward first');
		const { inFeatures: k, outFeatures: n } = this.opts;
		const rows = this.input.data.length / k;
		const g = gradOutput.data;
		// dW[n×k] += gᵀ[n×rows]·x[rows×k]; db += Σ_rows g; dx[rows×k] = g[rows×n]·W[n×k]
		matmul(g, this.input.data, this.weight.grad, n, rows, k, { transA: true, accumulate: true });
		if (this.bias) {
			const bg = this.bias.grad;
			for (let r = 0; r < rows; r++) for (let j = 0; j < n; j++) bg[j] += g[r * n + j];
		}
		const dx = tensor(this.input.shape);
		matmul(g, this.weight.value, dx.data, rows, n, k);
		return dx;
	}

	params(): readonly Param[] {
		return this.bias ? [this.weight, this.bias] : [this.weight];
	}

	config(): LayerConfig {
		return { kind: this.kind, ...this.opts };
	}
}
