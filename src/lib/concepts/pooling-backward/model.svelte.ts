import type { ParamReader, ParamValue } from '$lib/deck/params';
import { gridParam, readGridParam, snapValue } from '$lib/components/grid-param';
import {
	CELLS,
	DEFAULT_GRADIENT,
	DEFAULT_INPUT,
	outputSide,
	seededIntegers,
	SIDE,
	SIZE_RANGE,
	STRIDE_RANGE,
	topLeft,
	VALUE_SPEC,
	withTopLeft
} from './functions';
import type { StepPreset } from './steps';

const MAX_SEED = 2 ** 31 - 1;

/** Which cell the class is looking at: an output cell (its window) or an input cell (its windows). */
export interface Focus {
	readonly side: 'out' | 'in';
	readonly index: number;
}

/** "o4" / "i13" in the link. */
export function parseFocus(text: string, outCells: number): Focus | null {
	const m = /^([oi])(\d{1,3})$/.exec(text);
	if (!m) return null;
	const side = m[1] === 'o' ? 'out' : 'in';
	const index = Number(m[2]);
	return index < (side === 'out' ? outCells : CELLS) ? { side, index } : null;
}

/** The max-pool backward demo's settings: the map, the upstream gradient, the pool and the focused cell. */
export class PoolingBackwardModel {
	input = $state.raw<Float32Array>(new Float32Array(DEFAULT_INPUT));
	/** Upstream gradients for the largest output; the pool uses its top-left outSide² block. */
	gradientBuffer = $state.raw<Float32Array>(new Float32Array(DEFAULT_GRADIENT));
	size = $state(2);
	stride = $state(2);
	seed = $state(1);
	focus = $state<Focus>({ side: 'out', index: 1 });
	/** Why a grid in the link was not used, if one was not. */
	linkProblem = $state<string | null>(null);

	readonly outSide = $derived(outputSide({ size: this.size, stride: this.stride }));
	readonly gradient = $derived(topLeft(this.gradientBuffer, this.outSide));

	/** Settings from the link; what the link leaves out comes from the opening step's preset. */
	constructor(params: ParamReader, preset?: StepPreset) {
		const int = (name: string, [min, max]: readonly [number, number], fallback: number) =>
			params.number(name, { min, max, fallback, integer: true });
		this.size = int('size', SIZE_RANGE, preset?.size ?? 2);
		this.stride = int('stride', STRIDE_RANGE, preset?.stride ?? 2);
		this.seed = int('seed', [0, MAX_SEED], 1);
		const x = readGridParam(params, 'x', { length: CELLS, ...VALUE_SPEC });
		const g = readGridParam(params, 'g', { length: this.outSide ** 2, ...VALUE_SPEC });
		if (x.values) this.input = x.values;
		if (g.values) this.gradientBuffer = withTopLeft(this.gradientBuffer, g.values, this.outSide);
		this.linkProblem = x.problem ?? g.problem;
		const focus = params.string('focus', '');
		const fromLink = parseFocus(focus, this.outSide ** 2);
		if (focus !== '' && fromLink === null) this.linkProblem ??= `focus="${focus}" names no cell of this view`;
		this.focus = fromLink ?? parseFocus(preset?.focus ?? '', this.outSide ** 2) ?? { side: 'out', index: 0 };
	}

	/** What a step opens with: its pool and its focused cell. */
	applyPreset(preset: StepPreset): void {
		this.setPool(preset.size, preset.stride);
		this.focus = parseFocus(preset.focus, this.outSide ** 2) ?? this.focus;
	}

	setPool(size: number, stride: number): void {
		this.size = Math.round(Math.min(SIZE_RANGE[1], Math.max(SIZE_RANGE[0], size)));
		this.stride = Math.round(Math.min(STRIDE_RANGE[1], Math.max(STRIDE_RANGE[0], stride)));
		if (this.focus.side === 'out' && this.focus.index >= this.outSide ** 2)
			this.focus = { side: 'out', index: this.outSide ** 2 - 1 };
	}

	setFocus(side: Focus['side'], index: number): void {
		const cells = side === 'out' ? this.outSide ** 2 : CELLS;
		if (Number.isInteger(index) && index >= 0 && index < cells) this.focus = { side, index };
	}

	/** Moves the focus by (dx, dy) cells inside its own grid (up is −y on screen). */
	moveFocus(dx: number, dy: number): void {
		const side = this.focus.side === 'out' ? this.outSide : SIDE;
		const clampTo = (v: number) => Math.min(side - 1, Math.max(0, v));
		const y = clampTo(Math.floor(this.focus.index / side) - dy);
		const x = clampTo((this.focus.index % side) + dx);
		this.focus = { side: this.focus.side, index: y * side + x };
	}

	setInput(i: number, value: number): void {
		if (!Number.isFinite(value) || i < 0 || i >= CELLS) return;
		const next = this.input.slice();
		next[i] = snapValue(value, VALUE_SPEC);
		this.input = next;
		this.linkProblem = null;
	}

	/** Sets upstream gradient `o` (an index into the visible outSide × outSide map). */
	setGradient(o: number, value: number): void {
		if (!Number.isFinite(value) || o < 0 || o >= this.outSide ** 2) return;
		const i = Math.floor(o / this.outSide) * SIDE + (o % this.outSide);
		const next = this.gradientBuffer.slice();
		next[i] = snapValue(value, VALUE_SPEC);
		this.gradientBuffer = next;
		this.linkProblem = null;
	}

	/**
	 * A key typed while a cell is selected: a digit sets x or ∂L/∂y there (keeping its sign), − flips
	 * the sign. ∂L/∂y is editable only while it is shown. True when the key was used.
	 */
	typeKey(key: string, gradientShown: boolean): boolean {
		const { side, index } = this.focus;
		if (side === 'out' && !gradientShown) return false;
		const current = side === 'in' ? this.input[index] : this.gradient[index];
		let value: number;
		if (/^[0-9]$/.test(key)) value = (current < 0 ? -1 : 1) * Number(key);
		else if (key === '-') value = -current;
		else return false;
		if (side === 'in') this.setInput(index, value);
		else this.setGradient(index, value);
		return true;
	}

	/** A fresh seeded map (0…9, so ties happen) and fresh upstream gradients (−3…3). */
	newNumbers(): void {
		this.seed = this.seed >= MAX_SEED ? 0 : this.seed + 1;
		this.input = seededIntegers(this.seed, CELLS, 0, 9);
		this.gradientBuffer = seededIntegers(this.seed + 0x9e37, CELLS, -3, 3);
		this.linkProblem = null;
	}

	toParams(): Record<string, ParamValue> {
		return {
			size: this.size,
			stride: this.stride,
			x: gridParam(this.input),
			g: gridParam(this.gradient),
			seed: this.seed,
			focus: `${this.focus.side === 'out' ? 'o' : 'i'}${this.focus.index}`
		};
	}
}
