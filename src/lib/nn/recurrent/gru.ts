/**
 * The GRU (Cho et al.; PyTorch's formulation and gate order r, z, n):
 * r = σ(x·Wxr + bxr + h·Whr + bhr), z = σ(x·Wxz + bxz + h·Whz + bhz),
 * n = tanh(x·Wxn + bxn + r ⊙ (h·Whn + bhn)), h_t = (1 − z) ⊙ n + z ⊙ h_{t-1}.
 * The reset gate multiplies the recurrent product only, so that product and its bias `biasH` are
 * kept per step apart from the input projection.
 */
import { createRng, type Rng } from '$lib/signal/random';
import { matmul } from '../matmul';
import { makeParam } from '../tensor';
import { initUniform, RecurrentLayer, sigmoid, type RecurrentOptions } from './base';
import type { LayerConfig, Param } from '../types';

export interface GRUOptions extends RecurrentOptions {
	/** Starting bias of the update gate: positive keeps h_{t-1} (z near 1) until training says otherwise. */
	readonly updateBias?: number;
}

export const GRU_GATES = ['reset', 'update', 'candidate'] as const;

export class GRU extends RecurrentLayer {
	readonly kind = 'gru';
	protected readonly blocks = 3;
	readonly biasH: Param;
	readonly updateBias: number;
	/** h_{t-1}·Wh + bh per step `[T·N, 3H]`, and its gradient. */
	private as = new Float32Array(0);
	private das = new Float32Array(0);

	constructor(options: GRUOptions, rng: Rng = createRng(0)) {
		super('gru', options, 3);
		this.updateBias = options.updateBias ?? 0;
		if (!Number.isFinite(this.updateBias))
			throw new RangeError(`gru: updateBias must be finite, got ${this.updateBias}`);
		this.biasH = makeParam('biasH', [3 * this.hiddenSize], false);
		initUniform(this.Wx, this.hiddenSize, rng);
		initUniform(this.Wh, this.hiddenSize, rng);
		this.bias.value.fill(this.updateBias, this.hiddenSize, 2 * this.hiddenSize);
	}

	config(): LayerConfig {
		return { ...super.config(), updateBias: this.updateBias };
	}

	params(): readonly Param[] {
		return [...super.params(), this.biasH];
	}

	protected resetState(): void {
		if (this.as.length !== this.zs.length) {
			this.as = new Float32Array(this.zs.length);
			this.das = new Float32Array(this.zs.length);
		}
	}

	protected stepForward(t: number, hPrev: Float32Array, hNext: Float32Array): void {
		const { N } = this;
		const H = this.hiddenSize;
		const G = 3 * H;
		const z = this.zs.subarray(t * N * G, (t + 1) * N * G);
		const a = this.as.subarray(t * N * G, (t + 1) * N * G);
		matmul(hPrev, this.Wh.value, a, N, H, G);
		const bh = this.biasH.value;
		for (let n = 0; n < N; n++) {
			const o = n * G;
			for (let j = 0; j < G; j++) a[o + j] += bh[j];
			for (let j = 0; j < H; j++) {
				const r = sigmoid(z[o + j] + a[o + j]);
				const u = sigmoid(z[o + H + j] + a[o + H + j]);
				const c = Math.tanh(z[o + 2 * H + j] + r * a[o + 2 * H + j]);
				z[o + j] = r;
				z[o + H + j] = u;
				z[o + 2 * H + j] = c;
				hNext[n * H + j] = (1 - u) * c + u * hPrev[n * H + j];
			}
		}
	}

	protected stepBackward(t: number, dh: Float32Array, dhPrev: Float32Array): void {
		const { N } = this;
		const H = this.hiddenSize;
		const G = 3 * H;
		const act = this.zs.subarray(t * N * G, (t + 1) * N * G);
		const a = this.as.subarray(t * N * G, (t + 1) * N * G);
		const dx = this.dzx.subarray(t * N * G, (t + 1) * N * G);
		const da = this.das.subarray(t * N * G, (t + 1) * N * G);
		const hPrev = this.hs.subarray(t * N * H, (t + 1) * N * H);
		for (let n = 0; n < N; n++) {
			const o = n * G;
			for (let j = 0; j < H; j++) {
				const k = n * H + j;
				const r = act[o + j];
				const u = act[o + H + j];
				const c = act[o + 2 * H + j];
				const dzn = dh[k] * (1 - u) * (1 - c * c);
				const dzr = dzn * a[o + 2 * H + j] * r * (1 - r);
				const dzu = dh[k] * (hPrev[k] - c) * u * (1 - u);
				dx[o + j] = da[o + j] = dzr;
				dx[o + H + j] = da[o + H + j] = dzu;
				dx[o + 2 * H + j] = dzn;
				da[o + 2 * H + j] = dzn * r;
				dhPrev[k] = dh[k] * u;
			}
		}
	}

	protected recurrentGrad(t: number): Float32Array {
		const G = 3 * this.hiddenSize;
		return this.das.subarray(t * this.N * G, (t + 1) * this.N * G);
	}

	protected recurrentGradAll(): Float32Array {
		return this.das;
	}

	protected finishBackward(): void {
		const G = 3 * this.hiddenSize;
		const g = this.biasH.grad;
		for (let r = 0; r < this.T * this.N; r++) for (let j = 0; j < G; j++) g[j] += this.das[r * G + j];
	}

	protected traceGates(n: number): Record<string, Float32Array> {
		const G = 3 * this.hiddenSize;
		const out: Record<string, Float32Array> = {};
		GRU_GATES.forEach((name, b) => (out[name] = this.gatherBlock(this.zs, G, b, n)));
		return out;
	}
}
