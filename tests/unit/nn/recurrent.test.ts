import { describe, expect, it } from 'vitest';
import fixtures from '../../fixtures/recurrent.json';
import {
	clipGradNorm,
	Dense,
	modelFromJSON,
	modelToJSON,
	Optimizer,
	Sequential,
	SoftmaxCrossEntropy
} from '../../../src/lib/nn';
import { GRU, LSTM, SimpleRNN, type RecurrentLayer } from '../../../src/lib/nn/recurrent';
import { createRng, uniformArray } from '../../../src/lib/signal/random';

/** float32 products of values up to ~2 over a handful of terms, against float64 numpy. */
const FIXTURE_TOL = 1e-5;
const ctx = { training: true, rng: createRng(0) };
const { N, T, D, H } = fixtures;

function withWeights(
	layer: RecurrentLayer,
	c: { Wx: number[]; Wh: number[]; bias: number[]; biasH?: number[] }
) {
	layer.Wx.value.set(c.Wx);
	layer.Wh.value.set(c.Wh);
	layer.bias.value.set(c.bias);
	if (c.biasH) (layer as GRU).biasH.value.set(c.biasH);
	return layer;
}

function expectClose(actual: ArrayLike<number>, expected: number[], tol: number) {
	expect(actual.length).toBe(expected.length);
	let worst = 0;
	for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
	expect(worst).toBeLessThan(tol);
}

const make = {
	rnn: (returnSequences = false) => new SimpleRNN({ inputSize: D, hiddenSize: H, returnSequences }),
	lstm: (returnSequences = false) => new LSTM({ inputSize: D, hiddenSize: H, returnSequences }),
	gru: (returnSequences = false) => new GRU({ inputSize: D, hiddenSize: H, returnSequences })
};

describe('recurrent forward against numpy (PyTorch equations)', () => {
	for (const kind of ['rnn', 'lstm', 'gru'] as const) {
		const c = fixtures[kind];
		it(`${kind} N=${N} T=${T} D=${D} H=${H} every step and last step`, () => {
			const all = withWeights(make[kind](true), c).forward(
				{ shape: [N, T, D], data: Float32Array.from(c.x) },
				ctx
			);
			expect(all.shape).toEqual([N, T, H]);
			expectClose(all.data, c.hidden, FIXTURE_TOL);
			const last = withWeights(make[kind](false), c).forward(
				{ shape: [N, T, D], data: Float32Array.from(c.x) },
				ctx
			);
			expect(last.shape).toEqual([N, H]);
			const expected = [0, 1].flatMap((n) => c.hidden.slice((n * T + T - 1) * H, (n * T + T) * H));
			expectClose(last.data, expected, FIXTURE_TOL);
		});
	}
	it('lstm trace(1): cell state, hidden state and gates of sequence 1 per step', () => {
		const c = fixtures.lstm;
		const layer = withWeights(make.lstm(), c);
		layer.forward({ shape: [N, T, D], data: Float32Array.from(c.x) }, ctx);
		const tr = layer.trace(1);
		expect([tr.steps, tr.hiddenSize]).toEqual([T, H]);
		expectClose(tr.gates.cell, c.cell.slice(T * H, 2 * T * H), FIXTURE_TOL);
		expectClose(tr.hidden, c.hidden.slice(T * H, 2 * T * H), FIXTURE_TOL);
		expect(Object.keys(tr.gates)).toEqual(['input', 'forget', 'candidate', 'output', 'cell']);
		// h = o ⊙ tanh(c) at every step
		for (let i = 0; i < T * H; i++)
			expect(tr.hidden[i]).toBeCloseTo(tr.gates.output[i] * Math.tanh(tr.gates.cell[i]), 6);
		expect(() => layer.trace(2)).toThrow(RangeError);
	});
	it('gru trace(0) has reset, update and candidate in their ranges', () => {
		const layer = withWeights(make.gru(), fixtures.gru);
		layer.forward({ shape: [N, T, D], data: Float32Array.from(fixtures.gru.x) }, ctx);
		const g = layer.trace(0).gates;
		expect(Object.keys(g)).toEqual(['reset', 'update', 'candidate']);
		expect(g.update.every((v) => v > 0 && v < 1)).toBe(true);
		expect(g.candidate.every((v) => v > -1 && v < 1)).toBe(true);
	});
});

describe('recurrent layers: initialisation, options and errors', () => {
	it('LSTM forgetBias=1 (default) sets the forget block of the bias only; seeded weights repeat', () => {
		const a = new LSTM({ inputSize: 2, hiddenSize: 3 }, createRng(5));
		expect(Array.from(a.bias.value)).toEqual([0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
		const b = new LSTM({ inputSize: 2, hiddenSize: 3 }, createRng(5));
		expect(Array.from(b.Wh.value)).toEqual(Array.from(a.Wh.value));
		expect(a.Wh.value.every((v) => Math.abs(v) <= 1 / Math.sqrt(3))).toBe(true);
		expect(a.config()).toEqual({
			kind: 'lstm',
			inputSize: 2,
			hiddenSize: 3,
			returnSequences: false,
			forgetBias: 1
		});
	});
	it('GRU updateBias=2 sets the update block; parameters Wx, Wh, bias, biasH', () => {
		const g = new GRU({ inputSize: 2, hiddenSize: 2, updateBias: 2 });
		expect(Array.from(g.bias.value)).toEqual([0, 0, 2, 2, 0, 0]);
		expect(g.params().map((p) => p.name)).toEqual(['Wx', 'Wh', 'bias', 'biasH']);
	});
	it('rejects hiddenSize=0, a wrong feature count and backward before forward', () => {
		expect(() => new SimpleRNN({ inputSize: 2, hiddenSize: 0 })).toThrow(/hiddenSize/);
		const l = new LSTM({ inputSize: 2, hiddenSize: 3 });
		expect(() => l.outputShape([4, 5, 3])).toThrow(/\[N, T, 2\]/);
		expect(() => l.backward({ shape: [1, 3], data: new Float32Array(3) })).toThrow(/before forward/);
		expect(() => new LSTM({ inputSize: 2, hiddenSize: 3, forgetBias: NaN })).toThrow(/forgetBias/);
	});
});

function classifier(kind: 'rnn' | 'lstm' | 'gru', seed: number) {
	const rng = createRng(seed);
	const cell =
		kind === 'lstm'
			? new LSTM({ inputSize: 2, hiddenSize: 6 }, rng)
			: kind === 'gru'
				? new GRU({ inputSize: 2, hiddenSize: 6 }, rng)
				: new SimpleRNN({ inputSize: 2, hiddenSize: 6 }, rng);
	return new Sequential([7, 2], [cell, new Dense({ inFeatures: 6, outFeatures: 3, init: 'xavier' }, rng)]);
}

describe('recurrent models: training step, clipping, save and load', () => {
	const x = { shape: [4, 7, 2], data: uniformArray(createRng(9), 4 * 7 * 2, -1, 1) };
	const labels = Int32Array.from([0, 2, 1, 2]);
	for (const kind of ['rnn', 'lstm', 'gru'] as const) {
		it(`${kind}: one SGD step (lr 0.1) lowers the cross-entropy of its batch`, () => {
			const model = classifier(kind, 3);
			const loss = new SoftmaxCrossEntropy();
			const before = loss.forward(model.forward(x, ctx), labels);
			model.zeroGrad();
			model.backward(loss.backward());
			new Optimizer({ kind: 'sgd', learningRate: 0.1 }).update(model.params());
			const after = loss.forward(model.forward(x, ctx), labels);
			expect(after).toBeLessThan(before - 1e-4);
		});
		it(`${kind}: modelToJSON → modelFromJSON gives identical outputs`, () => {
			const model = classifier(kind, 4);
			const json = JSON.parse(JSON.stringify(modelToJSON(model, kind)));
			const loaded = modelFromJSON(json).model;
			expect(Array.from(loaded.forward(x, ctx).data)).toEqual(Array.from(model.forward(x, ctx).data));
		});
	}
	it('lstm: clipGradNorm(params, 0.05) scales the BPTT gradient to norm 0.05, same direction', () => {
		const model = classifier('lstm', 6);
		const loss = new SoftmaxCrossEntropy();
		loss.forward(model.forward(x, ctx), labels);
		model.zeroGrad();
		model.backward(loss.backward());
		const raw = model.params().map((p) => Float32Array.from(p.grad));
		const norm = clipGradNorm(model.params(), 0.05);
		expect(norm).toBeGreaterThan(0.05);
		let sq = 0;
		model.params().forEach((p, k) => {
			for (let i = 0; i < p.grad.length; i++) {
				expect(p.grad[i]).toBeCloseTo((raw[k][i] * 0.05) / norm, 7);
				sq += p.grad[i] ** 2;
			}
		});
		expect(Math.sqrt(sq)).toBeCloseTo(0.05, 6);
	});
	it('rnn trackGradients: ‖∂L/∂h_t‖ per step shrinks going back in time (T=30, small weights)', () => {
		const layer = new SimpleRNN({ inputSize: 1, hiddenSize: 8 }, createRng(2));
		layer.trackGradients = true;
		layer.forward({ shape: [2, 30, 1], data: uniformArray(createRng(1), 60, -1, 1) }, ctx);
		layer.backward({ shape: [2, 8], data: new Float32Array(16).fill(1) });
		const g = layer.stepGradNorms;
		expect(g.length).toBe(30);
		expect(g[29]).toBeCloseTo(Math.sqrt(32) / 2, 5);
		expect(g[0]).toBeLessThan(g[29] * 1e-3);
	});
});
