/**
 * The recurrent pages' training settings, read from and written to the URL. Every value is
 * clamped to a range the worker can train in; a value typed outside it is refused with a message.
 */
import type { ParamReader, ParamValue } from '$lib/deck/params';
import { TARGET_SETTINGS } from '$lib/nn/recurrent/experiment';
import type { InitCommand } from '$lib/nn/worker/protocol';
import type { RecurrentKind } from '$lib/nn/recurrent/models';
import type { TaskName } from '$lib/nn/tasks/types';

export const TASK_LABELS: Record<TaskName, string> = {
	detect: 'Detect the pattern',
	predict: 'Predict the next value',
	remember: 'Remember the first symbol'
};
export const LENGTH_RANGE: Record<TaskName, readonly [number, number]> = {
	detect: [16, 64],
	predict: [10, 60],
	remember: [2, 100]
};
export const DEFAULT_LENGTH: Record<TaskName, number> = { detect: 32, predict: 30, remember: 50 };
export const HIDDEN_RANGE = [4, 64] as const;
export const LR_RANGE = [0.0001, 0.1] as const;
export const EPOCH_RANGE = [1, 50] as const;
export const SEQUENCES = 300;

export class RecurrentPageSettings {
	readonly model: RecurrentKind;
	task = $state<TaskName>('remember');
	length = $state(50);
	hidden = $state(32);
	learningRate = $state(0.01);
	epochs = $state(5);
	seed = $state(1);
	/** The held-out sequence whose gates are drawn. */
	sequence = $state(0);

	constructor(model: RecurrentKind, params: ParamReader, tasks: readonly TaskName[], task: TaskName) {
		this.model = model;
		this.task = params.choice('task', tasks, task);
		const [lo, hi] = LENGTH_RANGE[this.task];
		this.length = params.number('len', {
			min: lo,
			max: hi,
			fallback: DEFAULT_LENGTH[this.task],
			integer: true
		});
		this.hidden = params.number('hidden', {
			min: HIDDEN_RANGE[0],
			max: HIDDEN_RANGE[1],
			fallback: 32,
			integer: true
		});
		this.learningRate = params.number('lr', {
			min: LR_RANGE[0],
			max: LR_RANGE[1],
			fallback: TARGET_SETTINGS[this.task].learningRate
		});
		this.epochs = params.number('epochs', {
			min: EPOCH_RANGE[0],
			max: EPOCH_RANGE[1],
			fallback: 5,
			integer: true
		});
		this.seed = params.number('seed', { min: 0, max: 99999, fallback: 1, integer: true });
		this.sequence = params.number('seq', { min: 0, max: SEQUENCES - 1, fallback: 0, integer: true });
	}

	setTask(task: TaskName): void {
		this.task = task;
		this.length = DEFAULT_LENGTH[task];
		// remember has its own rate (0.003): the one at which the plain RNN stays at chance
		this.learningRate = TARGET_SETTINGS[task].learningRate;
	}

	/** Sets the learning rate if it is a number in range; otherwise says why not. */
	setLearningRate(v: number): string | null {
		if (!Number.isFinite(v) || v < LR_RANGE[0] || v > LR_RANGE[1])
			return `The learning rate must be a number from ${LR_RANGE[0]} to ${LR_RANGE[1]}; it stays ${this.learningRate}.`;
		this.learningRate = Number(v.toPrecision(3));
		return null;
	}

	/** The training worker's `init` for these settings (a fresh model; `weights` to start from a file). */
	init(model: RecurrentKind = this.model, weights?: unknown): InitCommand {
		return {
			type: 'init',
			model,
			task: this.task,
			seed: this.seed,
			hyper: {
				optimizer: 'adam',
				learningRate: this.learningRate,
				batchSize: TARGET_SETTINGS[this.task].batchSize,
				weightDecay: 0,
				dropout: 0,
				batchNorm: false
			},
			dataUrl: '',
			sequence: { length: this.length, hiddenSize: this.hidden, epochs: this.epochs },
			...(weights === undefined ? {} : { weights })
		};
	}

	toParams(): Record<string, ParamValue> {
		return {
			task: this.task,
			len: this.length,
			hidden: this.hidden,
			lr: this.learningRate,
			epochs: this.epochs,
			seed: this.seed,
			seq: this.sequence
		};
	}
}
