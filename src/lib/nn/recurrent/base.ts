/**
 * What the plain RNN, the LSTM and the GRU share: sequences `[N, T, D]` in, the last hidden state
 * `[N, H]` (or every step's, `[N, T, H]`) out, backpropagation through time. Inside, everything is
 * time-major (`[T, N, ·]`) so that each step's rows are contiguous: the input projection of all
 * steps is one matrix product, each step adds one `h·Wh` product, and the weight gradients of all
 * steps are again one product each after the backward loop.
 */
import { matmul } from '../matmul';
import { makeParam } from '../tensor';
import type { ForwardContext, Layer, LayerConfig, Param, Tensor } from '../types';
import type { Rng } from '$lib/signal/random';

export interface RecurrentOptions {
	readonly inputSize: number;
	readonly hiddenSize: number;
	/** True: every step's hidden state `[N, T, H]`; false (default): the last one, `[N, H]`. */
	readonly returnSequences?: boolean;
}

/** Per-step values of one sequence of the last forward pass, each `[T, H]` row-major. */
export interface RecurrentTrace {
	readonly steps: number;
	readonly hiddenSize: number;
	readonly hidden: Float32Array;
	/** Gate activations by name (`input`, `forget`, … ) and the LSTM's cell state as `cell`. */
	readonly gates: Readonly<Record<string, Float32Array>>;
}

/** PyTorch's recurrent initialisation: U(−1/√H, 1/√H), from the caller's seeded generator. */
export function initUniform(p: Param, hiddenSize: number, rng: Rng): void {
	const k = 1 / Math.sqrt(hiddenSize);
	for (let i = 0; i < p.value.length; i++) p.value[i] = (2 * rng() - 1) * k;
}

function checkSize(layer: string, name: string, v: unknown): number {
	if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 4096)
		throw new RangeError(`${layer}: ${name} must be an integer in [1, 4096], got ${String(v)}`);
	return v;
}

/** `[N, T, D]` ↔ `[T, N, D]`. */
export function swapBatchTime(src: Float32Array, dst: Float32Array, a: number, b: number, d: number): void {
	for (let i = 0; i < a; i++)
		for (let j = 0; j < b; j++) {
			const from = (i * b + j) * d;
			const to = (j * a + i) * d;
			for (let k = 0; k < d; k++) dst[to + k] = src[from + k];
		}
}

/** Adds each row's values into `sum` (the bias gradient: Σ over all steps and sequences). */
function addColumnSums(rows: Float32Array, count: number, width: number, sum: Float32Array): void {
	for (let r = 0; r < count; r++) {
		const o = r * width;
		for (let j = 0; j < width; j++) sum[j] += rows[o + j];
	}
}

export abstract class RecurrentLayer implements Layer {
	abstract readonly kind: string;
	/** Gate blocks in the stacked weights: 1 (RNN), 4 (LSTM), 3 (GRU). */
	protected abstract readonly blocks: number;
	readonly inputSize: number;
	readonly hiddenSize: number;
	readonly returnSequences: boolean;
	readonly Wx: Param;
	readonly Wh: Param;
	readonly bias: Param;
	/** Set true to keep ‖∂loss/∂h_t‖ of each step (mean over the batch's sequences) in `stepGradNorms`. */
	trackGradients = false;
	stepGradNorms = new Float32Array(0);

	protected N = 0;
	protected T = 0;
	/** Time-major input `[T·N, D]`. */
	protected xs = new Float32Array(0);
	/** Hidden states `[(T+1)·N, H]`, h₀ = 0 first. */
	protected hs = new Float32Array(0);
	/** The input projections, then the subclass's gate activations in place: `[T·N, blocks·H]`. */
	protected zs = new Float32Array(0);
	protected dzx = new Float32Array(0);

	constructor(kind: string, options: RecurrentOptions, blocks: number) {
		if (options === null || typeof options !== 'object')
			throw new TypeError(`${kind}: options must be an object`);
		this.inputSize = checkSize(kind, 'inputSize', options.inputSize);
		this.hiddenSize = checkSize(kind, 'hiddenSize', options.hiddenSize);
		this.returnSequences = options.returnSequences ?? false;
		const H = this.hiddenSize;
		this.Wx = makeParam('Wx', [this.inputSize, blocks * H], true);
		this.Wh = makeParam('Wh', [H, blocks * H], true);
		this.bias = makeParam('bias', [blocks * H], false);
	}

	params(): readonly Param[] {
		return [this.Wx, this.Wh, this.bias];
	}

	config(): LayerConfig {
		const { kind, inputSize, hiddenSize, returnSequences } = this;
		return { kind, inputSize, hiddenSize, returnSequences };
	}

	outputShape(inputShape: readonly number[]): number[] {
		if (inputShape.length !== 3 || inputShape[2] !== this.inputSize)
			throw new RangeError(
				`${this.kind}: input must be [N, T, ${this.inputSize}] (batch, time, features), got [${inputShape.join(', ')}]`
			);
		const [N, T] = inputShape;
		return this.returnSequences ? [N, T, this.hiddenSize] : [N, this.hiddenSize];
	}

	/** Grows the caches when the batch or the length changes (reused otherwise: no garbage per step). */
	protected allocate(N: number, T: number): void {
		const H = this.hiddenSize;
		const G = this.blocks * H;
		if (this.xs.length !== T * N * this.inputSize) this.xs = new Float32Array(T * N * this.inputSize);
		if (this.hs.length !== (T + 1) * N * H) this.hs = new Float32Array((T + 1) * N * H);
		if (this.zs.length !== T * N * G) {
			this.zs = new Float32Array(T * N * G);
			this.dzx = new Float32Array(T * N * G);
		}
		this.N = N;
		this.T = T;
	}

	/** Subclass hook: step t's gates from `zs` rows (input projection + bias already in), h_{t-1} → h_t. */
	protected abstract stepForward(t: number, hPrev: Float32Array, hNext: Float32Array): void;
	/**
	 * Subclass hook: from ∂L/∂h_t (`dh`), write step t's pre-activation gradients into `dzx`
	 * (and its own recurrent buffers), and set `dhPrev` to the direct, non-matrix part of ∂L/∂h_{t-1}
	 * (`stepBackwardRecurrent` then adds the `·Whᵀ` part).
	 */
	protected abstract stepBackward(t: number, dh: Float32Array, dhPrev: Float32Array): void;
	/** The gradient rows that go through Wh at step t (the LSTM and RNN: the same as `dzx`). */
	protected recurrentGrad(t: number): Float32Array {
		const G = this.blocks * this.hiddenSize;
		return this.dzx.subarray(t * this.N * G, (t + 1) * this.N * G);
	}
	/** Subclass hook: the weight and bias gradients that `RecurrentLayer` does not know about. */
	protected finishBackward(): void {}
	/** Subclass hook: gate activations and extra states for `trace`. */
	protected abstract traceGates(n: number): Record<string, Float32Array>;
	protected abstract resetState(): void;

	forward(input: Tensor, _ctx: ForwardContext): Tensor {
		const [N, T] = input.shape;
		this.outputShape(input.shape);
		if (T < 1 || N < 1) throw new RangeError(`${this.kind}: input needs at least one sequence and one step`);
		if (input.data.length !== N * T * this.inputSize)
			throw new RangeError(`${this.kind}: input data length ${input.data.length} does not match its shape`);
		this.allocate(N, T);
		const D = this.inputSize;
		const H = this.hiddenSize;
		const G = this.blocks * H;
		swapBatchTime(input.data, this.xs, N, T, D);
		matmul(this.xs, this.Wx.value, this.zs, T * N, D, G);
		const b = this.bias.value;
		for (let r = 0; r < T * N; r++) {
			const o = r * G;
			for (let j = 0; j < G; j++) this.zs[o + j] += b[j];
		}
		this.hs.fill(0, 0, N * H);
		this.resetState();
		for (let t = 0; t < T; t++) {
			this.stepForward(
				t,
				this.hs.subarray(t * N * H, (t + 1) * N * H),
				this.hs.subarray((t + 1) * N * H, (t + 2) * N * H)
			);
		}
		if (!this.returnSequences) return { shape: [N, H], data: this.hs.slice(T * N * H) };
		const out = new Float32Array(N * T * H);
		swapBatchTime(this.hs.subarray(N * H), out, T, N, H);
		return { shape: [N, T, H], data: out };
	}

	backward(gradOutput: Tensor): Tensor {
		const { N, T } = this;
		const H = this.hiddenSize;
		const D = this.inputSize;
		const G = this.blocks * H;
		if (T === 0) throw new RangeError(`${this.kind}: backward before forward`);
		const expected = this.returnSequences ? N * T * H : N * H;
		if (gradOutput.data.length !== expected)
			throw new RangeError(
				`${this.kind}: gradOutput must have ${expected} values, got ${gradOutput.data.length}`
			);
		// ∂L/∂h_t from the output, time-major
		let dOut: Float32Array;
		if (this.returnSequences) {
			dOut = new Float32Array(T * N * H);
			swapBatchTime(gradOutput.data, dOut, N, T, H);
		} else dOut = gradOutput.data;
		if (this.trackGradients && this.stepGradNorms.length !== T) this.stepGradNorms = new Float32Array(T);
		const dh = new Float32Array(N * H);
		const dhPrev = new Float32Array(N * H);
		for (let t = T - 1; t >= 0; t--) {
			const fromOut = this.returnSequences ? t * N * H : t === T - 1 ? 0 : -1;
			if (fromOut >= 0) for (let i = 0; i < N * H; i++) dh[i] += dOut[fromOut + i];
			if (this.trackGradients) {
				let sum = 0;
				for (let n = 0; n < N; n++) {
					let s = 0;
					for (let j = n * H; j < (n + 1) * H; j++) s += dh[j] * dh[j];
					sum += Math.sqrt(s);
				}
				this.stepGradNorms[t] = sum / N;
			}
			this.stepBackward(t, dh, dhPrev);
			matmul(this.recurrentGrad(t), this.Wh.value, dhPrev, N, G, H, { transB: true, accumulate: true });
			dh.set(dhPrev);
		}
		// all steps at once: dWx += Xᵀ·dZx, dWh += H_{t-1}ᵀ·dZh, db += Σ dZx
		matmul(this.xs, this.dzx, this.Wx.grad, D, T * N, G, { transA: true, accumulate: true });
		matmul(this.hs, this.recurrentGradAll(), this.Wh.grad, H, T * N, G, { transA: true, accumulate: true });
		addColumnSums(this.dzx, T * N, G, this.bias.grad);
		this.finishBackward();
		const dxs = new Float32Array(T * N * D);
		matmul(this.dzx, this.Wx.value, dxs, T * N, G, D, { transB: true });
		const dx = new Float32Array(N * T * D);
		swapBatchTime(dxs, dx, T, N, D);
		return { shape: [N, T, D], data: dx };
	}

	/** All steps' recurrent gradient rows `[T·N, blocks·H]`. */
	protected recurrentGradAll(): Float32Array {
		return this.dzx;
	}

	/** Hidden states and gates of sequence `n` of the last forward pass, for the heat maps. */
	trace(n = 0): RecurrentTrace {
		const { N, T } = this;
		const H = this.hiddenSize;
		if (T === 0) throw new RangeError(`${this.kind}: trace before forward`);
		if (!Number.isInteger(n) || n < 0 || n >= N)
			throw new RangeError(`${this.kind}: trace index must be in [0, ${N - 1}], got ${n}`);
		const hidden = new Float32Array(T * H);
		for (let t = 0; t < T; t++)
			hidden.set(this.hs.subarray(((t + 1) * N + n) * H, ((t + 1) * N + n + 1) * H), t * H);
		return { steps: T, hiddenSize: H, hidden, gates: this.traceGates(n) };
	}

	/** Block `block` of the stacked activations in `buf` (`[T·N, width]`) for sequence n, as `[T, H]`. */
	protected gatherBlock(buf: Float32Array, width: number, block: number, n: number): Float32Array {
		const { N, T } = this;
		const H = this.hiddenSize;
		const out = new Float32Array(T * H);
		for (let t = 0; t < T; t++) {
			const o = (t * N + n) * width + block * H;
			out.set(buf.subarray(o, o + H), t * H);
		}
		return out;
	}
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
