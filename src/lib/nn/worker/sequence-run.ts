/**
 * One recurrent model training on one sequence task, step by step: what the training worker's
 * SequenceSession runs. It owns the data, the model, the trainer and the running means;
 * `trace` reads the gates of one held-out sequence, `modelFile`/`load` save and restore.
 */
import { createRng } from '$lib/signal/random';
import { Optimizer } from '../optim';
import { loadWeights, modelToJSON, type ModelJSON } from '../serialize';
import type { Sequential } from '../sequential';
import { makeTask, sequenceDataset } from '../tasks';
import type { SequenceData, SequenceTask } from '../tasks/types';
import { Trainer } from '../train';
import {
	dataSeeds,
	score,
	TARGET_SETTINGS,
	type RecurrentJob,
	type RecurrentSettings,
	type Score
} from '../recurrent/experiment';
import { buildRecurrentModel, checkKind, lossFor, recurrentLayerOf } from '../recurrent/models';

/** Held-out sequences scored while training (the CLI scores 1000; the page keeps this quick). */
export const SESSION_TEST_SIZE = 300;

export interface Progress {
	step: number;
	totalSteps: number;
	epoch: number;
	/** Mean training loss of the steps since the last report. */
	loss: number;
	/** Mean batch accuracy of those steps (prediction: fraction within tolerance is held-out only). */
	accuracy: number | null;
	heldOut: Score | null;
	parameters: number;
}

export interface SequenceTrace {
	index: number;
	/** The input sequence `[T, D]`. */
	input: Float32Array;
	inputSize: number;
	steps: number;
	hiddenSize: number;
	/** The label (classification) or the target value (prediction). */
	truth: number;
	/** The network's output for this sequence (class probabilities or the predicted value). */
	output: Float32Array;
	/**
	 * Prediction only: the read-out applied to every hidden state, `[T]`: after reading x_0…x_t
	 * the network's guess of x_{t+1} (it is trained on the last one, x_T, alone).
	 */
	predictions?: Float32Array;
	hidden: Float32Array;
	gates: Record<string, Float32Array>;
	/** ‖∂L/∂h_t‖ for t = 0…T−1 on this sequence. */
	gradNorms: Float32Array;
}

export class SequenceRun {
	readonly job: RecurrentJob;
	readonly task: SequenceTask;
	readonly settings: RecurrentSettings;
	readonly model: Sequential;
	readonly train: SequenceData;
	readonly test: SequenceData;
	readonly trainer: Trainer;
	step = 0;
	private lossSum = 0;
	private accSum = 0;
	private count = 0;
	heldOut: Score | null = null;

	constructor(job: RecurrentJob) {
		checkKind(job.model);
		this.job = job;
		this.task = makeTask(job.task, job.taskOptions);
		this.settings = { ...TARGET_SETTINGS[job.task], testSize: SESSION_TEST_SIZE, ...job.settings };
		const s = this.settings;
		for (const [name, v, lo, hi] of [
			['learning rate', s.learningRate, 1e-5, 1],
			['batch size', s.batchSize, 1, 1024],
			['hidden size', s.hiddenSize, 1, 256],
			['epochs', s.epochs, 1, 1000],
			['keep-gate bias', s.keepBias, -10, 10]
		] as const)
			if (!(typeof v === 'number' && v >= lo && v <= hi))
				throw new RangeError(`${name} must be between ${lo} and ${hi}, got ${String(v)}`);
		const seeds = dataSeeds(job.seed);
		this.train = this.task.generate(s.trainSize, seeds.train);
		this.test = this.task.generate(s.testSize, seeds.test);
		this.model = buildRecurrentModel(job.model, this.task, { ...s, seed: job.seed });
		this.trainer = new Trainer({
			model: this.model,
			loss: lossFor(this.task),
			optimizer: new Optimizer({ kind: 'adam', learningRate: s.learningRate }),
			data: sequenceDataset(this.train),
			batchSize: s.batchSize,
			seed: job.seed,
			clipNorm: s.clipNorm
		});
	}

	/** Steps so far and to the end of the last epoch at the current batch size (it may change). */
	get totalSteps(): number {
		const t = this.trainer;
		const left = this.settings.epochs - t.epoch;
		if (left <= 0) return this.step;
		const rest = Math.ceil(Math.round(t.data.size * (1 - t.epochProgress)) / t.batchSize);
		return this.step + (left - 1) * t.stepsPerEpoch + rest;
	}

	get done(): boolean {
		return this.trainer.epoch >= this.settings.epochs;
	}

	/** One batch; returns a message instead when the step was refused (weights put back). */
	advance(): string | null {
		const r = this.trainer.step();
		if (!r.ok) return r.message ?? 'Training stopped.';
		this.step++;
		this.lossSum += r.loss;
		if (r.accuracy !== undefined) this.accSum += r.accuracy;
		this.count++;
		return null;
	}

	scoreHeldOut(): Score {
		this.heldOut = score(this.model, this.task, this.test);
		return this.heldOut;
	}

	/** Progress since the last call (the running means restart). */
	progress(): Progress {
		const n = Math.max(1, this.count);
		const p: Progress = {
			step: this.step,
			totalSteps: this.totalSteps,
			epoch: this.trainer.epoch,
			loss: this.count ? this.lossSum / n : NaN,
			accuracy: this.task.kind === 'classification' && this.count ? this.accSum / n : null,
			heldOut: this.heldOut,
			parameters: this.model.parameterCount()
		};
		this.lossSum = this.accSum = this.count = 0;
		return p;
	}

	trace(index: number): SequenceTrace {
		const [N, T, D] = this.test.shape;
		if (!Number.isInteger(index) || index < 0 || index >= N)
			throw new RangeError(`sequence must be a whole number in [0, ${N - 1}], got ${index}`);
		const input = this.test.inputs.slice(index * T * D, (index + 1) * T * D);
		const layer = recurrentLayerOf(this.model);
		const ctx = { training: false, rng: createRng(0) };
		const out = this.model.forward({ shape: [1, T, D], data: input }, ctx);
		const loss = lossFor(this.task);
		const classify = this.task.kind === 'classification';
		const truth = classify ? this.test.labels![index] : this.test.targets![index];
		loss.forward(out, classify ? Int32Array.of(truth) : { shape: [1, 1], data: Float32Array.of(truth) });
		layer.trackGradients = true;
		this.model.zeroGrad();
		this.model.backward(loss.backward());
		layer.trackGradients = false;
		this.model.zeroGrad();
		const tr = layer.trace(0);
		let output = out.data.slice();
		if (classify) {
			const m = Math.max(...output);
			const e = output.map((v) => Math.exp(v - m));
			const s = e.reduce((a, b) => a + b, 0);
			output = e.map((v) => v / s);
		}
		const readout = this.model.layers[this.model.layers.length - 1];
		const predictions = classify
			? undefined
			: readout.forward({ shape: [T, tr.hiddenSize], data: tr.hidden }, ctx).data.slice();
		return {
			index,
			input,
			inputSize: D,
			...(predictions ? { predictions } : {}),
			steps: T,
			hiddenSize: tr.hiddenSize,
			truth,
			output,
			hidden: tr.hidden,
			gates: { ...tr.gates },
			gradNorms: layer.stepGradNorms.slice()
		};
	}

	modelFile(): ModelJSON {
		const { model, task } = this.job;
		return modelToJSON(this.model, `${model}-${task}`, { task, length: this.task.length, step: this.step });
	}

	/** Loads a model file of the same layers; on any mismatch throws and keeps the weights. */
	load(file: unknown): void {
		loadWeights(this.model, file);
		this.trainer.markGood();
		this.heldOut = null;
	}
}
