import { describe, expect, it } from 'vitest';
import {
	Dense,
	MeanSquaredError,
	Optimizer,
	ReLU,
	Sequential,
	SoftmaxCrossEntropy,
	Trainer,
	Tanh,
	clipGradNorm,
	cosineSchedule,
	evaluate,
	fit,
	loadWeights,
	makeParam,
	modelFromJSON,
	modelToJSON,
	stepDecay,
	type Dataset
} from '$lib/nn';
import { createRng, normal } from '$lib/signal/random';
import fixtures from '../../fixtures/nn.json';

/** Two Gaussian blobs in 2-D, labels 0 and 1. */
function blobs(n: number, seed: number): Dataset {
	const rng = createRng(seed);
	const x = new Float32Array(n * 2);
	const y = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		y[i] = i % 2;
		x[2 * i] = (y[i] ? 1.5 : -1.5) + normal(rng) * 0.5;
		x[2 * i + 1] = (y[i] ? -1 : 1) + normal(rng) * 0.5;
	}
	return {
		size: n,
		batch(idx) {
			const input = new Float32Array(idx.length * 2);
			const target = new Int32Array(idx.length);
			for (let j = 0; j < idx.length; j++) {
				input.set(x.subarray(2 * idx[j], 2 * idx[j] + 2), 2 * j);
				target[j] = y[idx[j]];
			}
			return { input: { shape: [idx.length, 2], data: input }, target };
		}
	};
}

function mlp(seed: number) {
	const rng = createRng(seed);
	return new Sequential(
		[2],
		[
			new Dense({ inFeatures: 2, outFeatures: 8 }, rng),
			new ReLU(),
			new Dense({ inFeatures: 8, outFeatures: 2 }, rng)
		]
	);
}

describe('optimisers', () => {
	it('Adam lr=0.01 wd=0.1 three steps equal numpy', () => {
		const a = fixtures.adam;
		const p = makeParam('w', [3], true, Float32Array.from(a.w0));
		const opt = new Optimizer({ kind: 'adam', learningRate: a.lr, weightDecay: a.wd });
		for (const g of a.grads) {
			p.grad.set(g);
			opt.update([p]);
		}
		a.w3.forEach((v, i) => expect(p.value[i]).toBeCloseTo(v, 6));
	});
	it('SGD lr=0.5 wd=0.1 decays only decay params', () => {
		const w = makeParam('w', [1], true, Float32Array.from([2]));
		const b = makeParam('b', [1], false, Float32Array.from([2]));
		w.grad[0] = b.grad[0] = 1;
		new Optimizer({ kind: 'sgd', learningRate: 0.5, weightDecay: 0.1 }).update([w, b]);
		expect(w.value[0]).toBeCloseTo(2 - 0.5 * (1 + 0.2), 6);
		expect(b.value[0]).toBeCloseTo(1.5, 6);
	});
	it('momentum beta=0.9 lr=1 two steps of grad 1 moves 1 + 1.9', () => {
		const w = makeParam('w', [1], false);
		const o = new Optimizer({ kind: 'momentum', learningRate: 1, beta1: 0.9 });
		w.grad[0] = 1;
		o.update([w]);
		o.update([w]);
		expect(w.value[0]).toBeCloseTo(-2.9, 6);
	});
	it('rejects learningRate -1, NaN, text and an unknown kind', () => {
		expect(() => new Optimizer({ kind: 'sgd', learningRate: -1 })).toThrow(
			/learningRate must be a number > 0/
		);
		expect(() => new Optimizer({ kind: 'sgd', learningRate: NaN })).toThrow(RangeError);
		expect(() => new Optimizer({ kind: 'sgd', learningRate: '0.1' as unknown as number })).toThrow(
			RangeError
		);
		expect(() => new Optimizer({ kind: 'rmsprop' as 'sgd', learningRate: 1 })).toThrow(/kind must be/);
		expect(() => new Optimizer({ kind: 'sgd', learningRate: 1, weightDecay: -1 })).toThrow(/weightDecay/);
	});
	it('stepDecay(every=2, factor=0.5) and cosineSchedule(total=4)', () => {
		const s = stepDecay(2, 0.5);
		expect([0, 1, 2, 3, 4].map(s)).toEqual([1, 1, 0.5, 0.5, 0.25]);
		const c = cosineSchedule(4);
		expect(c(0)).toBe(1);
		expect(c(2)).toBeCloseTo(0.5, 12);
		expect(c(5)).toBe(0);
		const o = new Optimizer({ kind: 'sgd', learningRate: 0.1, schedule: s });
		o.step = 2;
		expect(o.rate).toBeCloseTo(0.05, 12);
	});
	it('clipGradNorm maxNorm=1 scales grads [3,4] to [0.6,0.8]', () => {
		const p = makeParam('w', [2], true);
		p.grad.set([3, 4]);
		expect(clipGradNorm([p], 1)).toBe(5);
		expect(p.grad[0]).toBeCloseTo(0.6, 6);
		expect(p.grad[1]).toBeCloseTo(0.8, 6);
	});
});

describe('Sequential and training', () => {
	it('Sequential rejects layers that do not fit together', () => {
		const rng = createRng(0);
		expect(() => new Sequential([3], [new Dense({ inFeatures: 2, outFeatures: 2 }, rng)])).toThrow(
			/must end in 2 features/
		);
	});
	for (const kind of ['sgd', 'momentum', 'adam'] as const)
		it(`one seeded ${kind} step lowers the loss (MLP 2-8-2, batch 32)`, () => {
			const model = mlp(1);
			const data = blobs(32, 2);
			const loss = new SoftmaxCrossEntropy();
			const before = evaluate(model, loss, data).loss;
			const t = new Trainer({
				model,
				loss,
				optimizer: new Optimizer({ kind, learningRate: kind === 'adam' ? 0.01 : 0.1 }),
				data,
				batchSize: 32,
				seed: 3
			});
			expect(t.step().ok).toBe(true);
			expect(evaluate(model, loss, data).loss).toBeLessThan(before);
		});
	it('one seeded step with MSE lowers the loss (tanh net)', () => {
		const rng = createRng(4);
		const model = new Sequential(
			[2],
			[
				new Dense({ inFeatures: 2, outFeatures: 4, init: 'xavier' }, rng),
				new Tanh(),
				new Dense({ inFeatures: 4, outFeatures: 1 }, rng)
			]
		);
		const x = Float32Array.from([0, 0, 0, 1, 1, 0, 1, 1]);
		const data: Dataset = {
			size: 4,
			batch: (idx) => ({
				input: {
					shape: [idx.length, 2],
					data: Float32Array.from(Array.from(idx).flatMap((i) => [x[2 * i], x[2 * i + 1]]))
				},
				target: {
					shape: [idx.length, 1],
					data: Float32Array.from(Array.from(idx).map((i) => x[2 * i] + x[2 * i + 1]))
				}
			})
		};
		const loss = new MeanSquaredError();
		const before = evaluate(model, loss, data).loss;
		new Trainer({
			model,
			loss,
			optimizer: new Optimizer({ kind: 'sgd', learningRate: 0.05 }),
			data,
			batchSize: 4,
			seed: 1
		}).step();
		expect(evaluate(model, loss, data).loss).toBeLessThan(before);
	});
	it('fit 20 epochs on blobs reaches accuracy ≥ 0.95 and is bit-identical for the same seed', () => {
		const run = () => {
			const model = mlp(5);
			const t = new Trainer({
				model,
				loss: new SoftmaxCrossEntropy(),
				optimizer: new Optimizer({ kind: 'adam', learningRate: 0.02 }),
				data: blobs(200, 6),
				batchSize: 16,
				seed: 9
			});
			fit(t, 20);
			return model;
		};
		const a = run();
		expect(evaluate(a, new SoftmaxCrossEntropy(), blobs(200, 7)).accuracy).toBeGreaterThanOrEqual(0.95);
		expect(run().params()[0].value).toEqual(a.params()[0].value);
	});
	it('a NaN loss stops the step and restores the last good weights', () => {
		const model = mlp(1);
		const data = blobs(8, 2);
		const t = new Trainer({
			model,
			loss: new SoftmaxCrossEntropy(),
			optimizer: new Optimizer({ kind: 'sgd', learningRate: 0.1 }),
			data,
			batchSize: 4,
			seed: 3
		});
		expect(t.step().ok).toBe(true);
		const good = Float32Array.from(model.params()[0].value);
		model.params()[0].value[0] = NaN; // a corrupted weight makes the loss NaN
		const r = t.step();
		expect(r.ok).toBe(false);
		expect(r.message).toMatch(/loss became NaN/);
		expect(model.params()[0].value).toEqual(good);
	});
	it('a huge learning rate that makes weights infinite is refused, weights kept', () => {
		const model = mlp(1);
		const t = new Trainer({
			model,
			loss: new SoftmaxCrossEntropy(),
			optimizer: new Optimizer({ kind: 'sgd', learningRate: 1e300 }),
			data: blobs(8, 2),
			batchSize: 8,
			seed: 3
		});
		const before = model.params().map((p) => Float32Array.from(p.value));
		const r = t.step();
		expect(r.ok).toBe(false);
		model.params().forEach((p, i) => expect(p.value).toEqual(before[i]));
	});
	it('Trainer batchSize 0 and 1.5 are refused', () => {
		const make = (b: number) =>
			new Trainer({
				model: mlp(1),
				loss: new SoftmaxCrossEntropy(),
				optimizer: new Optimizer({ kind: 'sgd', learningRate: 0.1 }),
				data: blobs(8, 2),
				batchSize: b,
				seed: 3
			});
		expect(() => make(0)).toThrow(/batchSize must be a whole number/);
		expect(() => make(1.5)).toThrow(RangeError);
	});
});

describe('model JSON', () => {
	it('modelToJSON → modelFromJSON round-trips weights and outputs', () => {
		const model = mlp(3);
		const json = JSON.parse(JSON.stringify(modelToJSON(model, 'blobs', { task: 'test' })));
		const { model: back } = modelFromJSON(json);
		const x = { shape: [1, 2], data: Float32Array.from([0.3, -0.7]) };
		const ctx = { training: false, rng: createRng(0) };
		expect(back.forward(x, ctx).data).toEqual(model.forward(x, ctx).data);
		expect(json.meta.task).toBe('test');
	});
	const broken: [string, unknown, RegExp][] = [
		['not JSON', '{oops', /not valid JSON/],
		['a foreign format', { format: 'keras', version: 1 }, /format is "keras"/],
		['a newer version', { format: 'flipshift-model', version: 99 }, /version 99 is not supported/],
		[
			'an unknown layer',
			{
				format: 'flipshift-model',
				version: 1,
				name: 'x',
				inputShape: [2],
				layers: [{ kind: 'warp' }],
				params: {},
				buffers: {}
			},
			/unknown layer kind "warp"/
		]
	];
	for (const [what, file, msg] of broken)
		it(`modelFromJSON rejects ${what}`, () => expect(() => modelFromJSON(file)).toThrow(msg));
	it('loadWeights with a wrong-length or non-finite weight changes nothing', () => {
		const model = mlp(3);
		const before = model.params().map((p) => Float32Array.from(p.value));
		const json = modelToJSON(mlp(4), 'other');
		json.params['2.bias'] = [1];
		expect(() => loadWeights(model, json)).toThrow(/"2.bias" has 1 values, expected 2/);
		const json2 = modelToJSON(mlp(4), 'other');
		json2.params['2.bias'] = [1, NaN as unknown as number];
		expect(() => loadWeights(model, json2)).toThrow(/not a finite number/);
		model.params().forEach((p, i) => expect(p.value).toEqual(before[i]));
		loadWeights(model, modelToJSON(mlp(4), 'other'));
		expect(model.params()[0].value).toEqual(mlp(4).params()[0].value);
	});
});
