/**
 * One detector, three ways to wire it: a dense layer (a neuron per output location, each seeing
 * the whole input), a locally connected layer (a neuron per location, each seeing only its k×k
 * window) and a convolution (one k×k filter shared by every location). Same outputs, very
 * different parameter counts. Output sizes come from the kernels' rule (kernels/shape.ts).
 */
import { convOutputSize } from '$lib/kernels/shape';
import { createRng, type Rng } from '$lib/signal/random';

export interface LayerSizes {
	/** Square input side. */
	readonly size: number;
	readonly channels: number;
	/** Square filter side. */
	readonly kernel: number;
	/** Detectors (output channels). */
	readonly filters: number;
}

/** The deck's layer: 100×100 input, one 3×3 filter, 98×98 output. */
export const DECK_SIZES: LayerSizes = { size: 100, channels: 1, kernel: 3, filters: 1 };

export const LIMITS = {
	size: [3, 512],
	channels: [1, 512],
	kernel: [1, 15],
	filters: [1, 512]
} as const satisfies Record<keyof LayerSizes, readonly [number, number]>;

export type Wiring = 'dense' | 'local' | 'conv';
export const WIRINGS: readonly Wiring[] = ['dense', 'local', 'conv'];

export interface Count {
	readonly weights: number;
	readonly biases: number;
	readonly total: number;
	/** How the weights are counted, in the deck's symbols. */
	readonly formula: string;
}

export function validateSizes(s: LayerSizes): void {
	for (const key of ['size', 'channels', 'kernel', 'filters'] as const) {
		const [lo, hi] = LIMITS[key];
		if (!Number.isInteger(s[key]) || s[key] < lo || s[key] > hi) {
			throw new RangeError(`parameterCount: ${key} must be a whole number in ${lo}…${hi}, got ${s[key]}`);
		}
	}
	if (s.kernel > s.size) {
		throw new RangeError(`parameterCount: kernel (${s.kernel}) must not be larger than size (${s.size})`);
	}
}

/** Output side with no padding and stride 1: size − kernel + 1. */
export function outputSide(s: LayerSizes): number {
	validateSizes(s);
	return convOutputSize(s.size, s.kernel, 1, 0);
}

/** Parameters of one detector layer wired as `wiring`; one bias per neuron (dense, local) or per filter (conv). */
export function parameterCount(s: LayerSizes, wiring: Wiring): Count {
	const out = outputSide(s);
	const { size: n, channels: c, kernel: k, filters: f } = s;
	const neurons = out * out * f;
	if (wiring === 'dense') {
		const weights = n * n * c * neurons;
		return {
			weights,
			biases: neurons,
			total: weights + neurons,
			formula: `${n}·${n}·${c} · ${out}·${out}·${f}`
		};
	}
	if (wiring === 'local') {
		const weights = k * k * c * neurons;
		return {
			weights,
			biases: neurons,
			total: weights + neurons,
			formula: `${k}·${k}·${c} · ${out}·${out}·${f}`
		};
	}
	const weights = k * k * c * f;
	return { weights, biases: f, total: weights + f, formula: `${k}·${k}·${c} · ${f}` };
}

/** Bytes for `count` float32 numbers, in words (B, kB, MB, GB; powers of 1000). */
export function float32Bytes(count: number): string {
	const bytes = count * 4;
	const units = ['B', 'kB', 'MB', 'GB', 'TB'];
	let i = 0;
	let v = bytes;
	while (v >= 1000 && i < units.length - 1) {
		v /= 1000;
		i++;
	}
	return `${i === 0 ? v : Number(v.toPrecision(3))} ${units[i]}`;
}

/** The picture's small input: a few locations of a k×k window on it. */
export const DEMO_SIZE = 6;

/** Window top-left corners shown in the picture: three spread-out locations. */
export function demoLocations(kernel: number): readonly [number, number][] {
	const last = DEMO_SIZE - kernel;
	return [
		[0, 0],
		[Math.floor(last / 2), last],
		[last, Math.floor(last / 3)]
	];
}

/**
 * One side×side weight grid per location (values in tenths, −0.9…0.9): `shared` gives the same
 * grid at every location (a convolution), otherwise each location draws its own (a neuron each).
 */
export function demoWeights(side: number, count: number, shared: boolean, seed = 3): Float32Array[] {
	const rng: Rng = createRng(seed);
	const draw = () => {
		const w = new Float32Array(side * side);
		for (let i = 0; i < w.length; i++) w[i] = Math.round((rng() * 2 - 1) * 9) / 10;
		return w;
	};
	if (!shared) return Array.from({ length: count }, draw);
	const one = draw();
	return Array.from({ length: count }, () => one);
}

/** A count with thin-space thousands: 96 040 000. */
export function formatCount(n: number): string {
	return Math.round(n).toLocaleString('en-US').replaceAll(',', '\u2009');
}
