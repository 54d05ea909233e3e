import { clamp } from '$lib/viz/plot';
import { snapNumber, type NumberSpec, type ParamReader, type ParamValue } from '$lib/deck/params';
import { Player, readSpeed } from '$lib/components/player.svelte';
import { readSignalParam, signalParam, storageKey } from '$lib/components/stored-signal';
import {
	hiddenAt,
	hiddenSignal,
	LENGTH_RANGE,
	makeTemplate,
	MAX_SIGNAL,
	SIGNAL_LENGTHS,
	SLUG,
	SNR_RANGE,
	TEMPLATE_NAMES,
	THRESHOLD_RANGE,
	type TemplateName
} from './functions';

const MAX_SEED = 2 ** 31 - 1;
/** SNR in steps of 0.1 dB and the threshold in thousandths: what the link writes, so what it reopens. */
export const SNR_SPEC: NumberSpec = { min: SNR_RANGE[0], max: SNR_RANGE[1], fallback: 0, step: 0.1 };
export const THRESHOLD_SPEC: NumberSpec = {
	min: THRESHOLD_RANGE[0],
	max: THRESHOLD_RANGE[1],
	fallback: 0.6,
	step: 0.001
};

/** The matched-filter demo's settings; the signal and template are derived from them. */
export class MatchedFilterModel {
	templateName = $state<TemplateName>('barker');
	templateLength = $state(64);
	signalLength = $state(1024);
	snrDb = $state(0);
	seed = $state(1);
	/** Where the filter's first tap sits on the signal (the output index it produces). */
	position = $state(0);
	/** 1 = a perfect match: Pearson r for the normalised output, the template's energy for the raw one. */
	threshold = $state(0.6);
	normalized = $state(false);
	/** A pasted signal replaces the generated one. */
	custom = $state.raw<Float32Array | null>(null);
	linkProblem = $state<string | null>(null);
	/** 16 ticks a second of N/400 samples each (4 per "step"): a sweep takes 25 s at 1×, moving every few frames. */
	readonly player = new Player(() => this.advance(), { ticksPerSecond: 16, ticksPerStep: 4 });

	readonly template = $derived(makeTemplate(this.templateName, this.templateLength));
	readonly signal = $derived(
		this.custom ?? hiddenSignal(this.template, this.signalLength, this.snrDb, this.seed)
	);
	/** Where the pattern really is; null for a pasted signal (nobody told us). */
	readonly hidden = $derived(
		this.custom ? null : hiddenAt(this.seed, this.signalLength, this.template.length)
	);
	readonly lastPosition = $derived(Math.max(0, this.signal.length - this.template.length));

	constructor(params: ParamReader) {
		this.templateName = params.choice('tpl', TEMPLATE_NAMES, 'barker');
		this.templateLength = params.number('len', {
			min: LENGTH_RANGE[0],
			max: LENGTH_RANGE[1],
			fallback: 64,
			integer: true
		});
		const n = params.number('n', { min: SIGNAL_LENGTHS[0], max: MAX_SIGNAL, fallback: 1024, integer: true });
		this.signalLength = n;
		this.snrDb = params.number('snr', SNR_SPEC);
		this.seed = params.number('seed', { min: 0, max: MAX_SEED, fallback: 1, integer: true });
		this.threshold = params.number('thr', THRESHOLD_SPEC);
		this.normalized = params.boolean('norm', false);
		this.player.speed = readSpeed(params);
		const custom = readSignalParam(params, 'x', storageKey(SLUG, 'x'), MAX_SIGNAL);
		if (custom.values) this.linkProblem = this.setCustom(custom.values);
		else this.linkProblem = custom.problem;
		const fallback = this.openingPosition();
		this.position = params.number('p', { min: 0, max: this.lastPosition, fallback, integer: true });
	}

	/**
	 * Where the filter starts without a link: a quarter of the way in, so the "slide along" step
	 * opens with some output already drawn, but short of the hidden pattern so its peak is not
	 * given away before the class has dragged there.
	 */
	openingPosition(): number {
		const quarter = Math.round(this.lastPosition / 4);
		if (this.hidden === null) return quarter;
		return Math.min(quarter, Math.max(0, this.hidden - this.template.length));
	}

	setPosition(p: number): void {
		this.position = clamp(Math.round(p), 0, this.lastPosition);
	}

	/** About 400 ticks sweep the whole signal, whatever its length. */
	advance(): boolean {
		if (this.position >= this.lastPosition) return false;
		this.setPosition(this.position + Math.max(1, Math.round(this.signal.length / 400)));
		return true;
	}

	newNoise(): void {
		this.seed = (this.seed + 1) % (MAX_SEED + 1);
	}

	setThreshold(t: number): void {
		if (Number.isFinite(t)) this.threshold = snapNumber(t, THRESHOLD_SPEC);
	}

	setSnr(db: number): void {
		if (Number.isFinite(db)) this.snrDb = snapNumber(db, SNR_SPEC);
	}

	setTemplate(name: TemplateName, length = this.templateLength): void {
		const fitted = clamp(Math.round(length), LENGTH_RANGE[0], LENGTH_RANGE[1]);
		if (this.custom && makeTemplate(name, fitted).length > this.custom.length) return;
		this.templateName = name;
		this.templateLength = fitted;
		this.setPosition(this.position);
	}

	setSignalLength(n: number): void {
		this.signalLength = clamp(Math.round(n), SIGNAL_LENGTHS[0], MAX_SIGNAL);
		this.setPosition(this.position);
	}

	/** Uses a pasted signal; returns why not when it is shorter than the template. */
	setCustom(values: Float32Array): string | null {
		if (values.length < this.template.length) {
			return `The signal has ${values.length} values but the template has ${this.template.length}: it must be at least as long.`;
		}
		this.custom = values;
		this.linkProblem = null;
		this.setPosition(this.position);
		return null;
	}

	/** Back to generated noise with the hidden pattern. */
	clearCustom(): void {
		this.custom = null;
		this.setPosition(this.position);
	}

	toParams(): Record<string, ParamValue> {
		return {
			tpl: this.templateName,
			len: this.templateLength,
			n: this.signalLength,
			snr: this.snrDb,
			seed: this.seed,
			p: this.position,
			thr: this.threshold,
			norm: this.normalized,
			speed: this.player.speed,
			x: signalParam(this.custom, storageKey(SLUG, 'x'))
		};
	}
}
