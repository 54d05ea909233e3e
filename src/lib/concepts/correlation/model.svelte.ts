import { clamp } from '$lib/viz/plot';
import type { ParamReader, ParamValue } from '$lib/deck/params';
import { MAX_TAPS, TAP_RANGE, withTap, withTapAdded, withTapRemoved } from '../discrete-convolution/taps';
import { formatSignal } from '$lib/components/parse-signal';
import { readSignalParam } from '$lib/components/stored-signal';
import { lastShift } from '../discrete-convolution/functions';
import { DEFAULT_SIGNAL, MAX_SIGNAL, presetOf, PRESETS, type PresetName } from './functions';

/** The correlation demo's settings: one signal, one kernel, one shift shared by both panels. */
export class CorrelationModel {
	x = $state.raw<Float32Array>(new Float32Array(DEFAULT_SIGNAL));
	h = $state.raw<Float32Array>(new Float32Array(PRESETS.asymmetric));
	n = $state(5);
	linkProblem = $state<string | null>(null);

	constructor(params: ParamReader) {
		const x = readSignalParam(params, 'x', '', MAX_SIGNAL);
		const h = readSignalParam(params, 'h', '', MAX_TAPS);
		if (x.values) this.x = x.values;
		if (h.values) this.h = h.values.map((v) => clamp(v, TAP_RANGE[0], TAP_RANGE[1]));
		this.linkProblem = x.problem ?? h.problem;
		this.n = params.number('n', { min: 0, max: this.lastShift, fallback: 5, integer: true });
	}

	get lastShift(): number {
		return lastShift(this.x.length, this.h.length);
	}

	setShift(n: number): void {
		this.n = clamp(Math.round(n), 0, this.lastShift);
	}

	/** A step's kernel, unless the user has typed one of their own: that is never overwritten. */
	showPreset(name: PresetName | null): void {
		if (name === null || presetOf(this.h) === null) return;
		this.h = new Float32Array(PRESETS[name]);
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
		return { x: formatSignal(this.x), h: formatSignal(this.h), n: this.n };
	}
}
