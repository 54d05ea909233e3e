import { describe, expect, it } from 'vitest';
import {
	BatchNorm,
	Conv2d,
	Dense,
	Dropout,
	Flatten,
	MaxPool2d,
	Optimizer,
	PNormPool2d,
	ReLU,
	Sequential,
	SoftmaxCrossEntropy,
	Trainer,
	evaluate,
	fit,
	modelFromJSON,
	modelToJSON,
	type Dataset
} from '$lib/nn';
import { createRng, uniformArray } from '$lib/signal/random';
import { checkLayerGradients } from './gradcheck';

const evalCtx = { training: false, rng: createRng(0) };

/** Distinct values 0.1 apart in a seeded order: no pooling ties within a finite-difference step. */
function distinct(n: number, seed: number): Float32Array {
	const rng = createRng(seed);
	const v = Float32Array.from({ length: n }, (_, i) => (i - n / 2) * 0.1);
	for (let i = n - 1; i > 0; i--) {
		const j = Math.floor(rng() * (i + 1));
		[v[i], v[j]] = [v[j], v[i]];
	}
	return v;
}

describe('CNN layer gradient checks (finite differences)', () => {
	it('Conv2d C=2 F=3 k=3 stride=1 padding=1 on [2,2,5,5]', () =>
		checkLayerGradients(
			new Conv2d({ inChannels: 2, outChannels: 3, kernelSize: 3, padding: 1 }, createRng(1)),
			[2, 2, 5, 5]
		));
	it('Conv2d C=1 F=2 k=3 stride=2 padding=0 on [2,1,7,7]', () =>
		checkLayerGradients(
			new Conv2d({ inChannels: 1, outChannels: 2, kernelSize: 3, stride: 2 }, createRng(2)),
			[2, 1, 7, 7]
		));
	it('MaxPool2d size=2 on [2,2,4,4]', () =>
		checkLayerGradients(new MaxPool2d({ size: 2 }), [2, 2, 4, 4], 3, false, distinct(64, 1)));
	it('MaxPool2d size=3 stride=2 on [1,2,7,7]', () =>
		checkLayerGradients(new MaxPool2d({ size: 3, stride: 2 }), [1, 2, 7, 7], 3, false, distinct(98, 2)));
	it('PNormPool2d p=2 size=2 on [2,2,4,4]', () =>
		checkLayerGradients(new PNormPool2d({ size: 2, p: 2 }), [2, 2, 4, 4]));
	it('PNormPool2d p=3 size=3 stride=1 on [1,1,5,5]', () =>
		checkLayerGradients(new PNormPool2d({ size: 3, stride: 1, p: 3 }), [1, 1, 5, 5]));
	it('Flatten [2,3,2,2]', () => checkLayerGradients(new Flatten(), [2, 3, 2, 2]));
	it('Dropout rate=0.5 in eval mode (identity)', () => checkLayerGradients(new Dropout(0.5), [3, 8]));
	it('Dropout rate=0.3 in training mode (fixed seeded mask)', () =>
		checkLayerGradients(new Dropout(0.3), [3, 8], 3, true));
	it('BatchNorm features=3 training on [4,3,2,2]', () =>
		checkLayerGradients(new BatchNorm({ features: 3 }), [4, 3, 2, 2], 3, true));
	it('BatchNorm features=4 training on [6,4]', () =>
		checkLayerGradients(new BatchNorm({ features: 4 }), [6, 4], 4, true));
	it('BatchNorm features=3 eval on [2,3,2,2]', () =>
		checkLayerGradients(new BatchNorm({ features: 3 }), [2, 3, 2, 2], 5, false));
});

describe('CNN layer values and errors', () => {
	it('Conv2d k=3 padding=1 on an impulse gives the kernel flipped around the impulse', () => {
		const conv = new Conv2d({ inChannels: 1, outChannels: 1, kernelSize: 3, padding: 1 }, createRng(0));
		conv.weight.value.set([1, 2, 3, 4, 5, 6, 7, 8, 9]);
		conv.bias.value[0] = 0.5;
		const x = new Float32Array(25);
		x[12] = 1;
		const y = conv.forward({ shape: [1, 1, 5, 5], data: x }, evalCtx);
		expect(y.shape).toEqual([1, 1, 5, 5]);
		// cross-correlation: out[2+dy][2+dx] = w[1-dy][1-dx]
		expect(Array.from(y.data.slice(6, 9))).toEqual([9.5, 8.5, 7.5]);
		expect(Array.from(y.data.slice(16, 19))).toEqual([3.5, 2.5, 1.5]);
		expect(y.data[0]).toBe(0.5);
	});
	it('Conv2d rejects a wrong channel count and a kernel larger than the input', () => {
		const conv = new Conv2d({ inChannels: 2, outChannels: 1, kernelSize: 5 }, createRng(0));
		expect(() => conv.forward({ shape: [1, 1, 6, 6], data: new Float32Array(36) }, evalCtx)).toThrow(
			/must be \[N, 2, H, W\]/
		);
		expect(() => conv.outputShape([1, 2, 3, 3])).toThrow(/does not fit/);
		expect(
			() => new Conv2d({ inChannels: 1, outChannels: 1, kernelSize: 3, padding: -1 }, createRng(0))
		).toThrow(/padding/);
	});
	it('MaxPool2d size=2 on [1,1,2,4] digits picks 22 and 24', () => {
		const y = new MaxPool2d({ size: 2 }).forward(
			{ shape: [1, 1, 2, 4], data: Float32Array.from([11, 12, 13, 14, 21, 22, 23, 24]) },
			evalCtx
		);
		expect(y.shape).toEqual([1, 1, 1, 2]);
		expect(Array.from(y.data)).toEqual([22, 24]);
	});
	it('MaxPool2d size=3 stride=2 on [2,3,9,9]: inference output and a later backward equal those after training', () => {
		const x = { shape: [2, 3, 9, 9], data: distinct(486, 3) };
		const grad = { shape: [2, 3, 4, 4], data: distinct(96, 4) };
		const trained = new MaxPool2d({ size: 3, stride: 2 });
		const inferred = new MaxPool2d({ size: 3, stride: 2 });
		const y = trained.forward(x, { training: true, rng: createRng(0) });
		const z = inferred.forward(x, evalCtx);
		expect(z.shape).toEqual([2, 3, 4, 4]);
		expect(Array.from(z.data)).toEqual(Array.from(y.data));
		const want = trained.backward(grad);
		expect(Array.from(inferred.backward(grad).data)).toEqual(Array.from(want.data));
		// every output's gradient lands on one input (overlapping windows may share one)
		const sum = (d: Float32Array) => d.reduce((a, b) => a + b, 0);
		expect(sum(want.data)).toBeCloseTo(sum(grad.data), 4);
		expect(want.data.filter((v) => v !== 0).length).toBeGreaterThan(48);
	});
	it('PNormPool2d p=Infinity saves as "Infinity" and loads back', () => {
		const model = new Sequential([1, 4, 4], [new PNormPool2d({ size: 2, p: Infinity }), new Flatten()]);
		const back = modelFromJSON(JSON.parse(JSON.stringify(modelToJSON(model, 'p')))).model;
		expect((back.layers[0] as PNormPool2d).p).toBe(Infinity);
	});
	it('Dropout rate=1 and -0.1 are refused; eval passes input through', () => {
		expect(() => new Dropout(1)).toThrow(/rate must be a number in \[0, 1\)/);
		expect(() => new Dropout(-0.1)).toThrow(RangeError);
		const x = { shape: [1, 3], data: Float32Array.from([1, 2, 3]) };
		expect(new Dropout(0.5).forward(x, evalCtx).data).toEqual(x.data);
	});
	it('Dropout rate=0.5 training keeps about half, scaled by 2', () => {
		const y = new Dropout(0.5).forward(
			{ shape: [1, 1000], data: new Float32Array(1000).fill(1) },
			{ training: true, rng: createRng(3) }
		);
		const kept = y.data.filter((v) => v === 2).length;
		expect(y.data.every((v) => v === 0 || v === 2)).toBe(true);
		expect(kept).toBeGreaterThan(450);
		expect(kept).toBeLessThan(550);
	});
	it('BatchNorm training normalises each channel to mean 0, variance ≈ 1 and moves running stats by momentum', () => {
		const bn = new BatchNorm({ features: 2 });
		const x = uniformArray(createRng(1), 2 * 2 * 9, 3, 5);
		const y = bn.forward({ shape: [2, 2, 3, 3], data: x }, { training: true, rng: createRng(0) });
		for (let c = 0; c < 2; c++) {
			const vals = [0, 1].flatMap((n) => Array.from(y.data.slice((n * 2 + c) * 9, (n * 2 + c + 1) * 9)));
			const mean = vals.reduce((a, b) => a + b, 0) / vals.length;
			const v = vals.reduce((a, b) => a + (b - mean) ** 2, 0) / vals.length;
			expect(mean).toBeCloseTo(0, 5);
			expect(v).toBeCloseTo(1, 3);
		}
		expect(bn.runningMean.value[0]).toBeGreaterThan(0.3);
		expect(bn.runningMean.value[0]).toBeLessThan(0.5);
	});
});

/** A toy image task: is the bright bar vertical (0) or horizontal (1)? Seeded position and noise. */
function bars(n: number, seed: number): Dataset {
	const rng = createRng(seed);
	const x = new Float32Array(n * 64);
	const y = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		y[i] = i % 2;
		const at = 1 + Math.floor(rng() * 6);
		for (let j = 0; j < 64; j++) x[i * 64 + j] = 0.2 * rng();
		for (let t = 0; t < 8; t++) x[i * 64 + (y[i] ? at * 8 + t : t * 8 + at)] += 1;
	}
	return {
		size: n,
		batch(idx) {
			const input = new Float32Array(idx.length * 64);
			Array.from(idx).forEach((k, j) => input.set(x.subarray(k * 64, k * 64 + 64), j * 64));
			return {
				input: { shape: [idx.length, 1, 8, 8], data: input },
				target: Int32Array.from(Array.from(idx), (k) => y[k])
			};
		}
	};
}

function smallCnn(seed: number, withBn = false) {
	const rng = createRng(seed);
	return new Sequential(
		[1, 8, 8],
		[
			new Conv2d({ inChannels: 1, outChannels: 4, kernelSize: 3, padding: 1 }, rng),
			...(withBn ? [new BatchNorm({ features: 4 })] : []),
			new ReLU(),
			new MaxPool2d({ size: 2 }),
			new Flatten(),
			new Dropout(0.2),
			new Dense({ inFeatures: 64, outFeatures: 2 }, rng)
		]
	);
}

describe('CNN training', () => {
	it('Sequential.backwardParams adds the same parameter gradients as backward, bit for bit (conv first, stride 2, padding 1)', () => {
		const build = () =>
			new Sequential(
				[2, 9, 9],
				[
					new Conv2d({ inChannels: 2, outChannels: 3, kernelSize: 3, stride: 2, padding: 1 }, createRng(5)),
					new ReLU(),
					new Flatten(),
					new Dense({ inFeatures: 3 * 5 * 5, outFeatures: 4 }, createRng(6))
				]
			);
		const x = { shape: [3, 2, 9, 9], data: uniformArray(createRng(8), 3 * 2 * 81) };
		const labels = Int32Array.from([0, 3, 1]);
		const grads = (paramsOnly: boolean) => {
			const model = build();
			const loss = new SoftmaxCrossEntropy();
			loss.forward(model.forward(x, evalCtx), labels);
			if (paramsOnly) model.backwardParams(loss.backward());
			else model.backward(loss.backward());
			return model.params().map((p) => Array.from(p.grad));
		};
		const full = grads(false);
		expect(full[0].some((v) => v !== 0)).toBe(true);
		expect(full[1].some((v) => v !== 0)).toBe(true);
		expect(grads(true)).toEqual(full);
	});
	it('one seeded Adam step lowers the loss of conv→bn→relu→pool→dense on bars (batch 32)', () => {
		const model = smallCnn(1, true);
		const data = bars(32, 2);
		const loss = new SoftmaxCrossEntropy();
		const before = evaluate(model, loss, data).loss;
		new Trainer({
			model,
			loss,
			optimizer: new Optimizer({ kind: 'adam', learningRate: 0.01 }),
			data,
			batchSize: 32,
			seed: 4
		}).step();
		// batch norm's running stats moved too: compare in eval mode against eval mode
		expect(evaluate(model, loss, data).loss).toBeLessThan(before);
	});
	it('8 epochs on 128 bars reach test accuracy ≥ 0.95; two seeded runs are bit-identical', () => {
		const run = () => {
			const model = smallCnn(7, true);
			fit(
				new Trainer({
					model,
					loss: new SoftmaxCrossEntropy(),
					optimizer: new Optimizer({ kind: 'adam', learningRate: 0.01 }),
					data: bars(128, 3),
					batchSize: 16,
					seed: 5
				}),
				8
			);
			return model;
		};
		const a = run();
		expect(evaluate(a, new SoftmaxCrossEntropy(), bars(100, 4)).accuracy).toBeGreaterThanOrEqual(0.95);
		const b = run();
		a.params().forEach((p, i) => expect(b.params()[i].value).toEqual(p.value));
		a.buffers().forEach((p, i) => expect(b.buffers()[i].value).toEqual(p.value));
	});
	it('a CNN with batch norm round-trips through JSON with its running statistics', () => {
		const model = smallCnn(2, true);
		model.forward(bars(8, 1).batch([0, 1, 2, 3]).input, { training: true, rng: createRng(0) });
		const back = modelFromJSON(JSON.parse(JSON.stringify(modelToJSON(model, 'bars')))).model;
		const x = bars(4, 9).batch([0, 1, 2, 3]).input;
		expect(back.forward(x, evalCtx).data).toEqual(model.forward(x, evalCtx).data);
	});
});
