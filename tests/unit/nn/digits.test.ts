import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { digitImage, digitsDataset, parseDigits } from '$lib/nn';
import { parseArgs, runTraining } from '../../../scripts/train/cli';

const read = async (name: string) => {
	const b = readFileSync(`static/data/${name}`);
	return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

describe('digits binary (scripts/make-digits.js)', () => {
	it('digits-train.bin holds 8000 28×28 digits, every class, pixels 0..255', async () => {
		const d = parseDigits(await read('digits-train.bin'));
		expect([d.count, d.rows, d.cols]).toEqual([8000, 28, 28]);
		const counts = new Array(10).fill(0);
		d.labels.forEach((l) => counts[l]++);
		expect(Math.min(...counts)).toBeGreaterThan(600);
		const img = digitImage(d, 0);
		expect(Math.max(...img)).toBeGreaterThan(0.9);
		expect(Math.min(...img)).toBe(0);
	});
	it('digits-test.bin holds the other 2000', async () => {
		expect(parseDigits(await read('digits-test.bin')).count).toBe(2000);
	});
	it('digitsDataset batch [3, 7] gives [2,1,28,28] in [0,1] with its labels', async () => {
		const d = parseDigits(await read('digits-test.bin'));
		const b = digitsDataset(d).batch([3, 7]);
		expect(b.input.shape).toEqual([2, 1, 28, 28]);
		expect(Array.from(b.target as Int32Array)).toEqual([d.labels[3], d.labels[7]]);
		expect(b.input.data[784 + 400]).toBe(Math.fround(d.pixels[7 * 784 + 400] / 255));
	});
	it('parseDigits rejects a foreign file and a truncated one', async () => {
		expect(() => parseDigits(new TextEncoder().encode('{"format":"x"}   ').buffer as ArrayBuffer)).toThrow(
			/not a digits file/
		);
		const whole = await read('digits-test.bin');
		expect(() => parseDigits(whole.slice(0, 5000))).toThrow(/need 1570012 bytes, file has 5000/);
	});
});

describe('train CLI', () => {
	it('parseArgs --model cnn --task digits --epochs 2 --seed 3 --lr 0.01', () => {
		const a = parseArgs([
			'--model',
			'cnn',
			'--task',
			'digits',
			'--epochs',
			'2',
			'--seed',
			'3',
			'--lr',
			'0.01'
		]);
		expect([a.model, a.task, a.epochs, a.seed, a.learningRate]).toEqual(['cnn', 'digits', 2, 3, 0.01]);
	});
	const bad: [string[], RegExp][] = [
		[['--model', 'cnn', '--task', 'digits', '--lr', '-1'], /--lr must be a number > 0, got "-1"/],
		[['--model', 'cnn', '--task', 'digits', '--batch', '0'], /--batch must be a whole number ≥ 1/],
		[['--model', 'cnn', '--task', 'digits', '--epochs', 'two'], /--epochs must be/],
		[['--model', 'transformer', '--task', 'digits'], /unknown model "transformer"/],
		[['--model', 'cnn', '--task', 'digits', '--fast'], /unknown option "--fast"/],
		[['--task', 'digits'], /--model is required/]
	];
	for (const [argv, msg] of bad)
		it(`parseArgs refuses ${argv.join(' ')}`, () => expect(() => parseArgs(argv)).toThrow(msg));

	it('cnn on digits, 1 epoch of 4000 examples, seed 1 → test accuracy > 0.90 on the 2000 held out', async () => {
		const args = parseArgs([
			'--model',
			'cnn',
			'--task',
			'digits',
			'--epochs',
			'1',
			'--seed',
			'1',
			'--train-limit',
			'4000'
		]);
		const { report, saved } = await runTraining(args, read);
		expect(report.final.testAccuracy).toBeGreaterThan(0.9);
		expect(report.history).toHaveLength(1);
		expect(saved?.format).toBe('flipshift-model');
	}, 60_000);
});
