/**
 * The "remember" comparison, measured: each model × seed × length trained with the target
 * settings (TARGET_SETTINGS.remember: hidden, learning rate, batch, clipping, keep-gate bias,
 * training sequences), the held-out accuracy written every `every` steps so the step where a
 * model leaves chance shows. Bundled and run by scripts/bench/remember-sweep.js.
 */
import { Optimizer } from '../../src/lib/nn/optim';
import {
	dataSeeds,
	score,
	TARGET_SETTINGS,
	type RecurrentSettings
} from '../../src/lib/nn/recurrent/experiment';
import { buildRecurrentModel, checkKind, lossFor, recurrentLayerOf } from '../../src/lib/nn/recurrent/models';
import type { Sequential } from '../../src/lib/nn/sequential';
import { RememberTask, sequenceDataset } from '../../src/lib/nn/tasks';
import { Trainer } from '../../src/lib/nn/train';
import { createRng, normal } from '../../src/lib/signal/random';

export interface SweepOptions {
	models: string[];
	seeds: number[];
	lengths: number[];
	steps: number;
	every: number;
	noise?: number;
	/** Training sequences; default TARGET_SETTINGS.remember.trainSize. */
	trainSize?: number;
	testSize?: number;
	/** The plain RNN's recurrent weights: PyTorch's U(±1/√H) (the layer's own) or Keras's orthogonal. */
	rnnInit?: 'uniform' | 'orthogonal';
	/** Overrides of the target settings, the same for every model. */
	settings?: Partial<RecurrentSettings>;
}

export interface SweepRow {
	model: string;
	seed: number;
	length: number;
	/** Held-out accuracy and the RNN's growth factor per step (`growthPerStep`) after every `every` steps. */
	curve: { step: number; accuracy: number; growth: number }[];
	final: number;
	seconds: number;
}

/**
 * The plain RNN's growth factor per step, ‖Wh⁵⁰‖_F^(1/50) (Gelfand: tends to the spectral radius):
 * below 1 a small state and the gradient shrink by about this factor at every step; above 1 the
 * net can hold a saturated state against the noise, the latching solution. NaN for the gated nets.
 */
export function growthPerStep(net: Sequential, k = 50): number {
	const { Wh, hiddenSize: H } = recurrentLayerOf(net);
	if (Wh.value.length !== H * H) return NaN;
	let p = Float64Array.from(Wh.value);
	let logScale = 0;
	for (let n = 1; n < k; n++) {
		const next = new Float64Array(H * H);
		for (let i = 0; i < H; i++)
			for (let m = 0; m < H; m++) {
				const a = p[i * H + m];
				for (let j = 0; j < H; j++) next[i * H + j] += a * Wh.value[m * H + j];
			}
		// rescale so that the product neither overflows nor underflows over k factors
		const norm = Math.hypot(...next);
		logScale += Math.log(norm);
		p = next.map((x) => x / norm);
	}
	return Math.exp((logScale + Math.log(Math.hypot(...p))) / k);
}

/** Overwrites the square matrix `w` with a random orthogonal one (Gram–Schmidt on Gaussian rows). */
function orthogonal(w: Float32Array, seed: number): void {
	const H = Math.round(Math.sqrt(w.length));
	const rng = createRng(seed + 7777);
	const rows: Float64Array[] = [];
	for (let i = 0; i < H; i++) {
		const r = Float64Array.from({ length: H }, () => normal(rng));
		for (const q of rows) {
			let d = 0;
			for (let j = 0; j < H; j++) d += r[j] * q[j];
			for (let j = 0; j < H; j++) r[j] -= d * q[j];
		}
		const n = Math.hypot(...r);
		rows.push(r.map((x) => x / n));
	}
	rows.forEach((r, i) => w.set(r, i * H));
}

export function sweepOne(model: string, seed: number, length: number, o: SweepOptions): SweepRow {
	const s = {
		...TARGET_SETTINGS.remember,
		...(o.trainSize ? { trainSize: o.trainSize } : {}),
		...(o.testSize ? { testSize: o.testSize } : {}),
		...o.settings
	};
	const task = new RememberTask({ length, ...(o.noise === undefined ? {} : { noise: o.noise }) });
	const seeds = dataSeeds(seed);
	const train = task.generate(s.trainSize, seeds.train);
	const test = task.generate(s.testSize, seeds.test);
	const net = buildRecurrentModel(checkKind(model), task, { ...s, seed });
	if (model === 'rnn' && o.rnnInit === 'orthogonal') orthogonal(recurrentLayerOf(net).Wh.value, seed);
	const trainer = new Trainer({
		model: net,
		loss: lossFor(task),
		optimizer: new Optimizer({ kind: 'adam', learningRate: s.learningRate }),
		data: sequenceDataset(train),
		batchSize: s.batchSize,
		seed,
		clipNorm: s.clipNorm
	});
	const curve: SweepRow['curve'] = [];
	const t0 = performance.now();
	for (let step = 1; step <= o.steps; step++) {
		const r = trainer.step();
		if (!r.ok) throw new Error(`${model} seed ${seed} length ${length}: step ${step} refused: ${r.message}`);
		if (step % o.every === 0 || step === o.steps)
			curve.push({ step, accuracy: score(net, task, test).accuracy, growth: growthPerStep(net) });
	}
	return {
		model,
		seed,
		length,
		curve,
		final: curve.at(-1)!.accuracy,
		seconds: (performance.now() - t0) / 1000
	};
}
