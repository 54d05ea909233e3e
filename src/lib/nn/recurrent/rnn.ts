/** The plain (Elman) recurrent layer: h_t = tanh(x_t·Wx + h_{t-1}·Wh + b). */
import { createRng, type Rng } from '$lib/signal/random';
import { matmul } from '../matmul';
import { initUniform, RecurrentLayer, type RecurrentOptions } from './base';

export class SimpleRNN extends RecurrentLayer {
	readonly kind = 'rnn';
	protected readonly blocks = 1;

	constructor(options: RecurrentOptions, rng: Rng = createRng(0)) {
		super('rnn', options, 1);
		initUniform(this.Wx, this.hiddenSize, rng);
		initUniform(this.Wh, this.hiddenSize, rng);
	}

	protected resetState(): void {}

	protected stepForward(t: number, hPrev: Float32Array, hNext: Float32Array): void {
		const { N } = this;
		const H = this.hiddenSize;
		const z = this.zs.subarray(t * N * H, (t + 1) * N * H);
		matmul(hPrev, this.Wh.value, z, N, H, H, { accumulate: true });
		// z keeps h_t (its tanh) for backward: 1 − h² is the derivative
		for (let i = 0; i < N * H; i++) hNext[i] = z[i] = Math.tanh(z[i]);
	}

	protected stepBackward(t: number, dh: Float32Array, dhPrev: Float32Array): void {
		const { N } = this;
		const H = this.hiddenSize;
		const h = this.zs.subarray(t * N * H, (t + 1) * N * H);
		const d = this.dzx.subarray(t * N * H, (t + 1) * N * H);
		for (let i = 0; i < N * H; i++) d[i] = dh[i] * (1 - h[i] * h[i]);
		dhPrev.fill(0);
	}

	protected traceGates(): Record<string, Float32Array> {
		return {};
	}
}
