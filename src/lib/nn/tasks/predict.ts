/**
 * "Predict": the next value of a sum of sines. Each sequence draws 1–3 sines with random
 * frequencies (at least four samples per period) and phases, scaled to peak amplitude ≤ 1;
 * the target is the value one step after the last input.
 */
import { createRng } from '$lib/signal/random';
import { checkCount, checkInteger, type SequenceData, type SequenceTask } from './types';

export interface PredictOptions {
	readonly length?: number;
	readonly components?: number;
}

export const PREDICT_DEFAULTS = { length: 30, components: 3 } as const;
/** A prediction counts as right when it is this close to the target (the signal spans [−1, 1]). */
export const PREDICT_TOLERANCE = 0.1;
const FREQ_RANGE = [0.02, 0.12] as const;

export class PredictTask implements SequenceTask {
	readonly name = 'predict';
	readonly kind = 'regression';
	readonly inputSize = 1;
	readonly outputSize = 1;
	readonly length: number;
	readonly components: number;

	constructor(options: PredictOptions = {}) {
		const o = { ...PREDICT_DEFAULTS, ...options };
		this.length = checkInteger('predict', 'length', o.length, 2, 400);
		this.components = checkInteger('predict', 'components', o.components, 1, 3);
	}

	generate(count: number, seed: number): SequenceData {
		checkCount('predict', count);
		const T = this.length;
		const rng = createRng(seed);
		const inputs = new Float32Array(count * T);
		const targets = new Float32Array(count);
		for (let n = 0; n < count; n++) {
			const k = 1 + Math.floor(rng() * this.components);
			const parts = Array.from({ length: k }, () => ({
				f: FREQ_RANGE[0] + (FREQ_RANGE[1] - FREQ_RANGE[0]) * rng(),
				phase: 2 * Math.PI * rng(),
				a: 0.3 + 0.7 * rng()
			}));
			const scale = 1 / parts.reduce((s, p) => s + p.a, 0);
			const at = (t: number) =>
				parts.reduce((s, p) => s + p.a * Math.sin(2 * Math.PI * p.f * t + p.phase), 0) * scale;
			for (let t = 0; t < T; t++) inputs[n * T + t] = at(t);
			targets[n] = at(T);
		}
		return { inputs, shape: [count, T, 1], targets };
	}
}
