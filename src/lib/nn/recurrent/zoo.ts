/**
 * The recurrent models (rnn, lstm, gru) and the sequence tasks (detect, predict, remember) in the
 * trainer's model/task registry, so `npm run train -- --model lstm --task remember` works. The
 * data are generated from fixed seeds (no files). One CLI epoch of detect and predict sees twice
 * as many sequences as the target runs (TARGET_SETTINGS: trainSize × epochs), to be past their
 * plateaus; one epoch of remember is exactly the target budget (500 steps), the budget in which
 * the LSTM and the GRU pass 90 % and the plain RNN stays at chance: twice that and the RNN
 * sometimes latches the symbol after all (BENCHMARKS.md).
 */
import { makeTask, sequenceDataset, TASK_NAMES, type TaskName } from '../tasks';
import { registerModel, registerTask, type TaskData } from '../zoo';
import { dataSeeds, TARGET_SETTINGS } from './experiment';
import { formatPredictMetrics, predictionsOf, predictMetrics } from './metrics';
import { buildRecurrentModel, lossFor, RECURRENT_KINDS, RECURRENT_LABELS } from './models';

/** The CLI's data seed; the model's own seed is `--seed`. */
const DATA_SEED = 1;
const DESCRIPTIONS: Record<TaskName, string> = {
	detect: 'does a noisy sequence hold the Barker-13 pattern? (length 32, 3 dB)',
	predict:
		'the next value of a sum of sines (length 30); the loss is MSE, with the held-out RMSE beside the naive "next = current" forecast\'s',
	remember:
		'the first of 4 symbols at the start of a 50-step noisy sequence (1 epoch = 500 steps at lr 0.003: LSTM and GRU pass 90 %, the plain RNN stays at chance)'
};
/** Training sequences of one CLI epoch, in target budgets (trainSize × epochs). */
const CLI_BUDGETS: Record<TaskName, number> = { detect: 2, predict: 2, remember: 1 };

for (const name of TASK_NAMES) {
	registerTask({
		name,
		description: DESCRIPTIONS[name],
		async load(_read, opts) {
			const task = makeTask(name);
			const s = TARGET_SETTINGS[name];
			const seeds = dataSeeds(DATA_SEED);
			const size = Math.min(opts?.trainLimit ?? Infinity, CLI_BUDGETS[name] * s.trainSize * s.epochs);
			const test = task.generate(s.testSize, seeds.test);
			const data: TaskData = {
				train: sequenceDataset(task.generate(size, seeds.train)),
				test: sequenceDataset(test),
				inputShape: [task.length, task.inputSize],
				...(task.kind === 'classification' ? { classes: task.outputSize } : {}),
				makeLoss: () => lossFor(task)
			};
			if (task.kind === 'regression')
				data.heldOutMetrics = (model) => {
					const m = predictMetrics(predictionsOf(model, test), test);
					return { values: { ...m }, text: formatPredictMetrics(m) };
				};
			return data;
		},
		defaults: { learningRate: TARGET_SETTINGS[name].learningRate }
	});
}

for (const kind of RECURRENT_KINDS) {
	registerModel({
		name: kind,
		description: `${RECURRENT_LABELS[kind]} (hidden 32, keep-gate bias 3) into a Dense read-out`,
		tasks: [...TASK_NAMES],
		build(data, rng) {
			const [length, inputSize] = data.inputShape;
			const task = {
				name: 'remember',
				kind: 'classification',
				inputSize,
				length,
				outputSize: data.classes ?? 1
			} as const;
			return buildRecurrentModel(
				kind,
				{
					...task,
					generate: () => {
						throw new Error('not used');
					}
				},
				{
					hiddenSize: TARGET_SETTINGS.remember.hiddenSize,
					keepBias: TARGET_SETTINGS.remember.keepBias,
					seed: Math.floor(rng() * 2 ** 31)
				}
			);
		},
		defaults: {
			optimizer: 'adam',
			// each sequence task's own learning rate (its `defaults` above) takes precedence
			learningRate: TARGET_SETTINGS.detect.learningRate,
			batchSize: TARGET_SETTINGS.remember.batchSize,
			clipNorm: TARGET_SETTINGS.remember.clipNorm
		}
	});
}
