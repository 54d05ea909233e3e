import { describe, expect, it } from 'vitest';
import {
	Dense,
	LeakyReLU,
	MeanSquaredError,
	ReLU,
	Sigmoid,
	SoftmaxCrossEntropy,
	Tanh,
	softmax
} from '$lib/nn';
import { createRng, uniformArray } from '$lib/signal/random';
import fixtures from '../../fixtures/nn.json';
import { checkLayerGradients, checkLossGradient } from './gradcheck';

const ctx = { training: false, rng: createRng(0) };

describe('gradient checks (finite differences)', () => {
	it('Dense in=5 out=3 batch=4 gradients', () =>
		checkLayerGradients(new Dense({ inFeatures: 5, outFeatures: 3 }, createRng(1)), [4, 5]));
	it('Dense in=4 out=2 on [N,T,D]=[2,3,4] gradients', () =>
		checkLayerGradients(
			new Dense({ inFeatures: 4, outFeatures: 2, init: 'xavier' }, createRng(2)),
			[2, 3, 4]
		));
	it('Dense without bias gradients', () =>
		checkLayerGradients(new Dense({ inFeatures: 3, outFeatures: 3, bias: false }, createRng(3)), [2, 3]));
	// inputs uniform in [-1, 1): a value within FD_STEP of a kink is unlikely with these seeds
	it('ReLU [3,7] gradients', () => checkLayerGradients(new ReLU(), [3, 7], 11));
	it('LeakyReLU slope=0.1 [3,7] gradients', () => checkLayerGradients(new LeakyReLU(0.1), [3, 7], 11));
	it('Sigmoid [2,6] gradients', () => checkLayerGradients(new Sigmoid(), [2, 6]));
	it('Tanh [2,6] gradients', () => checkLayerGradients(new Tanh(), [2, 6]));
	it('SoftmaxCrossEntropy labels gradient', () => {
		const rng = createRng(5);
		checkLossGradient(
			new SoftmaxCrossEntropy(),
			{ shape: [4, 3], data: uniformArray(rng, 12, -2, 2) },
			Int32Array.from([0, 2, 1, 2])
		);
	});
	it('SoftmaxCrossEntropy soft targets gradient', () => {
		const rng = createRng(6);
		const t = Float32Array.from([0.2, 0.8, 0, 0.5, 0.25, 0.25]);
		checkLossGradient(
			new SoftmaxCrossEntropy(),
			{ shape: [2, 3], data: uniformArray(rng, 6, -2, 2) },
			{ shape: [2, 3], data: t }
		);
	});
	it('MeanSquaredError gradient', () => {
		const rng = createRng(7);
		checkLossGradient(
			new MeanSquaredError(),
			{ shape: [3, 2], data: uniformArray(rng, 6) },
			{ shape: [3, 2], data: uniformArray(rng, 6) }
		);
	});
});

describe('layer values', () => {
	it('Dense in=2 out=2 computes x·Wᵀ + b', () => {
		const d = new Dense({ inFeatures: 2, outFeatures: 2 }, createRng(0));
		d.weight.value.set([1, 2, 3, 4]);
		d.bias!.value.set([0.5, -0.5]);
		const y = d.forward({ shape: [1, 2], data: Float32Array.from([10, 100]) }, ctx);
		expect(Array.from(y.data)).toEqual([210.5, 429.5]);
	});
	it('Dense rejects a mismatched input and bad sizes', () => {
		const d = new Dense({ inFeatures: 3, outFeatures: 2 }, createRng(0));
		expect(() => d.forward({ shape: [2, 4], data: new Float32Array(8) }, ctx)).toThrow(
			/must end in 3 features/
		);
		expect(() => new Dense({ inFeatures: 0, outFeatures: 2 }, createRng(0))).toThrow(/inFeatures/);
	});
	it('He init std ≈ √(2/fanIn) for fanIn=200', () => {
		const d = new Dense({ inFeatures: 200, outFeatures: 100 }, createRng(9));
		const w = d.weight.value;
		const std = Math.sqrt(w.reduce((s, v) => s + v * v, 0) / w.length);
		expect(std).toBeCloseTo(Math.sqrt(2 / 200), 2);
	});
	it('same seed gives the same weights, another seed others', () => {
		const a = new Dense({ inFeatures: 4, outFeatures: 4 }, createRng(1)).weight.value;
		const b = new Dense({ inFeatures: 4, outFeatures: 4 }, createRng(1)).weight.value;
		const c = new Dense({ inFeatures: 4, outFeatures: 4 }, createRng(2)).weight.value;
		expect(b).toEqual(a);
		expect(c).not.toEqual(a);
	});
	it('LeakyReLU rejects slope=1', () => expect(() => new LeakyReLU(1)).toThrow(RangeError));
});

describe('losses against numpy', () => {
	const f = fixtures.softmaxCE;
	it('softmax of logits [3,4]', () => {
		const p = softmax({ shape: [3, 4], data: Float32Array.from(f.logits) });
		f.probs.forEach((v, i) => expect(p.data[i]).toBeCloseTo(v, 6));
	});
	it('SoftmaxCrossEntropy logits [3,4] labels [1,3,0] loss and grad', () => {
		const l = new SoftmaxCrossEntropy();
		expect(
			l.forward({ shape: [3, 4], data: Float32Array.from(f.logits) }, Int32Array.from(f.labels))
		).toBeCloseTo(f.loss, 5);
		l.backward().data.forEach((v, i) => expect(v).toBeCloseTo(f.grad[i], 6));
	});
	it('SoftmaxCrossEntropy rejects a label out of range and a count mismatch', () => {
		const l = new SoftmaxCrossEntropy();
		expect(() => l.forward({ shape: [1, 2], data: new Float32Array(2) }, Int32Array.from([2]))).toThrow(
			/label 2 outside 0..1/
		);
		expect(() => l.forward({ shape: [1, 2], data: new Float32Array(2) }, Int32Array.from([0, 1]))).toThrow(
			/2 labels for 1 rows/
		);
	});
	it('SoftmaxCrossEntropy stays finite for logits 1e4', () => {
		const l = new SoftmaxCrossEntropy();
		expect(l.forward({ shape: [1, 2], data: Float32Array.from([1e4, -1e4]) }, Int32Array.from([0]))).toBe(0);
	});
	it('MeanSquaredError [2,3] loss and grad', () => {
		const m = fixtures.mse;
		const l = new MeanSquaredError();
		expect(
			l.forward(
				{ shape: [2, 3], data: Float32Array.from(m.pred) },
				{ shape: [2, 3], data: Float32Array.from(m.target) }
			)
		).toBeCloseTo(m.loss, 6);
		l.backward().data.forEach((v, i) => expect(v).toBeCloseTo(m.grad[i], 6));
	});
});
