/**
 * The messages between a trainer page and its Web Worker. Generic over the registered models and
 * tasks (zoo.ts); a recurrent page adds `sequence` to `init` (its length, hidden size and epochs),
 * and its view of the inspected sequence is a `trace` (gates and state per time step).
 */
import type { ModelJSON } from '../serialize';
import type { OptimizerKind } from '../optim';
import type { SequenceTrace } from './sequence-run';

export interface Hyper {
	optimizer: OptimizerKind;
	learningRate: number;
	batchSize: number;
	/** L2 weight decay λ on weights (not biases). */
	weightDecay: number;
	/** Dropout before the classifier; 0 = none. */
	dropout: number;
	/** Changing it rebuilds the model (new layers), so training starts over. */
	batchNorm: boolean;
}

export interface InitCommand {
	type: 'init';
	model: string;
	task: string;
	seed: number;
	hyper: Hyper;
	/** Prefix the worker fetches data files from, e.g. `/data/`. */
	dataUrl: string;
	/** Only the first N training examples (overfitting demo). */
	trainLimit?: number;
	/** Test example whose activations the page shows. */
	inspect?: number;
	/** A recurrent model (rnn, lstm, gru) on a generated sequence task: its sizes and run length. */
	sequence?: SequenceOptions;
	/** A model file whose weights the new model starts from. */
	weights?: unknown;
}

export interface SequenceOptions {
	length: number;
	hiddenSize: number;
	epochs: number;
	/** Starting bias of the gate that keeps the memory (LSTM forget, GRU update); default 3. */
	keepBias?: number;
}

export type Command =
	| InitCommand
	| { type: 'start' }
	| { type: 'pause' }
	| { type: 'step' }
	| { type: 'reset'; seed?: number; trainLimit?: number | null }
	| { type: 'hyper'; hyper: Partial<Hyper> }
	| { type: 'inspect'; index: number }
	/** One image `[1, H, W]` (the drawn digit, or a shifted test digit); answered by `probe`. */
	| { type: 'probe'; id: string; image: Float32Array }
	| { type: 'load'; json: unknown }
	| { type: 'save' }
	/** Makes the worker throw, so the page's crash handling can be exercised. */
	| { type: 'crash' };

export interface ProgressEvent {
	type: 'progress';
	running: boolean;
	epoch: number;
	stepInEpoch: number;
	stepsPerEpoch: number;
	seen: number;
	examplesPerSecond: number;
	/** Mean over the steps since the last progress event. */
	trainLoss: number;
	trainAccuracy?: number;
	/** Runs of a fixed length (sequence tasks): the step, the last step and the time left. */
	step?: number;
	totalSteps?: number;
	etaMs?: number | null;
	/** The latest held-out score (sequence tasks), null before the first. */
	heldOut?: { loss: number; accuracy: number; rmse?: number; naiveRmse?: number } | null;
}

export interface MetricPoint {
	/** Examples seen when measured. */
	seen: number;
	epoch: number;
	trainLoss: number;
	trainAccuracy?: number;
	testLoss: number;
	testAccuracy?: number;
	/** How many test examples were measured (a fixed subset while running, all at each epoch's end). */
	testSize: number;
}

export interface ViewEvent {
	type: 'view';
	/** First-layer filters `[F, C, k, k]` flattened, with that shape. */
	filters: Float32Array;
	filterShape: number[];
	/** The inspected digit, its first-layer feature maps (after ReLU) `[F, H, W]`, and the model's probabilities. */
	image: Float32Array;
	imageShape: number[];
	maps: Float32Array;
	mapShape: number[];
	probs: Float32Array;
	label: number;
}

export type WorkerEvent =
	| {
			type: 'ready';
			parameters: number;
			trainSize: number;
			testSize: number;
			stepsPerEpoch: number;
			classes: number;
	  }
	| ProgressEvent
	| { type: 'metrics'; point: MetricPoint }
	| ViewEvent
	| { type: 'trace'; trace: SequenceTrace }
	| { type: 'confusion'; matrix: Int32Array; classes: number }
	| { type: 'stopped'; message: string }
	| { type: 'error'; message: string }
	| { type: 'loaded'; name: string; meta?: Record<string, unknown> }
	| { type: 'saved'; json: ModelJSON }
	| {
			type: 'probe';
			id: string;
			probs: Float32Array;
			/** First-layer maps after ReLU `[F, H, W]` and after the first pooling `[F, H/2, W/2]`. */
			maps: Float32Array;
			mapShape: number[];
			pooled: Float32Array;
			pooledShape: number[];
	  };
