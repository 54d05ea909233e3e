import type { ParamReader, ParamValue } from '$lib/deck/params';

export const X_RANGE = [-6, 6] as const;
export const ALPHA_RANGE = [0, 0.5] as const;

/** The activations demo's settings: the probe position x and leaky ReLU's slope α. */
export class ActivationsModel {
	x = $state(1.5);
	alpha = $state(0.1);

	constructor(params: ParamReader) {
		this.x = params.number('x', { min: X_RANGE[0], max: X_RANGE[1], fallback: 1.5 });
		this.alpha = params.number('alpha', { min: ALPHA_RANGE[0], max: ALPHA_RANGE[1], fallback: 0.1 });
	}

	/** What goes into the URL; rounded so the link stays short. */
	toParams(): Record<string, ParamValue> {
		return { x: Math.round(this.x * 100) / 100, alpha: Math.round(this.alpha * 1000) / 1000 };
	}
}
