import { clamp } from '$lib/viz/plot';
import type { ParamReader, ParamValue } from '$lib/deck/params';
import { MAX_TAPS, TAP_RANGE, withTap, withTapAdded, withTapRemoved } from './taps';
import { formatSignal } from '$lib/components/parse-signal';
import { Player, readSpeed } from '$lib/components/player.svelte';
import { readSignalParam, signalParam, storageKey } from '$lib/components/stored-signal';
import { DEFAULT_KERNEL, DEFAULT_SIGNAL, lastShift, MAX_SIGNAL, SLUG } from './functions';

/** The discrete-convolution demo's settings: signal x, kernel h, the shift n and the play speed. */
export class DiscreteConvolutionModel {
	x = $state.raw<Float32Array>(new Float32Array(DEFAULT_SIGNAL));
	h = $state.raw<Float32Array>(new Float32Array(DEFAULT_KERNEL));
	n = $state(2);
	/** Why a signal in the link was not used (shown beside the field). */
	linkProblem = $state<string | null>(null);
	readonly player = new Player(() => this.advance());

	constructor(params: ParamReader) {
		const x = readSignalParam(params, 'x', storageKey(SLUG, 'x'), MAX_SIGNAL);
		const h = readSignalParam(params, 'h', storageKey(SLUG, 'h'), MAX_TAPS);
		if (x.values) this.x = x.values;
		if (h.values) this.h = h.values.map((v) => clamp(v, TAP_RANGE[0], TAP_RANGE[1]));
		this.linkProblem = x.problem ?? h.problem;
		this.n = params.number('n', { min: 0, max: this.lastShift, fallback: 2, integer: true });
		this.player.speed = readSpeed(params);
	}

	get lastShift(): number {
		return lastShift(this.x.length, this.h.length);
	}

	setShift(n: number): void {
		this.n = clamp(Math.round(n), 0, this.lastShift);
	}

	/** One shift further; false (and no change) at the end of the output. */
	advance(): boolean {
		if (this.n >= this.lastShift) return false;
		this.n += 1;
		return true;
	}

	setSignal(values: Float32Array): void {
		this.x = values;
		this.linkProblem = null;
		this.setShift(this.n);
	}

	setTap(i: number, value: number): void {
		this.h = withTap(this.h, i, value);
	}

	addTap(): void {
		this.h = withTapAdded(this.h);
	}

	removeTap(): void {
		this.h = withTapRemoved(this.h);
		this.setShift(this.n);
	}

	toParams(): Record<string, ParamValue> {
		return {
			x: signalParam(this.x, storageKey(SLUG, 'x')),
			h: formatSignal(this.h),
			n: this.n,
			speed: this.player.speed
		};
	}
}
