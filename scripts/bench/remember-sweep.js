// node scripts/bench/remember-sweep.js [--models rnn,lstm,gru] [--seeds 1,2,3] [--lengths 50]
//   [--steps 500] [--every 50] [--noise σ] [--train N] [--test N] [--lr R] [--batch N] [--hidden N]
//   [--rnn-init uniform|orthogonal] [--json FILE]
// The plain RNN, the LSTM and the GRU on "remember" with the target settings
// (src/lib/nn/recurrent/experiment.ts), one run after the other: held-out accuracy every
// `every` steps, so the step where a model leaves chance (25 %) shows. BENCHMARKS.md's
// remember tables come from this script; run it under `nice`, it keeps one core busy.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { bundleForNode } from '../bundle-node.js';

const { values } = parseArgs({
	options: {
		models: { type: 'string', default: 'rnn,lstm,gru' },
		seeds: { type: 'string', default: '1,2,3' },
		lengths: { type: 'string', default: '50' },
		steps: { type: 'string', default: '500' },
		every: { type: 'string', default: '50' },
		noise: { type: 'string' },
		train: { type: 'string' },
		test: { type: 'string' },
		lr: { type: 'string' },
		batch: { type: 'string' },
		hidden: { type: 'string' },
		'rnn-init': { type: 'string', default: 'uniform' },
		json: { type: 'string' }
	}
});
const list = (s) =>
	s
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
const whole = (name, v) => {
	const n = Number(v);
	if (!Number.isInteger(n) || n < 1) throw new RangeError(`--${name} must be a whole number ≥ 1, got ${v}`);
	return n;
};
const opts = {
	models: list(values.models),
	seeds: list(values.seeds).map((v) => whole('seeds', v)),
	lengths: list(values.lengths).map((v) => whole('lengths', v)),
	steps: whole('steps', values.steps),
	every: whole('every', values.every),
	...(values.noise === undefined ? {} : { noise: Number(values.noise) }),
	...(values.train === undefined ? {} : { trainSize: whole('train', values.train) }),
	...(values.test === undefined ? {} : { testSize: whole('test', values.test) }),
	rnnInit: values['rnn-init'],
	settings: {
		...(values.lr === undefined ? {} : { learningRate: Number(values.lr) }),
		...(values.batch === undefined ? {} : { batchSize: whole('batch', values.batch) }),
		...(values.hidden === undefined ? {} : { hiddenSize: whole('hidden', values.hidden) })
	}
};

const { sweepOne } = await (
	await bundleForNode('remember-sweep', { sweep: 'scripts/bench/remember-sweep.ts' })
).load('sweep');

const pct = (v) => `${(100 * v).toFixed(1)}`.padStart(5);
const rows = [];
for (const length of opts.lengths)
	for (const model of opts.models)
		for (const seed of opts.seeds) {
			const row = sweepOne(model, seed, length, opts);
			rows.push(row);
			console.log(
				`${model.padEnd(4)} seed ${seed} length ${String(length).padStart(3)}: ` +
					row.curve.map((c) => pct(c.accuracy)).join(' ') +
					(model === 'rnn' ? `  growth ${row.curve.map((c) => c.growth.toFixed(2)).join(' ')}` : '') +
					`  (${row.seconds.toFixed(0)} s)`
			);
		}
console.log(`steps: ${rows[0]?.curve.map((c) => c.step).join(' ')}`);
if (values.json) writeFileSync(values.json, JSON.stringify({ options: opts, rows }, null, 1) + '\n');
