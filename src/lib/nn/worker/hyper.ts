/** Checks for the worker's inputs: hyperparameters from the page's fields, a loaded model against the task. */
import { checkDropoutRate } from '../layers/regularize';
import type { Sequential } from '../sequential';
import { checkBatchSize } from '../train';
import type { TaskData } from '../zoo';
import type { Hyper } from './protocol';

export function checkHyper(h: Partial<Hyper>): void {
	if (
		h.learningRate !== undefined &&
		!(typeof h.learningRate === 'number' && h.learningRate > 0 && h.learningRate <= 10)
	)
		throw new RangeError(`learning rate must be a number in (0, 10], got ${String(h.learningRate)}`);
	if (h.batchSize !== undefined) checkBatchSize(h.batchSize);
	if (
		h.weightDecay !== undefined &&
		!(typeof h.weightDecay === 'number' && h.weightDecay >= 0 && h.weightDecay <= 1)
	)
		throw new RangeError(`L2 must be a number in [0, 1], got ${String(h.weightDecay)}`);
	if (h.dropout !== undefined) checkDropoutRate(h.dropout);
	if (h.optimizer !== undefined && !['sgd', 'momentum', 'adam'].includes(h.optimizer))
		throw new RangeError(`optimizer must be sgd, momentum or adam, got ${String(h.optimizer)}`);
}

/** Throws an Error that says why a loaded model does not fit the task's inputs or classes. */
export function checkModelFits(model: Sequential, task: TaskData): void {
	const want = task.inputShape.join('×');
	if (model.inputShape.join('×') !== want)
		throw new Error(`This model takes ${model.inputShape.join('×')} inputs; the task has ${want}.`);
	const out = model.shapes(1).at(-1)!;
	if (task.classes && out[out.length - 1] !== task.classes)
		throw new Error(`This model has ${out[out.length - 1]} outputs; the task has ${task.classes} classes.`);
}
