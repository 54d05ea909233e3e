import type { ParamReader, ParamValue } from '$lib/deck/params';
import { gridParam, readGridParam, snapValue } from '$lib/components/grid-param';
import {
	BIAS_SPEC,
	block,
	defaultWeights,
	MAX_CHANNELS,
	MAX_FILTERS,
	seededStack,
	SIDE,
	WEIGHT_SPEC,
	withBlock
} from './functions';

const MAX_SEED = 2 ** 31 - 1;
const PIXELS = SIDE * SIDE;

/** The 1×1 convolution demo's settings: K, F, the weights and biases, the map's seed, the focused pixel and filter. */
export class Conv1x1Model {
	channels = $state(4);
	filters = $state(2);
	seed = $state(5);
	/** Weights for up to MAX_FILTERS × MAX_CHANNELS; the layer uses the top-left F × K block. */
	weightBuffer = $state.raw<Float32Array>(defaultWeights());
	biasBuffer = $state.raw<Float32Array>(new Float32Array(MAX_FILTERS));
	/** The focused pixel (y·SIDE + x) and filter. */
	pixel = $state(12);
	filter = $state(0);
	linkProblem = $state<string | null>(null);

	readonly stack = $derived(seededStack(this.seed).slice(0, this.channels * PIXELS));
	readonly weights = $derived(block(this.weightBuffer, MAX_CHANNELS, this.filters, this.channels));
	readonly bias = $derived(this.biasBuffer.slice(0, this.filters));
	/** The focused filter's K weights. */
	readonly filterWeights = $derived(
		this.weights.slice(this.filter * this.channels, (this.filter + 1) * this.channels)
	);

	constructor(params: ParamReader) {
		const int = (name: string, max: number, fallback: number, min = 1) =>
			params.number(name, { min, max, fallback, integer: true });
		this.channels = int('k', MAX_CHANNELS, 4, 2);
		this.filters = int('f', MAX_FILTERS, 2);
		this.seed = int('seed', MAX_SEED, 5, 0);
		this.pixel = int('px', PIXELS - 1, 12, 0);
		this.filter = int('filter', this.filters - 1, 0, 0);
		const w = readGridParam(params, 'w', { length: this.filters * this.channels, ...WEIGHT_SPEC });
		const b = readGridParam(params, 'b', { length: this.filters, ...BIAS_SPEC });
		if (w.values)
			this.weightBuffer = withBlock(this.weightBuffer, MAX_CHANNELS, this.filters, this.channels, w.values);
		if (b.values) this.biasBuffer = withBlock(this.biasBuffer, MAX_FILTERS, 1, this.filters, b.values);
		this.linkProblem = w.problem ?? b.problem;
	}

	setChannels(k: number): void {
		this.channels = Math.round(Math.min(MAX_CHANNELS, Math.max(2, k)));
	}

	setFilters(f: number): void {
		this.filters = Math.round(Math.min(MAX_FILTERS, Math.max(1, f)));
		this.filter = Math.min(this.filter, this.filters - 1);
	}

	setFilter(f: number): void {
		if (Number.isInteger(f) && f >= 0 && f < this.filters) this.filter = f;
	}

	setPixel(i: number): void {
		if (Number.isInteger(i) && i >= 0 && i < PIXELS) this.pixel = i;
	}

	/** Moves the focused pixel by (dx, dy) (up is −y on screen). */
	movePixel(dx: number, dy: number): void {
		const y = Math.min(SIDE - 1, Math.max(0, Math.floor(this.pixel / SIDE) - dy));
		const x = Math.min(SIDE - 1, Math.max(0, (this.pixel % SIDE) + dx));
		this.pixel = y * SIDE + x;
	}

	/** Weight of the focused filter on channel c. */
	setWeight(c: number, value: number): void {
		if (!Number.isFinite(value) || c < 0 || c >= this.channels) return;
		const next = this.weightBuffer.slice();
		next[this.filter * MAX_CHANNELS + c] = snapValue(value, WEIGHT_SPEC);
		this.weightBuffer = next;
		this.linkProblem = null;
	}

	setBias(value: number): void {
		if (!Number.isFinite(value)) return;
		const next = this.biasBuffer.slice();
		next[this.filter] = snapValue(value, BIAS_SPEC);
		this.biasBuffer = next;
		this.linkProblem = null;
	}

	newMaps(): void {
		this.seed = this.seed >= MAX_SEED ? 0 : this.seed + 1;
	}

	toParams(): Record<string, ParamValue> {
		return {
			k: this.channels,
			f: this.filters,
			w: gridParam(this.weights),
			b: gridParam(this.bias),
			seed: this.seed,
			px: this.pixel,
			filter: this.filter
		};
	}
}
