/**
 * "Detect": does a noisy sequence contain the template? The matched-filter concept's question asked
 * of a recurrent net. Half the sequences hold the template at a random position; the noise is set by
 * the matched filter's SNR rule (template power over noise power, in dB), so the same slider means
 * the same thing on both pages. `matchedFilterAccuracy` answers with the kernel set's matched filter.
 */
import { barkerCode, box, chirp, sample } from '$lib/signal/pulses';
import { createRng, normal } from '$lib/signal/random';
import { checkCount, checkInteger, checkNumber, type SequenceData, type SequenceTask } from './types';

export interface DetectOptions {
	readonly length?: number;
	readonly snrDb?: number;
	readonly template?: TemplateName;
	readonly templateLength?: number;
}

export type TemplateName = 'pulse' | 'chirp' | 'barker';

/** The matched-filter concept's templates (Barker-13 holds each chip a whole number of samples). */
export function detectTemplate(name: TemplateName, length: number): Float32Array {
	if (name === 'barker') return barkerCode(Math.max(1, Math.round(length / 13)));
	if (name === 'chirp') return sample(chirp(1, 8), length);
	return sample(box, length);
}

/** The matched filter's SNR rule: noise σ = rms(template)·10^(−SNR/20). */
export function detectNoiseSigma(template: Float32Array, snrDb: number): number {
	let e = 0;
	for (const v of template) e += v * v;
	return Math.sqrt(e / template.length) * 10 ** (-snrDb / 20);
}

export const DETECT_DEFAULTS = { length: 32, snrDb: 3, template: 'barker', templateLength: 13 } as const;

export class DetectTask implements SequenceTask {
	readonly name = 'detect';
	readonly kind = 'classification';
	readonly inputSize = 1;
	readonly outputSize = 2;
	readonly length: number;
	readonly snrDb: number;
	readonly template: Float32Array;
	readonly templateName: TemplateName;

	constructor(options: DetectOptions = {}) {
		const o = { ...DETECT_DEFAULTS, ...options };
		this.templateName = o.template;
		if (!['pulse', 'chirp', 'barker'].includes(o.template))
			throw new RangeError(`detect: template must be pulse, chirp or barker, got ${String(o.template)}`);
		this.template = detectTemplate(
			o.template,
			checkInteger('detect', 'templateLength', o.templateLength, 2, 64)
		);
		this.length = checkInteger('detect', 'length', o.length, this.template.length, 400);
		this.snrDb = checkNumber('detect', 'snrDb', o.snrDb, -20, 20);
	}

	generate(count: number, seed: number): SequenceData {
		checkCount('detect', count);
		const T = this.length;
		const m = this.template.length;
		const sigma = detectNoiseSigma(this.template, this.snrDb);
		const rng = createRng(seed);
		const inputs = new Float32Array(count * T);
		const labels = new Int32Array(count);
		for (let n = 0; n < count; n++) {
			const row = n * T;
			for (let t = 0; t < T; t++) inputs[row + t] = sigma * normal(rng);
			labels[n] = rng() < 0.5 ? 1 : 0;
			const at = Math.floor(rng() * (T - m + 1));
			if (labels[n] === 1) for (let k = 0; k < m; k++) inputs[row + at + k] += this.template[k];
		}
		return { inputs, shape: [count, T, 1], labels };
	}
}

type MatchedFilter = (signal: Float32Array, template: Float32Array) => { output: Float32Array };

/** Each sequence's matched-filter peak (max of the valid correlation with the template). */
export function matchedFilterPeaks(
	task: DetectTask,
	data: SequenceData,
	filter: MatchedFilter
): Float32Array {
	const [N, T] = data.shape;
	const peaks = new Float32Array(N);
	for (let n = 0; n < N; n++) {
		const out = filter(data.inputs.subarray(n * T, (n + 1) * T), task.template).output;
		let best = -Infinity;
		for (const v of out) best = Math.max(best, v);
		peaks[n] = best;
	}
	return peaks;
}

/** The threshold on the peak that classifies `labels` best (midpoints between sorted peaks). */
export function bestThreshold(peaks: Float32Array, labels: Int32Array): number {
	const order = Array.from(peaks.keys()).sort((a, b) => peaks[a] - peaks[b]);
	let positives = labels.reduce((s, l) => s + l, 0);
	// threshold below everything: every sequence called "present"
	let correct = positives;
	let best = correct;
	let threshold = peaks[order[0]] - 1;
	for (let i = 0; i < order.length; i++) {
		correct += labels[order[i]] === 1 ? -1 : 1;
		positives -= labels[order[i]];
		if (correct > best) {
			best = correct;
			threshold = i + 1 < order.length ? (peaks[order[i]] + peaks[order[i + 1]]) / 2 : peaks[order[i]] + 1;
		}
	}
	return threshold;
}

/** Fraction of sequences where "peak ≥ threshold" equals the label. */
export function thresholdAccuracy(peaks: Float32Array, labels: Int32Array, threshold: number): number {
	let right = 0;
	for (let n = 0; n < peaks.length; n++) if ((peaks[n] >= threshold ? 1 : 0) === labels[n]) right++;
	return right / peaks.length;
}
