/** The digits task and the two models that learn it (a small CNN and an MLP baseline). */
import type { Rng } from '$lib/signal/random';
import { digitsDataset, parseDigits } from './digits';
import { Conv2d } from './layers/conv';
import { Dense } from './layers/dense';
import { ReLU } from './layers/activations';
import { Flatten, MaxPool2d } from './layers/pool';
import { BatchNorm, Dropout } from './layers/regularize';
import { SoftmaxCrossEntropy } from './losses';
import { Sequential } from './sequential';
import type { Layer } from './types';
import { registerModel, registerTask, type ModelOptions, type TaskData } from './zoo';

registerTask({
	name: 'digits',
	description: '8 000 handwritten digits to learn from, 2 000 held out (28×28, ten classes)',
	async load(read, opts) {
		const [train, test] = await Promise.all([read('digits-train.bin'), read('digits-test.bin')]);
		const trainDigits = parseDigits(train);
		return {
			train: digitsDataset(trainDigits, opts?.trainLimit ?? trainDigits.count),
			test: digitsDataset(parseDigits(test)),
			inputShape: [1, 28, 28],
			classes: 10,
			makeLoss: () => new SoftmaxCrossEntropy()
		};
	}
});

function checkImages(task: TaskData, name: string): [number, number, number] {
	const [c, h, w] = task.inputShape;
	if (task.inputShape.length !== 3 || !task.classes)
		throw new RangeError(`${name}: needs an image classification task`);
	return [c, h, w];
}

/** conv 8@3×3 → ReLU → pool 2 → conv 16@3×3 → ReLU → pool 2 → dense: ≈ 10 k weights. */
export function buildCnn(task: TaskData, rng: Rng, opts: ModelOptions = {}): Sequential {
	const [c, h, w] = checkImages(task, 'cnn');
	const block = (inC: number, outC: number): Layer[] => [
		new Conv2d({ inChannels: inC, outChannels: outC, kernelSize: 3, padding: 1 }, rng),
		...(opts.batchNorm ? [new BatchNorm({ features: outC })] : []),
		new ReLU(),
		new MaxPool2d({ size: 2 })
	];
	const flat = 16 * Math.floor(Math.floor(h / 2) / 2) * Math.floor(Math.floor(w / 2) / 2);
	return new Sequential(task.inputShape, [
		...block(c, 8),
		...block(8, 16),
		new Flatten(),
		...(opts.dropout ? [new Dropout(opts.dropout)] : []),
		new Dense({ inFeatures: flat, outFeatures: task.classes!, init: 'xavier' }, rng)
	]);
}

/** flatten → dense 128 → ReLU → dense: the baseline that sees no neighbourhoods. */
export function buildMlp(task: TaskData, rng: Rng, opts: ModelOptions = {}): Sequential {
	const [c, h, w] = checkImages(task, 'mlp');
	return new Sequential(task.inputShape, [
		new Flatten(),
		new Dense({ inFeatures: c * h * w, outFeatures: 128 }, rng),
		...(opts.batchNorm ? [new BatchNorm({ features: 128 })] : []),
		new ReLU(),
		...(opts.dropout ? [new Dropout(opts.dropout)] : []),
		new Dense({ inFeatures: 128, outFeatures: task.classes!, init: 'xavier' }, rng)
	]);
}

registerModel({
	name: 'cnn',
	description: 'two conv 3×3 + max-pool blocks (8 and 16 filters) and a dense classifier',
	tasks: ['digits'],
	build: buildCnn,
	defaults: { optimizer: 'adam', learningRate: 0.006, batchSize: 32 }
});

registerModel({
	name: 'mlp',
	description: 'one hidden layer of 128 ReLU units',
	tasks: ['digits'],
	build: buildMlp,
	defaults: { optimizer: 'adam', learningRate: 0.002, batchSize: 32 }
});
