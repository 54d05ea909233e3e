import { Player, readSpeed } from '$lib/components/player.svelte';
import type { ParamReader, ParamValue } from '$lib/deck/params';
import { DT, PRESET_NAMES, sampled, snapT, T_RANGE, type PresetName } from './functions';

/** Where t starts: the flipped exponential already overlaps the box, so the product has an area. */
export const DEFAULT_T = 0.6;
/** How far one play tick moves t: one grid step, 40 a second at 1×, so t glides instead of jumping. */
export const T_TICK = DT;
/** "Step once" moves t by 0.2 (ten ticks). */
const TICKS_PER_STEP = 10;

/** The continuous-convolution demo: the two shapes, the shift t and the play speed. */
export class ContinuousConvolutionModel {
	f = $state<PresetName>('box');
	g = $state<PresetName>('exponential');
	t = $state(DEFAULT_T);
	readonly player = new Player(() => this.advance(), { ticksPerSecond: 40, ticksPerStep: TICKS_PER_STEP });

	readonly fSamples = $derived(sampled(this.f));
	readonly gSamples = $derived(sampled(this.g));

	constructor(params: ParamReader) {
		this.f = params.choice('f', PRESET_NAMES, 'box');
		this.g = params.choice('g', PRESET_NAMES, 'exponential');
		this.t = snapT(params.number('t', { min: T_RANGE[0], max: T_RANGE[1], fallback: DEFAULT_T }));
		this.player.speed = readSpeed(params);
	}

	setT(t: number): void {
		this.t = snapT(t);
	}

	/** One play tick: t moves on, wrapping to the start so a sweep can be replayed. */
	advance(): boolean {
		if (this.t >= T_RANGE[1]) {
			this.t = T_RANGE[0];
			return true;
		}
		this.setT(this.t + T_TICK);
		return this.t < T_RANGE[1];
	}

	toParams(): Record<string, ParamValue> {
		return { f: this.f, g: this.g, t: this.t, speed: this.player.speed };
	}
}
