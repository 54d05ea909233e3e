/** Gaussian noise for the matched-filter and denoising demos. */
import { normal, type Rng } from './random';

/** `length` samples of N(0, sigma²). */
export function gaussianNoise(rng: Rng, length: number, sigma = 1): Float32Array {
	if (!Number.isInteger(length) || length < 0)
		throw new RangeError(`gaussianNoise: length must be an integer >= 0`);
	if (!(sigma >= 0)) throw new RangeError(`gaussianNoise: sigma must be >= 0, got ${sigma}`);
	const out = new Float32Array(length);
	for (let i = 0; i < length; i++) out[i] = sigma * normal(rng);
	return out;
}

/** A copy of `signal` with N(0, sigma²) noise added. */
export function addNoise(rng: Rng, signal: Float32Array, sigma: number): Float32Array {
	const noise = gaussianNoise(rng, signal.length, sigma);
	for (let i = 0; i < signal.length; i++) noise[i] += signal[i];
	return noise;
}

/** Copies `template` (scaled) into a copy of `signal` starting at `at`: the hidden pulse to find. */
export function embed(signal: Float32Array, template: Float32Array, at: number, amplitude = 1): Float32Array {
	if (!Number.isInteger(at) || at < 0 || at + template.length > signal.length) {
		throw new RangeError(
			`embed: at must be an integer in [0, ${signal.length - template.length}] so the template fits, got ${at}`
		);
	}
	const out = signal.slice();
	for (let k = 0; k < template.length; k++) out[at + k] += amplitude * template[k];
	return out;
}
