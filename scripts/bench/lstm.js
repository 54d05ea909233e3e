// The LSTM training step (hidden 64, sequence 50, batch 32, Adam) in flipshift's trainer and in
// @tensorflow/tfjs-core on its cpu backend (a manual LSTM from tf ops, gradients by tf's autodiff
// through variableGrads inside optimizer.minimize). Medians in ms. Used by scripts/bench.js.
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

async function median(fn, runs) {
	const times = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		await fn();
		times.push(performance.now() - t0);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)];
}

export async function benchLstm(root, tf) {
	const outDir = `${root}test-results/bench-lstm`;
	await build({
		root,
		configFile: false,
		logLevel: 'warn',
		resolve: { alias: { $lib: `${root}src/lib` } },
		build: {
			ssr: true,
			outDir,
			emptyOutDir: true,
			rollupOptions: {
				input: {
					step: 'src/lib/nn/recurrent/bench-step.ts',
					// extensionless ESM imports: bundled here (the registry lives in a global, shared with tf)
					grads: 'node_modules/@tensorflow/tfjs-core/dist/register_all_gradients.js'
				}
			}
		}
	});
	const { lstmTrainingStep, LSTM_BENCH } = await import(pathToFileURL(`${outDir}/step.js`).href);
	const { hidden: H, length: T, batch: N, symbols: D } = LSTM_BENCH;
	const ours = lstmTrainingStep();
	for (let i = 0; i < 3; i++) ours.step();
	const flipshift = await median(() => ours.step(), 15);

	// tfjs-core registers its gradients only on request
	await import(pathToFileURL(`${outDir}/grads.js`).href);
	await tf.setBackend('cpu');
	await tf.ready();
	const init = (shape, s) => tf.variable(tf.randomUniform(shape, -s, s, 'float32', 1));
	const k = 1 / Math.sqrt(H);
	const Wx = init([D, 4 * H], k);
	const Wh = init([H, 4 * H], k);
	const b = tf.variable(tf.zeros([4 * H]));
	const Wd = init([H, D], k);
	const bd = tf.variable(tf.zeros([D]));
	const x = tf.tensor3d(ours.inputs, [N, T, D]);
	const y = tf.oneHot(tf.tensor1d(ours.labels, 'int32'), D);
	const opt = tf.train.adam(0.001);
	const lossFn = () => {
		const xs = tf.unstack(x, 1);
		let h = tf.zeros([N, H]);
		let c = tf.zeros([N, H]);
		for (let t = 0; t < T; t++) {
			const z = tf.add(tf.add(tf.matMul(xs[t], Wx), tf.matMul(h, Wh)), b);
			const [i, f, g, o] = tf.split(z, 4, 1);
			c = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
			h = tf.mul(tf.sigmoid(o), tf.tanh(c));
		}
		return tf.losses.softmaxCrossEntropy(y, tf.add(tf.matMul(h, Wd), bd));
	};
	const tfStep = async () => {
		const loss = opt.minimize(lossFn, true);
		await loss.data();
		loss.dispose();
	};
	for (let i = 0; i < 2; i++) await tfStep();
	const tfjs = await median(tfStep, 7);
	return {
		name: `LSTM training step H=${H} T=${T} N=${N}`,
		flipshift,
		tfjsCpu: tfjs,
		ratio: flipshift / tfjs
	};
}
