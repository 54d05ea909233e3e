/**
 * The matched-filter demo's data: a known template hidden in seeded Gaussian noise at a position
 * the class does not see. The filtering itself is the kernel set's `matchedFilter`.
 */
import { barkerCode, chirp, createRng, box, embed, gaussianNoise, sample } from '$lib/signal';

export const SLUG = 'matched-filter';
export type TemplateName = 'pulse' | 'chirp' | 'barker';
export const TEMPLATE_NAMES: readonly TemplateName[] = ['pulse', 'chirp', 'barker'];
export const TEMPLATE_LABELS: Record<TemplateName, string> = {
	pulse: 'Pulse',
	chirp: 'Chirp',
	barker: 'Barker-13'
};
export const LENGTH_RANGE = [13, 256] as const;
export const SIGNAL_LENGTHS = [256, 1024, 4096, 16384, 65536] as const;
export const MAX_SIGNAL = 65_536;
export const SNR_RANGE = [-20, 20] as const;
export const THRESHOLD_RANGE = [0, 1.5] as const;

/** The template with about `length` samples (Barker-13 holds each chip for a whole number of samples). */
export function makeTemplate(name: TemplateName, length: number): Float32Array {
	if (name === 'barker') return barkerCode(Math.max(1, Math.round(length / 13)));
	if (name === 'chirp') return sample(chirp(1, 8), length);
	return sample(box, length);
}

/** Root mean square: √(Σx²/n). */
export function rms(x: Float32Array): number {
	let e = 0;
	for (let i = 0; i < x.length; i++) e += x[i] * x[i];
	return x.length === 0 ? 0 : Math.sqrt(e / x.length);
}

export function energy(x: Float32Array): number {
	let e = 0;
	for (let i = 0; i < x.length; i++) e += x[i] * x[i];
	return e;
}

/**
 * The SNR rule: the noise standard deviation that puts the template's power (mean square) `snrDb`
 * decibels above the noise power, σ = rms(template)·10^(−SNR/20). 0 dB: noise as strong as the pulse.
 */
export function noiseSigma(template: Float32Array, snrDb: number): number {
	return rms(template) * 10 ** (-snrDb / 20);
}

/** Where the template hides: drawn from the seed on its own stream, so the SNR slider never moves it. */
export function hiddenAt(seed: number, signalLength: number, templateLength: number): number {
	const rng = createRng((seed ^ 0x9e3779b9) >>> 0);
	return Math.floor(rng() * (signalLength - templateLength + 1));
}

/** Noise (from `seed`) with the template added at `hiddenAt`. */
export function hiddenSignal(
	template: Float32Array,
	signalLength: number,
	snrDb: number,
	seed: number
): Float32Array {
	const noise = gaussianNoise(createRng(seed), signalLength, noiseSigma(template, snrDb));
	return embed(noise, template, hiddenAt(seed, signalLength, template.length));
}

/** First index of the maximum (the peak of a filter output the kernel set produced). */
export function argmax(a: Float32Array): number {
	let best = 0;
	for (let i = 1; i < a.length; i++) if (a[i] > a[best]) best = i;
	return best;
}

/** How many separate runs of the output lie at or above the threshold: one means one detection. */
export function crossings(a: Float32Array, threshold: number): number {
	let runs = 0;
	let above = false;
	for (let i = 0; i < a.length; i++) {
		const now = a[i] >= threshold;
		if (now && !above) runs++;
		above = now;
	}
	return runs;
}
