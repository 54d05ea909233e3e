/**
 * The messages between a trainer page and its Web Worker. Generic over the registered models and
 * tasks (zoo.ts): a recurrent page sends the same commands with its own model and task names.
 */
import type { ModelJSON } from '../serialize';
import type { OptimizerKind } from '../optim';

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
