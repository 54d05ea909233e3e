/**
 * The neural-net library's one layer contract, shared by the CNN trainer and the recurrent nets.
 * Tensors are the kernel set's row-major `{ shape, data }`, batch first: `[N, C, H, W]` for images,
 * `[N, D]` for vectors, `[N, T, D]` for sequences.
 */
import type { Tensor } from '$lib/kernels/types';
import type { Rng } from '$lib/signal/random';

export type { Tensor };

/** A trainable array and the gradient that `backward` accumulates into it. */
export interface Param {
	/** Unique inside its layer, e.g. `weight`, `bias`, `Wx`. */
	readonly name: string;
	readonly shape: readonly number[];
	readonly value: Float32Array;
	/** Same length as `value`; `backward` adds to it, the optimiser reads it, `zeroGrad` clears it. */
	readonly grad: Float32Array;
	/** False for parameters that weight decay must not touch (biases, batch-norm shifts). */
	readonly decay: boolean;
}

/** What a forward pass needs besides its input. */
export interface ForwardContext {
	/** Dropout drops and batch norm uses batch statistics only while training. */
	readonly training: boolean;
	/** The seeded generator for dropout masks and anything else random in a forward pass. */
	readonly rng: Rng;
}

/** A layer's description as it is saved: its kind and its constructor options (plain JSON). */
export interface LayerConfig {
	readonly kind: string;
	readonly [option: string]: unknown;
}

export interface Layer {
	readonly kind: string;
	/** Output shape for an input shape (batch first); throws a RangeError naming the mismatch. */
	outputShape(inputShape: readonly number[]): number[];
	/** Keeps what `backward` needs from the most recent call. */
	forward(input: Tensor, ctx: ForwardContext): Tensor;
	/** Gradient of the loss with respect to the last input; adds parameter gradients into `grad`. */
	backward(gradOutput: Tensor): Tensor;
	/** Trainable parameters (empty for activations, pooling, flatten). */
	params(): readonly Param[];
	/** Non-trainable state that must be saved too (batch norm's running mean and variance). */
	buffers?(): readonly Param[];
	config(): LayerConfig;
}

/** A loss turns predictions and targets into a number and the gradient of that number. */
export interface Loss {
	readonly kind: string;
	/** Mean over the batch. */
	forward(prediction: Tensor, target: Tensor | Int32Array): number;
	/** Gradient with respect to the last `prediction`, already divided by the batch size. */
	backward(): Tensor;
}
