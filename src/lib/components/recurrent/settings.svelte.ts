/**
 * The recurrent pages' training settings, read from and written to the URL. Every value is
 * clamped to a range the worker can train in; a value typed outside it is refused with a message.
 */
import { parseField, type FieldSpec } from '$lib/components/number-field';
import { snapNumber, type ParamReader, type ParamValue } from '$lib/deck/params';
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
export const EPOCH_RANGE = [1, 50] as const;
export const SEQUENCES = 300;
/** The starting bias of the gate that keeps the memory (it is what "keepBias" means in nn/recurrent). */
export const KEEP_BIAS = { min: -5, max: 5, step: 0.1, fallback: TARGET_SETTINGS.remember.keepBias } as const;

/** The typed fields: batch size and learning rate apply from the next step, the bias starts a new model. */
export const FIELDS = {
	learningRate: { label: 'learning rate', min: 0.0001, max: 0.1 },
	batchSize: { label: 'batch size', min: 1, max: 256, integer: true },
	keepBias: { label: 'keep-gate bias', min: KEEP_BIAS.min, max: KEEP_BIAS.max }
} satisfies Record<string, FieldSpec>;
export type FieldName = keyof typeof FIELDS;
/** What the keep gate is called on each page (the plain RNN has none). */
export const KEEP_GATE: Record<RecurrentKind, string | null> = {
	rnn: null,
	lstm: 'forget-gate bias',
	gru: 'update-gate bias'
};

export class RecurrentPageSettings {
	readonly model: RecurrentKind;
	task = $state<TaskName>('remember');
	length = $state(50);
	hidden = $state(32);
	learningRate = $state(0.01);
	batchSize = $state(32);
	keepBias = $state<number>(KEEP_BIAS.fallback);
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
		const f = FIELDS;
		this.learningRate = params.number('lr', {
			...f.learningRate,
			fallback: TARGET_SETTINGS[this.task].learningRate
		});
		this.batchSize = params.number('batch', { ...f.batchSize, fallback: TARGET_SETTINGS.remember.batchSize });
		if (KEEP_GATE[model]) this.keepBias = params.number('bias', KEEP_BIAS);
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

	/**
	 * Sets a typed field if the text is a number in its range (the bias snapped to 0.1, as the URL
	 * keeps it; the learning rate to three significant digits); otherwise says why not.
	 */
	set(field: FieldName, text: string): string | null {
		const spec = {
			...FIELDS[field],
			label: field === 'keepBias' ? (KEEP_GATE[this.model] ?? '') : FIELDS[field].label
		};
		const r = parseField(text, spec);
		if (!r.ok) return `${r.message}; it stays ${this[field]}.`;
		if (field === 'keepBias') this.keepBias = snapNumber(r.value, KEEP_BIAS);
		else if (field === 'learningRate') this.learningRate = Number(r.value.toPrecision(3));
		else this.batchSize = r.value;
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
				batchSize: this.batchSize,
				weightDecay: 0,
				dropout: 0,
				batchNorm: false
			},
			dataUrl: '',
			sequence: {
				length: this.length,
				hiddenSize: this.hidden,
				epochs: this.epochs,
				keepBias: this.keepBias
			},
			...(weights === undefined ? {} : { weights })
		};
	}

	toParams(): Record<string, ParamValue> {
		return {
			task: this.task,
			len: this.length,
			hidden: this.hidden,
			lr: this.learningRate,
			batch: this.batchSize,
			bias: KEEP_GATE[this.model] ? this.keepBias : undefined,
			epochs: this.epochs,
			seed: this.seed,
			seq: this.sequence
		};
	}
}
