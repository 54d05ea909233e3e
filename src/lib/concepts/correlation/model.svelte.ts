import { clamp } from '$lib/viz/plot';
import type { ParamReader, ParamValue } from '$lib/deck/params';
import { formatSignal } from '$lib/components/parse-signal';
import { readSignalParam } from '$lib/components/stored-signal';
import { lastShift } from '../discrete-convolution/functions';
import {
	DEFAULT_SIGNAL,
	MAX_SIGNAL,
	MAX_TAPS,
	MIN_TAPS,
	presetOf,
	PRESETS,
	TAP_RANGE,
	type PresetName
} from './functions';

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
		if (!Number.isFinite(value) || i < 0 || i >= this.h.length) return;
		const next = this.h.slice();
		next[i] = clamp(value, TAP_RANGE[0], TAP_RANGE[1]);
		this.h = next;
	}

	addTap(): void {
		if (this.h.length >= MAX_TAPS) return;
		const next = new Float32Array(this.h.length + 1);
		next.set(this.h);
		this.h = next;
	}

	removeTap(): void {
		if (this.h.length <= MIN_TAPS) return;
		this.h = this.h.slice(0, -1);
		this.setShift(this.n);
	}

	toParams(): Record<string, ParamValue> {
		return { x: formatSignal(this.x), h: formatSignal(this.h), n: this.n };
	}
}
