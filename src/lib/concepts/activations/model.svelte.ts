import { snapNumber, type NumberSpec, type ParamReader, type ParamValue } from '$lib/deck/params';

export const X_RANGE = [-6, 6] as const;
export const ALPHA_RANGE = [0, 0.5] as const;

/** x is shown and written with two decimals, α with two (the slider's step). */
export const X_SPEC: NumberSpec = { min: X_RANGE[0], max: X_RANGE[1], fallback: 1.5, step: 0.01 };
export const ALPHA_SPEC: NumberSpec = { min: ALPHA_RANGE[0], max: ALPHA_RANGE[1], fallback: 0.1, step: 0.01 };

/**
 * The activations demo's settings: the probe position x and leaky ReLU's slope α. Both are
 * stored snapped to the precision the link writes, so a reopened link shows the same numbers.
 */
export class ActivationsModel {
	#x = $state(X_SPEC.fallback);
	#alpha = $state(ALPHA_SPEC.fallback);

	constructor(params: ParamReader) {
		this.#x = params.number('x', X_SPEC);
		this.#alpha = params.number('alpha', ALPHA_SPEC);
	}

	get x(): number {
		return this.#x;
	}
	set x(value: number) {
		if (Number.isFinite(value)) this.#x = snapNumber(value, X_SPEC);
	}

	get alpha(): number {
		return this.#alpha;
	}
	set alpha(value: number) {
		if (Number.isFinite(value)) this.#alpha = snapNumber(value, ALPHA_SPEC);
	}

	toParams(): Record<string, ParamValue> {
		return { x: this.#x, alpha: this.#alpha };
	}
}
