// One SGD training step of conv 8@3×3 → ReLU → max pool 2 → dense 10 on a batch of 32 28×28
// images: flipshift's nn library against @tensorflow/tfjs-backend-cpu. Median milliseconds.
// Run alone (`node scripts/bench/train-step.js`) or as the last part of `npm run bench`.
import { fileURLToPath } from 'node:url';
import { bundleForNode } from '../bundle-node.js';

async function median(fn, runs = 15, warm = 3) {
	for (let i = 0; i < warm; i++) await fn();
	const t = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		await fn();
		t.push(performance.now() - t0);
	}
	return t.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

/**
 * The benchmark CNN on a fixed batch, from a bundled nn library and random module (seeded, so two
 * builds of the library train the same numbers): `step()` is one SGD step; `x` and `labels` the batch.
 */
export function benchmarkCnn(nn, { createRng, uniformArray }) {
	const rng = createRng(1);
	const model = new nn.Sequential(
		[1, 28, 28],
		[
			new nn.Conv2d({ inChannels: 1, outChannels: 8, kernelSize: 3 }, rng),
			new nn.ReLU(),
			new nn.MaxPool2d({ size: 2 }),
			new nn.Flatten(),
			new nn.Dense({ inFeatures: 8 * 13 * 13, outFeatures: 10 }, rng)
		]
	);
	const x = { shape: [32, 1, 28, 28], data: uniformArray(rng, 32 * 784, 0, 1) };
	const labels = Int32Array.from({ length: 32 }, (_, i) => i % 10);
	const loss = new nn.SoftmaxCrossEntropy();
	const opt = new nn.Optimizer({ kind: 'sgd', learningRate: 0.01 });
	const ctx = { training: true, rng };
	const step = () => {
		model.zeroGrad();
		loss.forward(model.forward(x, ctx), labels);
		model.backwardParams(loss.backward());
		opt.update(model.params());
	};
	return { step, x, labels };
}

export async function benchTrainStep() {
	const bundle = await bundleForNode(
		'bench-nn',
		{ nn: 'src/lib/nn/index.ts', random: 'src/lib/signal/random.ts', grads: 'scripts/bench/tf-grads.js' },
		{ noExternal: ['@tensorflow/tfjs-core'] }
	);
	const { step, x, labels } = benchmarkCnn(await bundle.load('nn'), await bundle.load('random'));
	const flipshiftMs = await median(step, 30, 5);

	const tf = await import('@tensorflow/tfjs-core');
	// tfjs-core's gradient list is ESM without file extensions (Node cannot load it): bundled above;
	// the registry lives on globalThis, so the bundled copy registers them for the package's engine
	await bundle.load('grads');
	await import('@tensorflow/tfjs-backend-cpu');
	await tf.setBackend('cpu');
	await tf.ready();
	const w1 = tf.variable(tf.randomNormal([3, 3, 1, 8], 0, 0.4));
	const b1 = tf.variable(tf.zeros([8]));
	const w2 = tf.variable(tf.randomNormal([8 * 13 * 13, 10], 0, 0.05));
	const b2 = tf.variable(tf.zeros([10]));
	const xs = tf.tensor4d(x.data, [32, 28, 28, 1]);
	const ys = tf.oneHot(tf.tensor1d(Array.from(labels), 'int32'), 10);
	const sgd = tf.train.sgd(0.01);
	const tfjsCpuMs = await median(
		async () => {
			const cost = sgd.minimize(() => {
				const h = tf.maxPool(tf.relu(tf.add(tf.conv2d(xs, w1, 1, 'valid'), b1)), 2, 2, 'valid');
				const logits = tf.add(tf.matMul(tf.reshape(h, [32, -1]), w2), b2);
				return tf.losses.softmaxCrossEntropy(ys, logits);
			}, true);
			await cost.data();
			cost.dispose();
		},
		7,
		2
	);
	return { flipshiftMs, tfjsCpuMs, ratio: tfjsCpuMs / flipshiftMs };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const r = await benchTrainStep();
	console.log(
		`train step (conv 8@3×3 → ReLU → max pool 2 → dense 10, batch 32, 28×28, SGD): flipshift ${r.flipshiftMs.toFixed(2)} ms, tfjs cpu ${r.tfjsCpuMs.toFixed(1)} ms (${r.ratio.toFixed(0)}× faster)`
	);
}
