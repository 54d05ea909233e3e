/**
 * Parsing of a typed number field (the trainer pages' hyperparameters): text, NaN, values out of
 * range and fractions where a whole number is needed are refused with a message naming the field.
 */

export type Parsed = { ok: true; value: number } | { ok: false; message: string };

export interface FieldSpec {
	label: string;
	min: number;
	max: number;
	/** Whether min itself is allowed (a learning rate of 0 is not). */
	minInclusive?: boolean;
	integer?: boolean;
}

/** Parses a number field; refuses text, NaN, out-of-range and non-integers with a message. */
export function parseField(text: string, spec: FieldSpec): Parsed {
	const t = text.trim();
	const v = t === '' ? NaN : Number(t);
	const lowOk = spec.minInclusive === false ? v > spec.min : v >= spec.min;
	if (!Number.isFinite(v)) return { ok: false, message: `${spec.label}: "${text}" is not a number` };
	if (spec.integer && !Number.isInteger(v))
		return { ok: false, message: `${spec.label} must be a whole number, got ${t}` };
	if (!lowOk || v > spec.max) {
		const lo = spec.minInclusive === false ? `more than ${spec.min}` : `at least ${spec.min}`;
		return { ok: false, message: `${spec.label} must be ${lo} and at most ${spec.max}, got ${t}` };
	}
	return { ok: true, value: v };
}
