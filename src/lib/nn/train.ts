/**
 * A model- and task-agnostic training loop: seeded shuffled batches from a Dataset, one optimiser
 * step per batch, optional clipping, and a guard that stops on a NaN/∞ loss or gradient and puts
 * back the last good weights. `step()` does one batch, so a worker can pause between any two.
 */
import { createRng, type Rng } from '$lib/signal/random';
import { clipGradNorm, type Optimizer } from './optim';
import type { Loss, Param, Tensor } from './types';

export interface Batch {
	input: Tensor;
	/** Class indices or a target tensor, whatever the loss takes. */
	target: Tensor | Int32Array;
}

export interface Dataset {
	readonly size: number;
	/** The examples at these indices as one batch. */
	batch(indices: ArrayLike<number>): Batch;
}

export interface TrainableModel {
	forward(input: Tensor, ctx: { training: boolean; rng: Rng }): Tensor;
	backward(gradOutput: Tensor): Tensor;
	/** backward for the parameter gradients only (Sequential: skips the first layer's input gradient). */
	backwardParams?(gradOutput: Tensor): void;
	params(): Param[];
	buffers?(): Param[];
	zeroGrad(): void;
}

export interface TrainerOptions {
	model: TrainableModel;
	loss: Loss;
	optimizer: Optimizer;
	data: Dataset;
	batchSize: number;
	/** Seeds the shuffling and the forward pass's generator (dropout). */
	seed: number;
	/** Clip gradients to this global L2 norm (off when absent). */
	clipNorm?: number;
}

export interface StepResult {
	ok: boolean;
	loss: number;
	/** Accuracy of this batch when the targets are class indices. */
	accuracy?: number;
	epoch: number;
	/** Examples seen so far in all epochs. */
	seen: number;
	/** Set when the step was refused: what happened. */
	message?: string;
}

export function checkBatchSize(v: unknown): number {
	if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 65536)
		throw new RangeError(`batchSize must be a whole number from 1 to 65536, got ${String(v)}`);
	return v;
}

/** Fisher–Yates with the given generator. */
export function shuffled(n: number, rng: Rng): Int32Array {
	const a = new Int32Array(n);
	for (let i = 0; i < n; i++) a[i] = i;
	for (let i = n - 1; i > 0; i--) {
		const j = Math.floor(rng() * (i + 1));
		const t = a[i];
		a[i] = a[j];
		a[j] = t;
	}
	return a;
}

/** Fraction of rows of `[..., K]` logits whose largest entry is at the label. */
export function accuracy(logits: Tensor, labels: Int32Array): number {
	const K = logits.shape[logits.shape.length - 1];
	let right = 0;
	for (let r = 0; r < labels.length; r++) {
		let best = 0;
		for (let j = 1; j < K; j++) if (logits.data[r * K + j] > logits.data[r * K + best]) best = j;
		if (best === labels[r]) right++;
	}
	return labels.length ? right / labels.length : 0;
}

export class Trainer {
	model: TrainableModel;
	loss: Loss;
	optimizer: Optimizer;
	data: Dataset;
	clipNorm?: number;
	epoch = 0;
	seen = 0;
	private _batchSize: number;
	private readonly shuffleRng: Rng;
	readonly rng: Rng;
	private order: Int32Array;
	private cursor = 0;
	private good: Float32Array[];

	constructor(o: TrainerOptions) {
		this.model = o.model;
		this.loss = o.loss;
		this.optimizer = o.optimizer;
		this.data = o.data;
		if (!(o.data.size >= 1)) throw new RangeError('Trainer: data must hold at least one example');
		this._batchSize = checkBatchSize(o.batchSize);
		this.clipNorm = o.clipNorm;
		this.shuffleRng = createRng(o.seed);
		this.rng = createRng(o.seed ^ 0x5eed);
		this.order = shuffled(o.data.size, this.shuffleRng);
		this.good = this.state().map((p) => Float32Array.from(p.value));
	}

	get batchSize(): number {
		return this._batchSize;
	}
	set batchSize(v: number) {
		this._batchSize = checkBatchSize(v);
	}

	/** Steps in one epoch at the current batch size (the last batch may be smaller). */
	get stepsPerEpoch(): number {
		return Math.ceil(this.data.size / this._batchSize);
	}

	/** Fraction of the current epoch done. */
	get epochProgress(): number {
		return this.cursor / this.data.size;
	}

	private state(): Param[] {
		return [...this.model.params(), ...(this.model.buffers?.() ?? [])];
	}

	/** Puts back the weights after the last good step. */
	restoreGood(): void {
		this.state().forEach((p, i) => p.value.set(this.good[i]));
	}

	/** Re-snapshots the weights as good (after loading a model into the same layers). */
	markGood(): void {
		this.good = this.state().map((p) => Float32Array.from(p.value));
	}

	step(): StepResult {
		const end = Math.min(this.cursor + this._batchSize, this.data.size);
		const batch = this.data.batch(this.order.subarray(this.cursor, end));
		this.model.zeroGrad();
		const out = this.model.forward(batch.input, { training: true, rng: this.rng });
		const loss = this.loss.forward(out, batch.target);
		const acc = batch.target instanceof Int32Array ? accuracy(out, batch.target) : undefined;
		const result = { loss, accuracy: acc, epoch: this.epoch, seen: this.seen };
		if (!Number.isFinite(loss))
			return this.refuse(
				result,
				`The loss became ${loss}; training stopped and the last good weights were kept.`
			);
		const grad = this.loss.backward();
		if (this.model.backwardParams) this.model.backwardParams(grad);
		else this.model.backward(grad);
		const params = this.model.params();
		const norm = this.clipNorm ? clipGradNorm(params, this.clipNorm) : gradNorm(params);
		if (!Number.isFinite(norm))
			return this.refuse(
				result,
				'A gradient became NaN or infinite; training stopped and the last good weights were kept.'
			);
		this.optimizer.update(params);
		if (this.state().some((p) => !allFinite(p.value)))
			return this.refuse(
				result,
				'A weight became NaN or infinite; training stopped and the last good weights were kept.'
			);
		this.state().forEach((p, i) => this.good[i].set(p.value));
		this.seen += end - this.cursor;
		this.cursor = end;
		if (this.cursor >= this.data.size) {
			this.cursor = 0;
			this.epoch++;
			this.order = shuffled(this.data.size, this.shuffleRng);
		}
		return { ...result, ok: true, epoch: this.epoch, seen: this.seen };
	}

	private refuse(result: Omit<StepResult, 'ok'>, message: string): StepResult {
		this.restoreGood();
		return { ...result, ok: false, message };
	}
}

function gradNorm(params: readonly Param[]): number {
	let sq = 0;
	for (const p of params) for (let i = 0; i < p.grad.length; i++) sq += p.grad[i] * p.grad[i];
	return Math.sqrt(sq);
}

function allFinite(a: Float32Array): boolean {
	for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
	return true;
}

/** Mean loss and (for class labels) accuracy over a whole dataset, in eval mode. */
export function evaluate(
	model: TrainableModel,
	loss: Loss,
	data: Dataset,
	batchSize = 256
): { loss: number; accuracy?: number } {
	const rng = createRng(0);
	let total = 0;
	let right = 0;
	let labelled = true;
	for (let s = 0; s < data.size; s += batchSize) {
		const idx = Int32Array.from({ length: Math.min(batchSize, data.size - s) }, (_, i) => s + i);
		const b = data.batch(idx);
		const out = model.forward(b.input, { training: false, rng });
		total += loss.forward(out, b.target) * idx.length;
		if (b.target instanceof Int32Array) right += accuracy(out, b.target) * idx.length;
		else labelled = false;
	}
	return { loss: total / data.size, ...(labelled ? { accuracy: right / data.size } : {}) };
}

/** Runs whole epochs, calling `onStep` after each batch; stops early on a refused step. */
export function fit(trainer: Trainer, epochs: number, onStep?: (r: StepResult) => void): StepResult | null {
	let last: StepResult | null = null;
	const target = trainer.epoch + epochs;
	while (trainer.epoch < target) {
		last = trainer.step();
		onStep?.(last);
		if (!last.ok) break;
	}
	return last;
}
