// npm run train -- --model rnn|lstm|gru --task detect|predict|remember [--epochs N] [--seed S]
//   [--length T] [--hidden H] [--json FILE] [--save FILE]
// Trains in Node with the same library the pages use (bundled for Node by vite first, as bench.js
// does), prints one line per epoch, and writes the report (held-out accuracy) and the model file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const usage =
	'usage: npm run train -- --model rnn|lstm|gru --task detect|predict|remember [--epochs N] [--seed S] [--length T] [--hidden H] [--json FILE] [--save FILE]';

function parse(argv) {
	const out = {};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}\n${usage}`);
		const key = a.slice(2);
		const value = argv[++i];
		if (value === undefined || value.startsWith('--')) throw new Error(`--${key} needs a value\n${usage}`);
		out[key] = value;
	}
	return out;
}

const num = (v) => (v === undefined ? undefined : Number(v));

try {
	const a = parse(process.argv.slice(2));
	for (const k of Object.keys(a))
		if (!['model', 'task', 'epochs', 'seed', 'length', 'hidden', 'json', 'save'].includes(k))
			throw new Error(`unknown option --${k}\n${usage}`);
	if (!a.model || !a.task) throw new Error(usage);
	// checked again by the library; here so that a typo fails before the bundling
	if (!['rnn', 'lstm', 'gru'].includes(a.model))
		throw new Error(`model must be rnn, lstm or gru, got ${a.model}\n${usage}`);
	if (!['detect', 'predict', 'remember'].includes(a.task))
		throw new Error(`task must be detect, predict or remember, got ${a.task}\n${usage}`);
	const outDir = `${root}test-results/train-node`;
	await build({
		root,
		configFile: false,
		logLevel: 'warn',
		resolve: { alias: { $lib: `${root}src/lib` } },
		build: {
			ssr: true,
			outDir,
			emptyOutDir: true,
			rollupOptions: { input: { recurrent: 'src/lib/nn/recurrent/cli.ts' } }
		}
	});
	const { trainRecurrent } = await import(pathToFileURL(`${outDir}/recurrent.js`).href);
	const { report, model } = await trainRecurrent(
		{
			model: a.model,
			task: a.task,
			epochs: num(a.epochs),
			seed: num(a.seed),
			length: num(a.length),
			hidden: num(a.hidden)
		},
		(line) => process.stderr.write(`${line}\n`)
	);
	const summary = `${report.model} on ${report.task}: held-out accuracy ${(100 * report.heldOutAccuracy).toFixed(1)} %`;
	const mf = report.matchedFilter
		? `, matched filter ${(100 * report.matchedFilter.accuracy).toFixed(1)} %`
		: '';
	process.stdout.write(`${summary}${mf}\n`);
	for (const [flag, data] of [
		['json', report],
		['save', model]
	]) {
		if (!a[flag]) continue;
		const file = resolve(process.cwd(), a[flag]);
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, JSON.stringify(data) + '\n');
	}
} catch (e) {
	process.stderr.write(`train: ${e.message}\n`);
	process.exit(2);
}
