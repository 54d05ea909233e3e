/**
 * One training run of a recurrent model on a sequence task, as the CLI and the tests do it:
 * seeded data, the trainer, held-out scores. `TARGET_SETTINGS` are the defaults the targets in
 * BENCHMARKS.md were measured with. Remember learns at 0.003, not 0.01: at 0.01 the plain RNN
 * finds a latching solution after anything from 100 to 1 200 steps (seed by seed), at 0.003 it
 * stays at chance for the 500 steps in which the LSTM and the GRU pass 90 %
 * (`node scripts/bench/remember-sweep.js`, BENCHMARKS.md). The three models always share them.
 */
import { Optimizer } from '../optim';
import type { Sequential } from '../sequential';
import { makeTask, PREDICT_TOLERANCE, sequenceDataset, type TaskName, type TaskOptions } from '../tasks';
import type { SequenceData, SequenceTask } from '../tasks/types';
import { DetectTask, bestThreshold, matchedFilterPeaks, thresholdAccuracy } from '../tasks/detect';
import { createRng } from '$lib/signal/random';
import { Trainer, evaluate } from '../train';
import { predictMetrics } from './metrics';
import { buildRecurrentModel, checkKind, lossFor, type RecurrentKind } from './models';

export interface RecurrentSettings {
	hiddenSize: number;
	learningRate: number;
	batchSize: number;
	trainSize: number;
	testSize: number;
	clipNorm: number;
	keepBias: number;
	epochs: number;
}

const COMMON = {
	hiddenSize: 32,
	learningRate: 0.01,
	batchSize: 32,
	clipNorm: 5,
	keepBias: 3,
	testSize: 1000
};
export const TARGET_SETTINGS: Record<TaskName, RecurrentSettings> = {
	detect: { ...COMMON, trainSize: 4000, epochs: 6 },
	predict: { ...COMMON, trainSize: 3000, epochs: 5 },
	remember: { ...COMMON, learningRate: 0.003, trainSize: 3200, epochs: 5 }
};

export interface RecurrentJob {
	model: RecurrentKind;
	task: TaskName;
	seed: number;
	taskOptions?: TaskOptions;
	settings?: Partial<RecurrentSettings>;
}

export interface Score {
	loss: number;
	/** Classification: fraction right; prediction: fraction within PREDICT_TOLERANCE. */
	accuracy: number;
	/** Prediction only: the RMSE of the network and of "next = current" (metrics.ts). */
	rmse?: number;
	naiveRmse?: number;
}

/** Seeds of the training and held-out sequences: two streams apart from the model's seed. */
export const dataSeeds = (seed: number) => ({
	train: (seed * 7919 + 17) >>> 0,
	test: (seed * 104729 + 99991) >>> 0
});

export function score(model: Sequential, task: SequenceTask, data: SequenceData): Score {
	const ds = sequenceDataset(data);
	const loss = lossFor(task);
	const r = evaluate(model, loss, ds);
	if (r.accuracy !== undefined) return { loss: r.loss, accuracy: r.accuracy };
	const out = model.forward(
		{ shape: [...data.shape], data: data.inputs },
		{ training: false, rng: createRng(0) }
	);
	let right = 0;
	for (let i = 0; i < out.data.length; i++)
		if (Math.abs(out.data[i] - data.targets![i]) < PREDICT_TOLERANCE) right++;
	return { loss: r.loss, accuracy: right / out.data.length, ...predictMetrics(out.data, data) };
}

type MatchedFilter = (signal: Float32Array, template: Float32Array) => { output: Float32Array };

/** The matched filter's answer on the same held-out sequences (threshold fitted on the training ones). */
export function matchedFilterScore(
	task: DetectTask,
	train: SequenceData,
	test: SequenceData,
	filter: MatchedFilter
) {
	const threshold = bestThreshold(matchedFilterPeaks(task, train, filter), train.labels!);
	return {
		threshold,
		accuracy: thresholdAccuracy(matchedFilterPeaks(task, test, filter), test.labels!, threshold)
	};
}

export interface EpochReport {
	epoch: number;
	loss: number;
	heldOut: Score;
	ms: number;
}

export interface RecurrentRun {
	model: Sequential;
	task: SequenceTask;
	settings: RecurrentSettings;
	history: EpochReport[];
	heldOut: Score;
	train: SequenceData;
	test: SequenceData;
	/** Set when a step was refused (NaN loss): the weights are the last good ones. */
	stopped?: string;
}

export function runRecurrent(job: RecurrentJob, onEpoch?: (r: EpochReport) => void): RecurrentRun {
	const task = makeTask(job.task, job.taskOptions);
	const settings = { ...TARGET_SETTINGS[job.task], ...job.settings };
	const seeds = dataSeeds(job.seed);
	const train = task.generate(settings.trainSize, seeds.train);
	const test = task.generate(settings.testSize, seeds.test);
	const model = buildRecurrentModel(checkKind(job.model), task, { ...settings, seed: job.seed });
	const trainer = new Trainer({
		model,
		loss: lossFor(task),
		optimizer: new Optimizer({ kind: 'adam', learningRate: settings.learningRate }),
		data: sequenceDataset(train),
		batchSize: settings.batchSize,
		seed: job.seed,
		clipNorm: settings.clipNorm
	});
	const history: EpochReport[] = [];
	const t0 = performance.now();
	let stopped: string | undefined;
	for (let e = 0; e < settings.epochs && !stopped; e++) {
		let sum = 0;
		let steps = 0;
		do {
			const r = trainer.step();
			if (!r.ok) {
				stopped = r.message;
				break;
			}
			sum += r.loss;
			steps++;
		} while (trainer.epoch === e);
		const report = {
			epoch: e + 1,
			loss: sum / Math.max(1, steps),
			heldOut: score(model, task, test),
			ms: performance.now() - t0
		};
		history.push(report);
		onEpoch?.(report);
	}
	const heldOut = history.length ? history[history.length - 1].heldOut : score(model, task, test);
	return { model, task, settings, history, heldOut, train, test, stopped };
}
