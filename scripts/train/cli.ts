/**
 * `npm run train -- --model cnn|mlp --task digits --epochs N --seed S [--json FILE] [--save FILE]`:
 * the trainer library in Node. Argument parsing and the run are functions so tests call them
 * directly; scripts/train.js bundles this file for Node and passes it the command line.
 */
import { createRng } from '../../src/lib/signal/random';
import { getModel, getTask, modelNames, taskNames, type ReadFile } from '../../src/lib/nn/zoo';
import '../../src/lib/nn/index';
import { Optimizer, type OptimizerKind } from '../../src/lib/nn/optim';
import { Trainer, evaluate, type StepResult } from '../../src/lib/nn/train';
import { modelToJSON } from '../../src/lib/nn/serialize';
import { Sequential } from '../../src/lib/nn/sequential';

export interface TrainArgs {
	model: string;
	task: string;
	epochs: number;
	seed: number;
	json?: string;
	save?: string;
	learningRate?: number;
	batchSize?: number;
	optimizer?: OptimizerKind;
	dropout: number;
	batchNorm: boolean;
	/** Use only the first N training examples. */
	trainLimit?: number;
	quiet: boolean;
}

export const USAGE = `usage: npm run train -- --model NAME --task NAME [--epochs N] [--seed S] [--json FILE] [--save FILE]
       [--lr RATE] [--batch N] [--optimizer sgd|momentum|adam] [--dropout RATE] [--batch-norm]
       [--train-limit N] [--quiet]`;

function num(flag: string, v: string | undefined, check: (n: number) => boolean, what: string): number {
	const n = Number(v);
	if (v === undefined || v.trim() === '' || !Number.isFinite(n) || !check(n))
		throw new RangeError(`${flag} must be ${what}, got ${JSON.stringify(v ?? '')}`);
	return n;
}

export function parseArgs(argv: string[]): TrainArgs {
	const a: TrainArgs = {
		model: '',
		task: '',
		epochs: 1,
		seed: 1,
		dropout: 0,
		batchNorm: false,
		quiet: false
	};
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const value = () => argv[++i];
		const int = (what = 'a whole number ≥ 1') =>
			num(flag, value(), (n) => Number.isInteger(n) && n >= 1, what);
		if (flag === '--model') a.model = value() ?? '';
		else if (flag === '--task') a.task = value() ?? '';
		else if (flag === '--epochs') a.epochs = int();
		else if (flag === '--seed')
			a.seed = num(flag, value(), (n) => Number.isInteger(n) && n >= 0, 'a whole number ≥ 0');
		else if (flag === '--json') a.json = value();
		else if (flag === '--save') a.save = value();
		else if (flag === '--lr') a.learningRate = num(flag, value(), (n) => n > 0, 'a number > 0');
		else if (flag === '--batch') a.batchSize = int();
		else if (flag === '--train-limit') a.trainLimit = int();
		else if (flag === '--dropout')
			a.dropout = num(flag, value(), (n) => n >= 0 && n < 1, 'a number in [0, 1)');
		else if (flag === '--optimizer') {
			const o = value();
			if (o !== 'sgd' && o !== 'momentum' && o !== 'adam')
				throw new RangeError(`--optimizer must be sgd, momentum or adam, got ${JSON.stringify(o ?? '')}`);
			a.optimizer = o;
		} else if (flag === '--batch-norm') a.batchNorm = true;
		else if (flag === '--quiet') a.quiet = true;
		else throw new RangeError(`unknown option ${JSON.stringify(flag)}`);
		if ((flag === '--json' || flag === '--save') && !argv[i])
			throw new RangeError(`${flag} needs a file name`);
	}
	if (!a.model) throw new RangeError(`--model is required (${modelNames().join(', ')})`);
	if (!a.task) throw new RangeError(`--task is required (${taskNames().join(', ')})`);
	getModel(a.model);
	getTask(a.task);
	return a;
}

export interface EpochRecord {
	epoch: number;
	trainLoss: number;
	trainAccuracy?: number;
	testLoss: number;
	testAccuracy?: number;
	/** The task's held-out measures beside the loss (predict: rmse, naiveRmse). */
	metrics?: Record<string, number>;
	seconds: number;
}

export interface TrainReport {
	model: string;
	task: string;
	seed: number;
	epochs: number;
	optimizer: OptimizerKind;
	learningRate: number;
	batchSize: number;
	parameters: number;
	trainExamples: number;
	testExamples: number;
	history: EpochRecord[];
	final: EpochRecord;
	examplesPerSecond: number;
	stopped?: string;
}

export async function runTraining(args: TrainArgs, read: ReadFile, log: (line: string) => void = () => {}) {
	const spec = getModel(args.model);
	const taskSpec = getTask(args.task);
	const task = await taskSpec.load(read, { trainLimit: args.trainLimit });
	const model = spec.build(task, createRng(args.seed), { dropout: args.dropout, batchNorm: args.batchNorm });
	const optimizer = args.optimizer ?? spec.defaults.optimizer;
	const learningRate = args.learningRate ?? taskSpec.defaults?.learningRate ?? spec.defaults.learningRate;
	const batchSize = args.batchSize ?? spec.defaults.batchSize;
	const loss = task.makeLoss();
	const trainer = new Trainer({
		model,
		loss,
		optimizer: new Optimizer({ kind: optimizer, learningRate }),
		data: task.train,
		batchSize,
		seed: args.seed,
		clipNorm: spec.defaults.clipNorm
	});
	const parameters = model.params().reduce((s, p) => s + p.value.length, 0);
	log(
		`${args.model} on ${args.task}: ${parameters} parameters, ${task.train.size} training / ${task.test.size} test examples, ${optimizer} lr ${learningRate}, batch ${batchSize}`
	);
	const history: EpochRecord[] = [];
	const t0 = performance.now();
	let stopped: string | undefined;
	for (let e = 0; e < args.epochs && !stopped; e++) {
		let sum = 0;
		let acc = 0;
		let steps = 0;
		const start = performance.now();
		const every = Math.max(1, Math.round(trainer.stepsPerEpoch / 10));
		while (trainer.epoch === e) {
			const r: StepResult = trainer.step();
			if (!r.ok) {
				stopped = r.message;
				break;
			}
			sum += r.loss;
			acc += r.accuracy ?? 0;
			steps++;
			if (steps % every === 0) {
				const rate = Math.round(trainer.seen / ((performance.now() - t0) / 1000));
				log(
					`epoch ${e + 1}/${args.epochs}  step ${steps}/${trainer.stepsPerEpoch}  loss ${(sum / steps).toFixed(4)}  ${task.classes ? `acc ${(acc / steps).toFixed(3)}  ` : ''}${rate} ex/s`
				);
			}
		}
		const test = evaluate(model, loss, task.test);
		const extra = task.heldOutMetrics?.(model);
		const rec: EpochRecord = {
			epoch: e + 1,
			trainLoss: sum / Math.max(1, steps),
			...(task.classes ? { trainAccuracy: acc / Math.max(1, steps) } : {}),
			testLoss: test.loss,
			...(test.accuracy !== undefined ? { testAccuracy: test.accuracy } : {}),
			...(extra ? { metrics: extra.values } : {}),
			seconds: (performance.now() - start) / 1000
		};
		history.push(rec);
		log(
			`epoch ${e + 1} done in ${rec.seconds.toFixed(1)} s: test loss ${rec.testLoss.toFixed(4)}${rec.testAccuracy !== undefined ? `, test accuracy ${(100 * rec.testAccuracy).toFixed(2)} %` : ''}${extra ? `, test ${extra.text}` : ''}`
		);
	}
	if (stopped) log(`stopped: ${stopped}`);
	const seconds = (performance.now() - t0) / 1000;
	const report: TrainReport = {
		model: args.model,
		task: args.task,
		seed: args.seed,
		epochs: args.epochs,
		optimizer,
		learningRate,
		batchSize,
		parameters,
		trainExamples: task.train.size,
		testExamples: task.test.size,
		history,
		final: history[history.length - 1],
		examplesPerSecond: trainer.seen / seconds,
		...(stopped ? { stopped } : {})
	};
	const saved =
		model instanceof Sequential
			? modelToJSON(model, `${args.model}-${args.task}`, {
					task: args.task,
					seed: args.seed,
					epochs: args.epochs,
					testAccuracy: report.final?.testAccuracy,
					trainedWith: 'npm run train'
				})
			: null;
	return { report, model, saved };
}
