/**
 * The LSTM (Hochreiter & Schmidhuber; PyTorch's gate order i, f, g, o):
 * i = σ(·), f = σ(·), g = tanh(·), o = σ(·) of x_t·Wx + h_{t-1}·Wh + b;
 * c_t = f ⊙ c_{t-1} + i ⊙ g, h_t = o ⊙ tanh(c_t). The forget gate's bias starts at `forgetBias`
 * (default 1) so the cell keeps what it holds until training says otherwise.
 */
import { createRng, type Rng } from '$lib/signal/random';
import { matmul } from '../matmul';
import { initUniform, RecurrentLayer, sigmoid, type RecurrentOptions } from './base';
import type { LayerConfig } from '../types';

export interface LSTMOptions extends RecurrentOptions {
	readonly forgetBias?: number;
}

export const LSTM_GATES = ['input', 'forget', 'candidate', 'output'] as const;

export class LSTM extends RecurrentLayer {
	readonly kind = 'lstm';
	protected readonly blocks = 4;
	readonly forgetBias: number;
	/** Cell states `[(T+1)·N, H]`, c₀ = 0 first. */
	private cs = new Float32Array(0);
	private dc = new Float32Array(0);

	constructor(options: LSTMOptions, rng: Rng = createRng(0)) {
		super('lstm', options, 4);
		this.forgetBias = options.forgetBias ?? 1;
		if (!Number.isFinite(this.forgetBias))
			throw new RangeError(`lstm: forgetBias must be finite, got ${this.forgetBias}`);
		initUniform(this.Wx, this.hiddenSize, rng);
		initUniform(this.Wh, this.hiddenSize, rng);
		this.bias.value.fill(this.forgetBias, this.hiddenSize, 2 * this.hiddenSize);
	}

	config(): LayerConfig {
		return { ...super.config(), forgetBias: this.forgetBias };
	}

	protected resetState(): void {
		const size = (this.T + 1) * this.N * this.hiddenSize;
		if (this.cs.length !== size) this.cs = new Float32Array(size);
		this.cs.fill(0, 0, this.N * this.hiddenSize);
		if (this.dc.length !== this.N * this.hiddenSize) this.dc = new Float32Array(this.N * this.hiddenSize);
	}

	protected stepForward(t: number, hPrev: Float32Array, hNext: Float32Array): void {
		const { N } = this;
		const H = this.hiddenSize;
		const G = 4 * H;
		const z = this.zs.subarray(t * N * G, (t + 1) * N * G);
		matmul(hPrev, this.Wh.value, z, N, H, G, { accumulate: true });
		const cs = this.cs;
		for (let n = 0; n < N; n++) {
			const zo = n * G;
			const co = (t * N + n) * H;
			const no = ((t + 1) * N + n) * H;
			for (let j = 0; j < H; j++) {
				const i = sigmoid(z[zo + j]);
				const f = sigmoid(z[zo + H + j]);
				const g = Math.tanh(z[zo + 2 * H + j]);
				const o = sigmoid(z[zo + 3 * H + j]);
				z[zo + j] = i;
				z[zo + H + j] = f;
				z[zo + 2 * H + j] = g;
				z[zo + 3 * H + j] = o;
				const c = f * cs[co + j] + i * g;
				cs[no + j] = c;
				hNext[n * H + j] = o * Math.tanh(c);
			}
		}
	}

	protected stepBackward(t: number, dh: Float32Array, dhPrev: Float32Array): void {
		const { N } = this;
		const H = this.hiddenSize;
		const G = 4 * H;
		if (t === this.T - 1) this.dc.fill(0);
		const a = this.zs.subarray(t * N * G, (t + 1) * N * G);
		const d = this.dzx.subarray(t * N * G, (t + 1) * N * G);
		const { cs, dc } = this;
		for (let n = 0; n < N; n++) {
			const zo = n * G;
			const co = (t * N + n) * H;
			const no = ((t + 1) * N + n) * H;
			for (let j = 0; j < H; j++) {
				const i = a[zo + j];
				const f = a[zo + H + j];
				const g = a[zo + 2 * H + j];
				const o = a[zo + 3 * H + j];
				const tc = Math.tanh(cs[no + j]);
				const k = n * H + j;
				const dcc = dc[k] + dh[k] * o * (1 - tc * tc);
				d[zo + j] = dcc * g * i * (1 - i);
				d[zo + H + j] = dcc * cs[co + j] * f * (1 - f);
				d[zo + 2 * H + j] = dcc * i * (1 - g * g);
				d[zo + 3 * H + j] = dh[k] * tc * o * (1 - o);
				dc[k] = dcc * f;
			}
		}
		dhPrev.fill(0);
	}

	protected traceGates(n: number): Record<string, Float32Array> {
		const G = 4 * this.hiddenSize;
		const out: Record<string, Float32Array> = {};
		LSTM_GATES.forEach((name, b) => (out[name] = this.gatherBlock(this.zs, G, b, n)));
		const cell = new Float32Array(this.T * this.hiddenSize);
		const H = this.hiddenSize;
		for (let t = 0; t < this.T; t++)
			cell.set(this.cs.subarray(((t + 1) * this.N + n) * H, ((t + 1) * this.N + n + 1) * H), t * H);
		out.cell = cell;
		return out;
	}
}
