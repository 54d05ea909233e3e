import { describe, expect, it } from 'vitest';
import * as reference from '../../../src/lib/kernels/reference';
import {
	bestThreshold,
	DetectTask,
	detectNoiseSigma,
	makeTask,
	matchedFilterPeaks,
	PredictTask,
	RememberTask,
	sequenceDataset,
	thresholdAccuracy
} from '../../../src/lib/nn/tasks';
import { barkerCode } from '../../../src/lib/signal';

describe('sequence tasks: seeded, shaped and labelled', () => {
	for (const name of ['detect', 'predict', 'remember'] as const) {
		it(`makeTask('${name}').generate(40, 7) repeats for seed 7 and differs for seed 8`, () => {
			const task = makeTask(name);
			const a = task.generate(40, 7);
			const b = task.generate(40, 7);
			const c = task.generate(40, 8);
			expect(a.shape).toEqual([40, task.length, task.inputSize]);
			expect(a.inputs.length).toBe(40 * task.length * task.inputSize);
			expect(Array.from(b.inputs)).toEqual(Array.from(a.inputs));
			expect(Array.from(c.inputs)).not.toEqual(Array.from(a.inputs));
		});
	}
	it('remember length=50 symbols=4: step 0 is the one-hot label, later steps are noise of sd 0.5', () => {
		const task = new RememberTask({ length: 50, symbols: 4, noise: 0.5 });
		const d = task.generate(400, 3);
		let sq = 0;
		let count = 0;
		for (let n = 0; n < 400; n++) {
			const row = d.inputs.subarray(n * 200, n * 200 + 4);
			expect(Array.from(row)).toEqual([0, 1, 2, 3].map((k) => (k === d.labels![n] ? 1 : 0)));
			for (let i = 4; i < 200; i++) {
				sq += d.inputs[n * 200 + i] ** 2;
				count++;
			}
		}
		expect(Math.sqrt(sq / count)).toBeCloseTo(0.5, 1);
		const counts = [0, 1, 2, 3].map((k) => d.labels!.filter((l) => l === k).length);
		expect(Math.min(...counts)).toBeGreaterThan(70);
	});
	it('detect barker-13 at snr=3 dB: noise sd = 10^(−3/20), positives hold the template', () => {
		const task = new DetectTask({ length: 32, snrDb: 3, template: 'barker', templateLength: 13 });
		expect(Array.from(task.template)).toEqual(Array.from(barkerCode(1)));
		expect(detectNoiseSigma(task.template, 3)).toBeCloseTo(10 ** (-3 / 20), 6);
		const d = task.generate(600, 11);
		const peaks = matchedFilterPeaks(task, d, (s, t) => reference.matchedFilter(s, t));
		const mean = (l: number) => {
			const p = Array.from(peaks).filter((_, n) => d.labels![n] === l);
			return p.reduce((s, v) => s + v, 0) / p.length;
		};
		// the peak is ≈ the template's energy (13) when it is there, the max of the noise's correlations otherwise
		expect(mean(1)).toBeGreaterThan(12);
		expect(mean(0)).toBeLessThan(8);
		const threshold = bestThreshold(peaks, d.labels!);
		expect(thresholdAccuracy(peaks, d.labels!, threshold)).toBeGreaterThan(0.97);
	});
	it('predict length=30: the target continues the sines (sequences are smooth, in [−1, 1])', () => {
		const task = new PredictTask({ length: 30 });
		const d = task.generate(50, 2);
		for (let n = 0; n < 50; n++) {
			const x = d.inputs.subarray(n * 30, n * 30 + 30);
			expect(Math.max(...x.map(Math.abs))).toBeLessThanOrEqual(1);
			// the slowest period is 1/0.12 ≈ 8 samples, so a step moves at most 2π·0.12 ≈ 0.75
			expect(Math.abs(d.targets![n] - x[29])).toBeLessThan(0.76);
		}
	});
	it('bestThreshold([1,2,3,4], labels [0,0,1,1]) = 2.5 and classifies all', () => {
		const peaks = Float32Array.from([3, 1, 4, 2]);
		const labels = Int32Array.from([1, 0, 1, 0]);
		expect(bestThreshold(peaks, labels)).toBe(2.5);
		expect(thresholdAccuracy(peaks, labels, 2.5)).toBe(1);
	});
	it('sequenceDataset.batch([2, 0]) gathers sequences 2 and 0 with their labels', () => {
		const d = new RememberTask({ length: 3, symbols: 2 }).generate(4, 1);
		const b = sequenceDataset(d).batch([2, 0]);
		expect(b.input.shape).toEqual([2, 3, 2]);
		expect(Array.from(b.input.data)).toEqual([...d.inputs.subarray(12, 18), ...d.inputs.subarray(0, 6)]);
		expect(Array.from(b.target as Int32Array)).toEqual([d.labels![2], d.labels![0]]);
	});
	it('rejects bad settings with messages naming them', () => {
		expect(() => new RememberTask({ length: 0 })).toThrow(/length/);
		expect(() => new RememberTask({ noise: NaN })).toThrow(/noise/);
		expect(() => new DetectTask({ length: 5 })).toThrow(/length/);
		expect(() => new DetectTask({ snrDb: 99 })).toThrow(/snrDb/);
		expect(() => makeTask('sort' as never)).toThrow(/task must be one of/);
		expect(() => new PredictTask().generate(0, 1)).toThrow(/count/);
	});
});
