/**
 * "Remember": the class is the first symbol of a long noisy sequence. Step 0 carries one of
 * `symbols` symbols as a one-hot vector; every later step is Gaussian noise on all channels. The
 * answer must be carried across all the steps: a plain RNN loses it as the length grows (its
 * gradient vanishes on the way back), an LSTM or GRU keeps it.
 */
import { createRng, normal } from '$lib/signal/random';
import { checkCount, checkInteger, checkNumber, type SequenceData, type SequenceTask } from './types';

export interface RememberOptions {
	readonly length?: number;
	readonly symbols?: number;
	readonly noise?: number;
}

export const REMEMBER_DEFAULTS = { length: 50, symbols: 4, noise: 0.5 } as const;

export class RememberTask implements SequenceTask {
	readonly name = 'remember';
	readonly kind = 'classification';
	readonly inputSize: number;
	readonly outputSize: number;
	readonly length: number;
	readonly noise: number;

	constructor(options: RememberOptions = {}) {
		const o = { ...REMEMBER_DEFAULTS, ...options };
		this.length = checkInteger('remember', 'length', o.length, 1, 400);
		this.inputSize = this.outputSize = checkInteger('remember', 'symbols', o.symbols, 2, 10);
		this.noise = checkNumber('remember', 'noise', o.noise, 0, 5);
	}

	generate(count: number, seed: number): SequenceData {
		checkCount('remember', count);
		const T = this.length;
		const D = this.inputSize;
		const rng = createRng(seed);
		const inputs = new Float32Array(count * T * D);
		const labels = new Int32Array(count);
		for (let n = 0; n < count; n++) {
			labels[n] = Math.floor(rng() * D);
			const row = n * T * D;
			inputs[row + labels[n]] = 1;
			for (let i = D; i < T * D; i++) inputs[row + i] = this.noise * normal(rng);
		}
		return { inputs, shape: [count, T, D], labels };
	}
}
