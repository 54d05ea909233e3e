/** A sequence task: seeded data `[N, T, D]` with class labels or regression targets. */
export type TaskName = 'detect' | 'predict' | 'remember';

export interface SequenceData {
	/** `[N, T, D]` row-major. */
	readonly inputs: Float32Array;
	readonly shape: readonly [number, number, number];
	/** Class per sequence (classification tasks). */
	readonly labels?: Int32Array;
	/** Target per sequence, `[N, outputSize]` (regression tasks). */
	readonly targets?: Float32Array;
}

export interface SequenceTask {
	readonly name: TaskName;
	readonly kind: 'classification' | 'regression';
	/** Features per step (D). */
	readonly inputSize: number;
	/** Classes, or values predicted per sequence. */
	readonly outputSize: number;
	/** Steps per sequence (T). */
	readonly length: number;
	/** `count` sequences; the same seed gives the same data. */
	generate(count: number, seed: number): SequenceData;
}

export function checkCount(task: string, count: number): void {
	if (!Number.isInteger(count) || count < 1 || count > 1_000_000)
		throw new RangeError(`${task}: count must be an integer in [1, 1000000], got ${count}`);
}

export function checkInteger(task: string, name: string, v: number, lo: number, hi: number): number {
	if (!Number.isInteger(v) || v < lo || v > hi)
		throw new RangeError(`${task}: ${name} must be an integer in [${lo}, ${hi}], got ${v}`);
	return v;
}

export function checkNumber(task: string, name: string, v: number, lo: number, hi: number): number {
	if (typeof v !== 'number' || !(v >= lo && v <= hi))
		throw new RangeError(`${task}: ${name} must be a number in [${lo}, ${hi}], got ${v}`);
	return v;
}
