/**
 * Held-out measures of the "predict" task that mean something beside the loss: the root mean
 * square error of the network's next values, and that of the naive forecast "the next value is
 * the current one" (the last input of each sequence), which a useful network must beat.
 */
import { createRng } from '$lib/signal/random';
import type { SequenceData } from '../tasks/types';
import type { TrainableModel } from '../train';

export interface PredictMetrics {
	/** √(mean (prediction − target)²). */
	rmse: number;
	/** √(mean (last input − target)²): the "next = current" baseline. */
	naiveRmse: number;
}

/** √(mean (a − b)²) of two arrays of the same non-zero length. */
export function rmse(a: ArrayLike<number>, b: ArrayLike<number>): number {
	if (a.length !== b.length)
		throw new RangeError(`rmse: the arrays differ in length (${a.length} and ${b.length})`);
	if (a.length === 0) throw new RangeError('rmse: the arrays are empty');
	let s = 0;
	for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
	return Math.sqrt(s / a.length);
}

/** The last input value of every sequence of one-feature data `[N, T, 1]`. */
export function lastInputs(data: SequenceData): Float32Array {
	const [N, T, D] = data.shape;
	if (D !== 1) throw new RangeError(`lastInputs: sequences must have one feature, got ${D}`);
	return Float32Array.from({ length: N }, (_, n) => data.inputs[n * T + T - 1]);
}

/** The model's outputs for all sequences of `data` (evaluation mode), one row per sequence. */
export function predictionsOf(model: TrainableModel, data: SequenceData): Float32Array {
	return model.forward({ shape: [...data.shape], data: data.inputs }, { training: false, rng: createRng(0) })
		.data;
}

/** The network's RMSE (`predictions`, one per sequence) and the naive forecast's on `data`. */
export function predictMetrics(predictions: ArrayLike<number>, data: SequenceData): PredictMetrics {
	if (!data.targets) throw new TypeError('predictMetrics: the data have no regression targets');
	return { rmse: rmse(predictions, data.targets), naiveRmse: rmse(lastInputs(data), data.targets) };
}

/** One line for the CLI's log: `RMSE 0.0523 (next = current: 0.1801)`. */
export function formatPredictMetrics(m: PredictMetrics): string {
	return `RMSE ${m.rmse.toFixed(4)} (next = current: ${m.naiveRmse.toFixed(4)})`;
}
