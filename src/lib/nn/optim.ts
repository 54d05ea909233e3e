/**
 * Optimisers (SGD, momentum, Adam) with L2 weight decay on `decay` parameters only, a learning-rate
 * schedule, and gradient clipping by global norm. An optimiser keeps its per-parameter state keyed
 * by the Param object, so the same model can be handed a fresh optimiser at any time.
 */
import type { Param } from './types';

export type OptimizerKind = 'sgd' | 'momentum' | 'adam';

/** Learning-rate multiplier as a function of the step number (0-based). */
export type Schedule = (step: number) => number;

export const constantSchedule: Schedule = () => 1;

/** Multiply by `factor` every `every` steps. */
export function stepDecay(every: number, factor: number): Schedule {
	if (!Number.isInteger(every) || every < 1)
		throw new RangeError(`stepDecay: every must be a whole number ≥ 1, got ${every}`);
	if (!(factor > 0 && factor <= 1))
		throw new RangeError(`stepDecay: factor must be in (0, 1], got ${factor}`);
	return (t) => factor ** Math.floor(t / every);
}

/** Cosine from 1 down to `floor` over `total` steps, then `floor`. */
export function cosineSchedule(total: number, floor = 0): Schedule {
	if (!Number.isInteger(total) || total < 1)
		throw new RangeError(`cosineSchedule: total must be a whole number ≥ 1, got ${total}`);
	return (t) => (t >= total ? floor : floor + (1 - floor) * 0.5 * (1 + Math.cos((Math.PI * t) / total)));
}

export interface OptimizerOptions {
	kind: OptimizerKind;
	learningRate: number;
	/** L2 coefficient λ: the gradient of decaying params gets + λ·w. Default 0. */
	weightDecay?: number;
	/** Momentum coefficient (momentum) or β₁ (adam). Defaults 0.9. */
	beta1?: number;
	/** Adam's β₂, default 0.999. */
	beta2?: number;
	epsilon?: number;
	schedule?: Schedule;
}

export function checkOptimizerOptions(o: OptimizerOptions): void {
	if (!['sgd', 'momentum', 'adam'].includes(o.kind))
		throw new RangeError(`optimizer: kind must be 'sgd', 'momentum' or 'adam', got ${String(o.kind)}`);
	if (typeof o.learningRate !== 'number' || !Number.isFinite(o.learningRate) || o.learningRate <= 0)
		throw new RangeError(`optimizer: learningRate must be a number > 0, got ${String(o.learningRate)}`);
	const wd = o.weightDecay ?? 0;
	if (typeof wd !== 'number' || !Number.isFinite(wd) || wd < 0)
		throw new RangeError(`optimizer: weightDecay must be a number ≥ 0, got ${String(wd)}`);
	for (const [name, v] of [
		['beta1', o.beta1],
		['beta2', o.beta2]
	] as const)
		if (v !== undefined && !(v >= 0 && v < 1))
			throw new RangeError(`optimizer: ${name} must be in [0, 1), got ${v}`);
}

export class Optimizer {
	readonly opts: Required<Omit<OptimizerOptions, 'schedule'>> & { schedule: Schedule };
	/** Steps taken so far (the schedule's argument and Adam's bias correction). */
	step = 0;
	private readonly m = new Map<Param, Float32Array>();
	private readonly v = new Map<Param, Float32Array>();

	constructor(opts: OptimizerOptions) {
		checkOptimizerOptions(opts);
		this.opts = {
			weightDecay: 0,
			beta1: 0.9,
			beta2: 0.999,
			epsilon: 1e-8,
			schedule: constantSchedule,
			...opts
		};
	}

	/** The learning rate the next update uses. */
	get rate(): number {
		return this.opts.learningRate * this.opts.schedule(this.step);
	}

	/** One update from the accumulated gradients (which it leaves in place). */
	update(params: readonly Param[]): void {
		const { kind, weightDecay: wd, beta1, beta2, epsilon } = this.opts;
		const lr = this.rate;
		this.step++;
		const t = this.step;
		const c1 = 1 - beta1 ** t;
		const c2 = 1 - beta2 ** t;
		for (const p of params) {
			const w = p.value;
			const g = p.grad;
			const l2 = p.decay ? wd : 0;
			if (kind === 'sgd') {
				for (let i = 0; i < w.length; i++) w[i] -= lr * (g[i] + l2 * w[i]);
				continue;
			}
			const m = this.state(this.m, p);
			if (kind === 'momentum') {
				for (let i = 0; i < w.length; i++) {
					m[i] = beta1 * m[i] + (g[i] + l2 * w[i]);
					w[i] -= lr * m[i];
				}
				continue;
			}
			const v = this.state(this.v, p);
			for (let i = 0; i < w.length; i++) {
				const gi = g[i] + l2 * w[i];
				m[i] = beta1 * m[i] + (1 - beta1) * gi;
				v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
				w[i] -= (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + epsilon);
			}
		}
	}

	private state(map: Map<Param, Float32Array>, p: Param): Float32Array {
		let s = map.get(p);
		if (!s) map.set(p, (s = new Float32Array(p.value.length)));
		return s;
	}
}

/** Scales every gradient so their joint L2 norm is at most `maxNorm`; returns the norm before. */
export function clipGradNorm(params: readonly Param[], maxNorm: number): number {
	if (!(maxNorm > 0)) throw new RangeError(`clipGradNorm: maxNorm must be > 0, got ${maxNorm}`);
	let sq = 0;
	for (const p of params) for (let i = 0; i < p.grad.length; i++) sq += p.grad[i] * p.grad[i];
	const norm = Math.sqrt(sq);
	if (norm > maxNorm) {
		const s = maxNorm / norm;
		for (const p of params) for (let i = 0; i < p.grad.length; i++) p.grad[i] *= s;
	}
	return norm;
}
