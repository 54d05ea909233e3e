/**
 * The recurrent models of the trainer: one recurrent layer (its last hidden state) into a Dense
 * read-out, for any sequence task. `keepBias` is the starting bias of the gate that keeps the
 * memory (the LSTM's forget gate, the GRU's update gate): with 1 the LSTM cannot find the first
 * symbol 50 steps back in a short run, with 3 it does (BENCHMARKS.md).
 */
import { createRng } from '$lib/signal/random';
import { Dense } from '../layers/dense';
import { MeanSquaredError, SoftmaxCrossEntropy } from '../losses';
import { Sequential } from '../sequential';
import type { SequenceTask } from '../tasks/types';
import type { Loss } from '../types';
import type { RecurrentLayer } from './base';
import { GRU } from './gru';
import { LSTM } from './lstm';
import './register';
import { SimpleRNN } from './rnn';

export type RecurrentKind = 'rnn' | 'lstm' | 'gru';
export const RECURRENT_KINDS: readonly RecurrentKind[] = ['rnn', 'lstm', 'gru'];
export const RECURRENT_LABELS: Record<RecurrentKind, string> = { rnn: 'Plain RNN', lstm: 'LSTM', gru: 'GRU' };

export interface RecurrentModelOptions {
	readonly hiddenSize: number;
	readonly keepBias?: number;
	readonly seed: number;
}

export function checkKind(kind: unknown): RecurrentKind {
	if (!RECURRENT_KINDS.includes(kind as RecurrentKind))
		throw new RangeError(`model must be one of ${RECURRENT_KINDS.join(', ')}, got ${String(kind)}`);
	return kind as RecurrentKind;
}

export function buildRecurrentModel(
	kind: RecurrentKind,
	task: SequenceTask,
	o: RecurrentModelOptions
): Sequential {
	const rng = createRng(o.seed);
	const sizes = { inputSize: task.inputSize, hiddenSize: o.hiddenSize };
	const cell =
		checkKind(kind) === 'lstm'
			? new LSTM({ ...sizes, forgetBias: o.keepBias ?? 1 }, rng)
			: kind === 'gru'
				? new GRU({ ...sizes, updateBias: o.keepBias ?? 0 }, rng)
				: new SimpleRNN(sizes, rng);
	const readout = new Dense({ inFeatures: o.hiddenSize, outFeatures: task.outputSize, init: 'xavier' }, rng);
	return new Sequential([task.length, task.inputSize], [cell, readout]);
}

/** The model's recurrent layer (its first), for traces and gradient norms. */
export function recurrentLayerOf(model: Sequential): RecurrentLayer {
	const layer = model.layers[0] as RecurrentLayer;
	if (!layer || !['rnn', 'lstm', 'gru'].includes(layer.kind))
		throw new TypeError('The model does not start with a recurrent layer (rnn, lstm or gru)');
	return layer;
}

export function lossFor(task: SequenceTask): Loss {
	return task.kind === 'classification' ? new SoftmaxCrossEntropy() : new MeanSquaredError();
}
