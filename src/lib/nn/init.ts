/** Seeded parameter initialisation (He for ReLU layers, Xavier/Glorot for tanh and sigmoid). */
import { normal, type Rng } from '$lib/signal/random';

export type InitKind = 'he' | 'xavier' | 'zeros';

/** He normal: N(0, 2/fanIn), so ReLU layers keep the activations' variance. */
export function heNormal(out: Float32Array, fanIn: number, rng: Rng): Float32Array {
	const std = Math.sqrt(2 / fanIn);
	for (let i = 0; i < out.length; i++) out[i] = std * normal(rng);
	return out;
}

/** Xavier uniform: U(±√(6/(fanIn+fanOut))). */
export function xavierUniform(out: Float32Array, fanIn: number, fanOut: number, rng: Rng): Float32Array {
	const limit = Math.sqrt(6 / (fanIn + fanOut));
	for (let i = 0; i < out.length; i++) out[i] = limit * (2 * rng() - 1);
	return out;
}

export function initWeights(
	out: Float32Array,
	kind: InitKind,
	fanIn: number,
	fanOut: number,
	rng: Rng
): Float32Array {
	if (kind === 'he') return heNormal(out, fanIn, rng);
	if (kind === 'xavier') return xavierUniform(out, fanIn, fanOut, rng);
	if (kind === 'zeros') return out.fill(0);
	throw new RangeError(`initWeights: kind must be 'he', 'xavier' or 'zeros', got ${String(kind)}`);
}
