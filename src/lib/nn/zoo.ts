/**
 * Named models and tasks for the command line and the trainer pages. A task loads its data through
 * a `read` function (a file in Node, `fetch` in the page) so the same code serves both; a model is
 * built for a task's input shape. Other families (recurrent nets, sequence tasks) register theirs.
 */
import type { Rng } from '$lib/signal/random';
import type { OptimizerKind } from './optim';
import type { Dataset, TrainableModel } from './train';
import type { Loss } from './types';

/** Reads a data file by name (e.g. `digits-train.bin`), relative to static/data/. */
export type ReadFile = (name: string) => Promise<ArrayBuffer>;

export interface TaskData {
	train: Dataset;
	test: Dataset;
	/** One example's shape, no batch axis. */
	inputShape: number[];
	/** Classes for a classification task (targets are Int32Array labels). */
	classes?: number;
	makeLoss(): Loss;
	/** Held-out measures beside the loss (the predict task's RMSE), with a line for the log. */
	heldOutMetrics?(model: TrainableModel): { values: Record<string, number>; text: string };
}

export interface TaskSpec {
	name: string;
	description: string;
	/** `trainLimit` trims the training set (the overfitting demo). */
	load(read: ReadFile, opts?: { trainLimit?: number }): Promise<TaskData>;
	/** Settings this task needs whatever the model (they override the model's defaults). */
	defaults?: { learningRate?: number };
}

export interface ModelOptions {
	/** Dropout rate before the classifier, 0 = none. */
	dropout?: number;
	batchNorm?: boolean;
}

export interface ModelSpec {
	name: string;
	description: string;
	/** The task names this model is meant for. */
	tasks: string[];
	build(task: TaskData, rng: Rng, opts?: ModelOptions): TrainableModel;
	/** `clipNorm`: clip the gradients to this global norm (recurrent nets; off when absent). */
	defaults: { optimizer: OptimizerKind; learningRate: number; batchSize: number; clipNorm?: number };
}

const tasks = new Map<string, TaskSpec>();
const models = new Map<string, ModelSpec>();

export function registerTask(t: TaskSpec): void {
	tasks.set(t.name, t);
}

export function registerModel(m: ModelSpec): void {
	models.set(m.name, m);
}

export const taskNames = (): string[] => [...tasks.keys()];
export const modelNames = (): string[] => [...models.keys()];

export function getTask(name: string): TaskSpec {
	const t = tasks.get(name);
	if (!t) throw new RangeError(`unknown task ${JSON.stringify(name)}; known: ${taskNames().join(', ')}`);
	return t;
}

export function getModel(name: string): ModelSpec {
	const m = models.get(name);
	if (!m) throw new RangeError(`unknown model ${JSON.stringify(name)}; known: ${modelNames().join(', ')}`);
	return m;
}
