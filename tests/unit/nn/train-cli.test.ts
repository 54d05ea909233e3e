import { describe, expect, it } from 'vitest';
import { parseArgs, runTraining } from '../../../scripts/train/cli';
import { trainRecurrent } from '../../../src/lib/nn/recurrent/cli';
import { TARGET_SETTINGS } from '../../../src/lib/nn/recurrent/experiment';
import { modelFromJSON } from '../../../src/lib/nn/serialize';
import '../../../src/lib/nn/index';
import { getModel, getTask } from '../../../src/lib/nn/zoo';
import { createRng } from '../../../src/lib/signal/random';

describe('npm run train (recurrent entries), small budgets', () => {
	it('trainRecurrent lstm remember length=8 hidden=16 epochs=2 seed=1: held-out accuracy above chance (25 %)', async () => {
		const { report, model } = await trainRecurrent({
			model: 'lstm',
			task: 'remember',
			length: 8,
			hidden: 16,
			epochs: 2,
			seed: 1
		});
		expect(report.heldOutAccuracy).toBeGreaterThan(0.6);
		expect(report.length).toBe(8);
		expect(report.parameters).toBe(4 * 16 * (4 + 16 + 1) + 16 * 4 + 4);
		expect((report.history as unknown[]).length).toBe(2);
		// the saved file rebuilds a model with the same parameter count
		expect(modelFromJSON(JSON.parse(JSON.stringify(model))).model.parameterCount()).toBe(report.parameters);
	}, 120_000);
	it('trainRecurrent gru detect length=16 hidden=8 epochs=1: the report holds the matched filter next to it', async () => {
		const { report } = await trainRecurrent({
			model: 'gru',
			task: 'detect',
			length: 16,
			hidden: 8,
			epochs: 1,
			seed: 2
		});
		const mf = report.matchedFilter as { accuracy: number; threshold: number };
		expect(mf.accuracy).toBeGreaterThan(0.9);
		expect(report.heldOutAccuracy).toBeGreaterThanOrEqual(0);
		expect(report.heldOutAccuracy).toBeLessThanOrEqual(1);
	}, 120_000);
	it('trainRecurrent lstm predict length=12 hidden=16 epochs=2: held-out RMSE in the report, below "next = current"', async () => {
		const lines: string[] = [];
		const { report } = await trainRecurrent(
			{ model: 'lstm', task: 'predict', length: 12, hidden: 16, epochs: 2, seed: 1 },
			(l) => lines.push(l)
		);
		const rmse = report.heldOutRmse as number;
		const naive = report.heldOutNaiveRmse as number;
		// the MSE loss is the square of the RMSE on the same held-out sequences
		expect(rmse ** 2).toBeCloseTo(report.heldOutLoss as number, 6);
		expect(naive).toBeGreaterThan(0.1);
		expect(rmse).toBeLessThan(naive);
		expect(lines[1]).toMatch(/^epoch 2: .*held-out RMSE 0\.\d{4} \(next = current: 0\.\d{4}\)/);
		expect(JSON.parse(JSON.stringify(report)).heldOutNaiveRmse).toBe(naive);
	}, 120_000);
	it('runTraining --model gru --task predict --train-limit 320 --epochs 1: the epoch record and log hold the RMSE', async () => {
		const lines: string[] = [];
		const args = parseArgs(['--model', 'gru', '--task', 'predict', '--train-limit', '320', '--quiet']);
		const { report } = await runTraining(
			args,
			async () => new ArrayBuffer(0),
			(l) => lines.push(l)
		);
		const m = report.final.metrics!;
		expect(Object.keys(m).sort()).toEqual(['naiveRmse', 'rmse']);
		expect(m.rmse ** 2).toBeCloseTo(report.final.testLoss, 6);
		expect(m.naiveRmse).toBeGreaterThan(0.1);
		expect(lines.at(-1)).toMatch(/test RMSE \d\.\d{4} \(next = current: \d\.\d{4}\)$/);
	}, 120_000);
	it('rejects --model cnn-ish names, --task sort and epochs=0 with messages', async () => {
		await expect(trainRecurrent({ model: 'transformer', task: 'remember' })).rejects.toThrow(
			/model must be one of rnn, lstm, gru/
		);
		await expect(trainRecurrent({ model: 'rnn', task: 'sort' })).rejects.toThrow(/task must be one of/);
		await expect(trainRecurrent({ model: 'rnn', task: 'remember', epochs: 0 })).rejects.toThrow(/epochs/);
	});
	it('npm run train -- --model rnn|lstm|gru --task remember: one epoch is 16 000 sequences (500 steps of 32) at lr 0.003, the same for all three', async () => {
		const remember = TARGET_SETTINGS.remember;
		expect(remember.trainSize * remember.epochs).toBe(16_000);
		const data = await getTask('remember').load(async () => new ArrayBuffer(0));
		expect(data.train.size).toBe(16_000);
		expect(getTask('remember').defaults?.learningRate).toBe(0.003);
		expect(getTask('detect').defaults?.learningRate).toBe(0.01);
		for (const model of ['rnn', 'lstm', 'gru']) {
			const args = parseArgs(['--model', model, '--task', 'remember', '--train-limit', '32']);
			const { report } = await runTraining(args, async () => new ArrayBuffer(0));
			expect(report).toMatchObject({
				learningRate: 0.003,
				batchSize: 32,
				optimizer: 'adam',
				trainExamples: 32
			});
		}
	}, 60_000);
	it('the model/task registry holds rnn, lstm, gru and detect, predict, remember (remember: [50, 4], 4 classes)', async () => {
		for (const m of ['rnn', 'lstm', 'gru'])
			expect(getModel(m).tasks).toEqual(['detect', 'predict', 'remember']);
		const data = await getTask('remember').load(async () => new ArrayBuffer(0), { trainLimit: 64 });
		expect(data.inputShape).toEqual([50, 4]);
		expect(data.classes).toBe(4);
		expect(data.train.size).toBe(64);
		const model = getModel('gru').build(data, createRng(1));
		expect(
			model.forward(data.test.batch([0, 1]).input, { training: false, rng: createRng(0) }).shape
		).toEqual([2, 4]);
	});
});

// The lecture's claim at the pages' budget (length 50, 5 epochs × 100 steps, lr 0.003): measured on
// seeds 1–10 for the RNN and 1–5 for the GRU by scripts/bench/remember-sweep.js (BENCHMARKS.md)
describe('remember at length 50, the target budget (500 steps)', () => {
	// seed 6 is the one whose RNN latched the symbol earliest at lr 0.01 (98.7 % by step 200)
	it('trainRecurrent rnn remember seed=6: held-out accuracy stays near chance (≤ 35 %) after every epoch', async () => {
		const { report } = await trainRecurrent({ model: 'rnn', task: 'remember', seed: 6 });
		expect(report.length).toBe(50);
		const history = report.history as { heldOut: { accuracy: number } }[];
		expect(history.length).toBe(5);
		for (const h of history) expect(h.heldOut.accuracy).toBeLessThanOrEqual(0.35);
	}, 240_000);
	it('trainRecurrent gru remember seed=1 (the slower gated net): held-out accuracy ≥ 90 %', async () => {
		const { report } = await trainRecurrent({ model: 'gru', task: 'remember', seed: 1 });
		expect(report.heldOutAccuracy).toBeGreaterThanOrEqual(0.9);
		expect((report.settings as { learningRate: number }).learningRate).toBe(0.003);
	}, 240_000);
});
