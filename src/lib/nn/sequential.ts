/** A model as a list of layers run in order; backward runs them in reverse. */
import type { ForwardContext, Layer, Param, Tensor } from './types';

/** A layer that can add its parameter gradients without computing its input gradient. */
export interface ParamsOnlyBackward {
	backwardParams(gradOutput: Tensor): void;
}

export class Sequential {
	readonly layers: Layer[];
	/** One example's shape (no batch axis), e.g. `[1, 28, 28]`; checked against the layers at once. */
	readonly inputShape: readonly number[];

	constructor(inputShape: readonly number[], layers: Layer[]) {
		if (!Array.isArray(layers) || layers.length === 0)
			throw new RangeError('Sequential: layers must be a non-empty array');
		if (!inputShape.every((d) => Number.isInteger(d) && d >= 1))
			throw new RangeError(`Sequential: inputShape must hold whole numbers ≥ 1, got [${inputShape}]`);
		this.inputShape = [...inputShape];
		this.layers = layers;
		this.shapes(1); // throws if the layers do not fit together
	}

	/** Shape after each layer for a batch of `n` (index 0: the input). */
	shapes(n = 1): number[][] {
		const out = [[n, ...this.inputShape]];
		for (const l of this.layers) out.push(l.outputShape(out[out.length - 1]));
		return out;
	}

	forward(input: Tensor, ctx: ForwardContext): Tensor {
		let x = input;
		for (const l of this.layers) x = l.forward(x, ctx);
		return x;
	}

	/** Every layer's output for one forward pass (index 0: the input), for drawing feature maps. */
	activations(input: Tensor, ctx: ForwardContext): Tensor[] {
		const out = [input];
		for (const l of this.layers) out.push(l.forward(out[out.length - 1], ctx));
		return out;
	}

	backward(gradOutput: Tensor): Tensor {
		let g = gradOutput;
		for (let i = this.layers.length - 1; i >= 0; i--) g = this.layers[i].backward(g);
		return g;
	}

	/**
	 * backward for the parameter gradients only, as a training step needs: the same gradients, but
	 * the first layer skips its input gradient where it can (a layer with `backwardParams`).
	 */
	backwardParams(gradOutput: Tensor): void {
		let g = gradOutput;
		for (let i = this.layers.length - 1; i >= 1; i--) g = this.layers[i].backward(g);
		const first = this.layers[0] as Layer & Partial<ParamsOnlyBackward>;
		if (first.backwardParams) first.backwardParams(g);
		else first.backward(g);
	}

	params(): Param[] {
		return this.layers.flatMap((l) => [...l.params()]);
	}

	buffers(): Param[] {
		return this.layers.flatMap((l) => [...(l.buffers?.() ?? [])]);
	}

	zeroGrad(): void {
		for (const p of this.params()) p.grad.fill(0);
	}

	parameterCount(): number {
		return this.params().reduce((s, p) => s + p.value.length, 0);
	}
}
