/**
 * Losses. Softmax cross-entropy takes logits `[..., K]` and class indices (Int32Array, one per row)
 * or target probabilities of the same shape; mean squared error takes a target of the prediction's
 * shape and averages over every element (as PyTorch's `MSELoss` does).
 */
import { tensor } from './tensor';
import type { Loss, Tensor } from './types';

/** Row-wise softmax of `[..., K]` logits, max-subtracted so large logits do not overflow. */
export function softmax(logits: Tensor): Tensor {
	const K = logits.shape[logits.shape.length - 1];
	if (!K) throw new RangeError(`softmax: logits shape [${logits.shape}] needs a last axis of size ≥ 1`);
	const out = tensor(logits.shape);
	const x = logits.data;
	const y = out.data;
	for (let r = 0; r < x.length; r += K) {
		let max = -Infinity;
		for (let j = 0; j < K; j++) if (x[r + j] > max) max = x[r + j];
		let sum = 0;
		for (let j = 0; j < K; j++) sum += y[r + j] = Math.exp(x[r + j] - max);
		for (let j = 0; j < K; j++) y[r + j] /= sum;
	}
	return out;
}

export class SoftmaxCrossEntropy implements Loss {
	readonly kind = 'softmax-cross-entropy';
	private probs: Tensor | null = null;
	private target: Tensor | Int32Array | null = null;

	forward(prediction: Tensor, target: Tensor | Int32Array): number {
		const K = prediction.shape[prediction.shape.length - 1];
		const rows = prediction.data.length / K;
		const p = softmax(prediction);
		let total = 0;
		if (target instanceof Int32Array) {
			if (target.length !== rows)
				throw new RangeError(`SoftmaxCrossEntropy: ${target.length} labels for ${rows} rows of logits`);
			for (let r = 0; r < rows; r++) {
				const c = target[r];
				if (!(c >= 0 && c < K)) throw new RangeError(`SoftmaxCrossEntropy: label ${c} outside 0..${K - 1}`);
				total -= Math.log(Math.max(p.data[r * K + c], 1e-30));
			}
		} else {
			if (target.data.length !== p.data.length)
				throw new RangeError(
					`SoftmaxCrossEntropy: target shape [${target.shape}] ≠ logits [${prediction.shape}]`
				);
			for (let i = 0; i < p.data.length; i++)
				if (target.data[i] !== 0) total -= target.data[i] * Math.log(Math.max(p.data[i], 1e-30));
		}
		this.probs = p;
		this.target = target;
		return total / rows;
	}

	/** (softmax − target) / rows. */
	backward(): Tensor {
		if (!this.probs || !this.target) throw new Error('SoftmaxCrossEntropy.backward: call forward first');
		const p = this.probs;
		const K = p.shape[p.shape.length - 1];
		const rows = p.data.length / K;
		const g = tensor(p.shape, Float32Array.from(p.data));
		const t = this.target;
		if (t instanceof Int32Array) for (let r = 0; r < rows; r++) g.data[r * K + t[r]] -= 1;
		else for (let i = 0; i < g.data.length; i++) g.data[i] -= t.data[i];
		for (let i = 0; i < g.data.length; i++) g.data[i] /= rows;
		return g;
	}
}

export class MeanSquaredError implements Loss {
	readonly kind = 'mse';
	private diff: Tensor | null = null;

	forward(prediction: Tensor, target: Tensor | Int32Array): number {
		if (target instanceof Int32Array)
			throw new TypeError('MeanSquaredError: target must be a Tensor, not labels');
		if (target.data.length !== prediction.data.length)
			throw new RangeError(
				`MeanSquaredError: target shape [${target.shape}] ≠ prediction [${prediction.shape}]`
			);
		const d = tensor(prediction.shape);
		let s = 0;
		for (let i = 0; i < d.data.length; i++) {
			const v = prediction.data[i] - target.data[i];
			d.data[i] = v;
			s += v * v;
		}
		this.diff = d;
		return s / d.data.length;
	}

	backward(): Tensor {
		if (!this.diff) throw new Error('MeanSquaredError.backward: call forward first');
		const n = this.diff.data.length;
		const g = tensor(this.diff.shape);
		for (let i = 0; i < n; i++) g.data[i] = (2 * this.diff.data[i]) / n;
		return g;
	}
}
