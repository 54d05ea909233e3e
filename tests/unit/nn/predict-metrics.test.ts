import { describe, expect, it } from 'vitest';
import { score } from '$lib/nn/recurrent/experiment';
import {
	formatPredictMetrics,
	lastInputs,
	predictionsOf,
	predictMetrics,
	rmse
} from '$lib/nn/recurrent/metrics';
import { buildRecurrentModel } from '$lib/nn/recurrent/models';
import { PredictTask } from '$lib/nn/tasks/predict';
import type { SequenceData } from '$lib/nn/tasks/types';

/** Expected values computed with numpy (float64 over the float32 inputs); tolerance for float32 data. */
const TOL = 1e-6;

describe('predict-task metrics (RMSE and the "next = current" baseline)', () => {
	it('rmse [1,2,3] vs [1,4,7] = √(20/3) (numpy 2.581988897471611)', () => {
		expect(rmse([1, 2, 3], [1, 4, 7])).toBeCloseTo(2.581988897471611, 12);
	});
	it('rmse refuses arrays of different lengths and empty ones', () => {
		expect(() => rmse([1, 2], [1])).toThrow(/differ in length \(2 and 1\)/);
		expect(() => rmse([], [])).toThrow(/empty/);
	});
	it('predictMetrics N=2 T=3: network 0.0790569 and naive 0.3605551 (numpy)', () => {
		const data: SequenceData = {
			inputs: Float32Array.of(0.1, 0.2, 0.3, 1, 0.5, 0),
			shape: [2, 3, 1],
			targets: Float32Array.of(0.4, -0.5)
		};
		expect(Array.from(lastInputs(data))).toEqual([Math.fround(0.3), 0]);
		const m = predictMetrics(Float32Array.of(0.35, -0.4), data);
		expect(m.rmse).toBeCloseTo(0.07905694150421004, 6);
		expect(Math.abs(m.naiveRmse - 0.36055512671983125)).toBeLessThan(TOL);
		expect(formatPredictMetrics(m)).toBe('RMSE 0.0791 (next = current: 0.3606)');
	});
	it('predictMetrics refuses classification data and lastInputs refuses D=4', () => {
		const data: SequenceData = { inputs: new Float32Array(8), shape: [1, 2, 4], labels: Int32Array.of(0) };
		expect(() => predictMetrics([0], data)).toThrow(/no regression targets/);
		expect(() => lastInputs(data)).toThrow(/one feature, got 4/);
	});
	it('score lstm predict length=12 hidden=8: rmse² equals the MSE loss, naive RMSE of the held-out set', () => {
		const task = new PredictTask({ length: 12 });
		const test = task.generate(50, 7);
		const model = buildRecurrentModel('lstm', task, { hiddenSize: 8, keepBias: 3, seed: 1 });
		const s = score(model, task, test);
		expect(s.rmse! ** 2).toBeCloseTo(s.loss, 6);
		const naive = Math.sqrt(
			Array.from(test.targets!).reduce((a, t, n) => a + (test.inputs[n * 12 + 11] - t) ** 2, 0) / 50
		);
		expect(s.naiveRmse).toBeCloseTo(naive, 6);
		expect(predictionsOf(model, test).length).toBe(50);
	});
});
