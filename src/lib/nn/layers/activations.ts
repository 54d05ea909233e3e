/** Element-wise activations: ReLU, leaky ReLU, sigmoid, tanh. Any shape in, the same shape out. */
import { tensor } from '../tensor';
import type { ForwardContext, Layer, LayerConfig, Param, Tensor } from '../types';

abstract class Elementwise implements Layer {
	abstract readonly kind: string;
	protected input: Tensor | null = null;
	protected output: Tensor | null = null;

	outputShape(inputShape: readonly number[]): number[] {
		return [...inputShape];
	}

	protected abstract f(x: Float32Array, y: Float32Array): void;
	/** dx from x, y = f(x) and dy. */
	protected abstract df(x: Float32Array, y: Float32Array, dy: Float32Array, dx: Float32Array): void;

	forward(input: Tensor, _ctx: ForwardContext): Tensor {
		const out = tensor(input.shape);
		this.f(input.data, out.data);
		this.input = input;
		this.output = out;
		return out;
	}

	backward(gradOutput: Tensor): Tensor {
		if (!this.input || !this.output) throw new Error(`${this.kind}.backward: call forward first`);
		if (gradOutput.data.length !== this.output.data.length)
			throw new RangeError(
				`${this.kind}.backward: gradOutput shape [${gradOutput.shape}] ≠ output [${this.output.shape}]`
			);
		const dx = tensor(this.input.shape);
		this.df(this.input.data, this.output.data, gradOutput.data, dx.data);
		return dx;
	}

	params(): readonly Param[] {
		return [];
	}

	config(): LayerConfig {
		return { kind: this.kind };
	}
}

export class ReLU extends Elementwise {
	readonly kind = 'relu';
	protected f(x: Float32Array, y: Float32Array) {
		// x < 0 rather than x > 0 so NaN passes through and the trainer's guard sees it
		for (let i = 0; i < x.length; i++) y[i] = x[i] < 0 ? 0 : x[i];
	}
	protected df(x: Float32Array, _y: Float32Array, dy: Float32Array, dx: Float32Array) {
		for (let i = 0; i < x.length; i++) dx[i] = x[i] > 0 ? dy[i] : 0;
	}
}

export class LeakyReLU extends Elementwise {
	readonly kind = 'leaky-relu';
	constructor(readonly slope = 0.01) {
		super();
		if (!Number.isFinite(slope) || slope < 0 || slope >= 1)
			throw new RangeError(`LeakyReLU: slope must be in [0, 1), got ${slope}`);
	}
	protected f(x: Float32Array, y: Float32Array) {
		const a = this.slope;
		for (let i = 0; i < x.length; i++) y[i] = x[i] < 0 ? a * x[i] : x[i];
	}
	protected df(x: Float32Array, _y: Float32Array, dy: Float32Array, dx: Float32Array) {
		const a = this.slope;
		for (let i = 0; i < x.length; i++) dx[i] = x[i] > 0 ? dy[i] : a * dy[i];
	}
	config(): LayerConfig {
		return { kind: this.kind, slope: this.slope };
	}
}

export class Sigmoid extends Elementwise {
	readonly kind = 'sigmoid';
	protected f(x: Float32Array, y: Float32Array) {
		for (let i = 0; i < x.length; i++) y[i] = 1 / (1 + Math.exp(-x[i]));
	}
	protected df(_x: Float32Array, y: Float32Array, dy: Float32Array, dx: Float32Array) {
		for (let i = 0; i < y.length; i++) dx[i] = dy[i] * y[i] * (1 - y[i]);
	}
}

export class Tanh extends Elementwise {
	readonly kind = 'tanh';
	protected f(x: Float32Array, y: Float32Array) {
		for (let i = 0; i < x.length; i++) y[i] = Math.tanh(x[i]);
	}
	protected df(_x: Float32Array, y: Float32Array, dy: Float32Array, dx: Float32Array) {
		for (let i = 0; i < y.length; i++) dx[i] = dy[i] * (1 - y[i] * y[i]);
	}
}
