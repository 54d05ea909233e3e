// node scripts/bench/train-step-ab.js --before path/to/nn.js [--runs 30]: the CNN training step of
// train-step.js (conv 8@3×3 → ReLU → max pool 2 → dense 10, batch 32, 28×28, SGD) on this tree's
// nn library and on another build of it (another commit, built the same way: this script prints
// where its own bundle lands), steps interleaved one by one in one process, so both meet the same
// load. Prints best and median milliseconds of each.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const arg = (name, fallback) => {
	const i = process.argv.indexOf(name);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(arg('--runs', 30));
const outDir = join(root, 'node_modules', '.cache', 'flipshift-bench-nn-ab');
await build({
	root,
	configFile: false,
	logLevel: 'warn',
	resolve: { alias: { $lib: join(root, 'src', 'lib') } },
	build: {
		ssr: true,
		outDir,
		emptyOutDir: true,
		rollupOptions: { input: { nn: 'src/lib/nn/index.ts', random: 'src/lib/signal/random.ts' } }
	}
});
console.log(`this tree's bundle: ${join(outDir, 'nn.js')}`);
const { createRng, uniformArray } = await import(pathToFileURL(join(outDir, 'random.js')).href);
const libraries = { after: await import(pathToFileURL(join(outDir, 'nn.js')).href) };
const beforePath = arg('--before');
if (beforePath) libraries.before = await import(pathToFileURL(beforePath).href);

/** One SGD step of the benchmark CNN on a fixed batch, as a function. */
function stepOf(nn) {
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
	return () => {
		model.zeroGrad();
		loss.forward(model.forward(x, ctx), labels);
		model.backwardParams(loss.backward());
		opt.update(model.params());
	};
}

const steps = Object.fromEntries(Object.entries(libraries).map(([k, nn]) => [k, stepOf(nn)]));
const names = Object.keys(steps);
for (let i = 0; i < 10; i++) for (const n of names) steps[n]();
const times = Object.fromEntries(names.map((n) => [n, []]));
for (let r = 0; r < runs; r++)
	for (const n of r % 2 ? [...names].reverse() : names) {
		const t0 = performance.now();
		steps[n]();
		times[n].push(performance.now() - t0);
	}
for (const n of names) {
	const t = times[n].sort((a, b) => a - b);
	console.log(
		`CNN train step, ${n}: best ${t[0].toFixed(2)} ms, median ${t[Math.floor(t.length / 2)].toFixed(2)} ms (${runs} steps)`
	);
}
