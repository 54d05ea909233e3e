// node scripts/bench/train-step-ab.js --before path/to/nn.js [--runs 30]: the CNN training step of
// train-step.js (conv 8@3×3 → ReLU → max pool 2 → dense 10, batch 32, 28×28, SGD) on this tree's
// nn library and on another build of it (another commit, built the same way: this script prints
// where its own bundle lands), steps interleaved one by one in one process, so both meet the same
// load. Prints best and median milliseconds of each.
import { pathToFileURL } from 'node:url';
import { bundleForNode } from '../bundle-node.js';
import { benchmarkCnn } from './train-step.js';

const arg = (name, fallback) => {
	const i = process.argv.indexOf(name);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(arg('--runs', 30));
const bundle = await bundleForNode('bench-nn-ab', {
	nn: 'src/lib/nn/index.ts',
	random: 'src/lib/signal/random.ts'
});
console.log(`this tree's bundle: ${bundle.file('nn')}`);
const random = await bundle.load('random');
const libraries = { after: await bundle.load('nn') };
const beforePath = arg('--before');
if (beforePath) libraries.before = await import(pathToFileURL(beforePath).href);

const steps = Object.fromEntries(
	Object.entries(libraries).map(([k, nn]) => [k, benchmarkCnn(nn, random).step])
);
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
