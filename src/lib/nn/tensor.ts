/** Small helpers for the trainer's tensors and parameters. */
import type { Param, Tensor } from './types';

export function size(shape: readonly number[]): number {
	let s = 1;
	for (const d of shape) s *= d;
	return s;
}

export function tensor(shape: readonly number[], data?: Float32Array): Tensor {
	const n = size(shape);
	if (data && data.length !== n)
		throw new RangeError(`tensor: data has ${data.length} values, shape [${shape}] needs ${n}`);
	return { shape: [...shape], data: data ?? new Float32Array(n) };
}

export function makeParam(
	name: string,
	shape: readonly number[],
	decay: boolean,
	value?: Float32Array
): Param {
	const n = size(shape);
	return { name, shape: [...shape], value: value ?? new Float32Array(n), grad: new Float32Array(n), decay };
}

/** Throws a RangeError unless `shape` has the given rank and (where given) sizes. */
export function expectShape(
	fn: string,
	shape: readonly number[],
	expected: readonly (number | null)[],
	layout: string
) {
	const ok = shape.length === expected.length && expected.every((d, i) => d === null || d === shape[i]);
	if (!ok) throw new RangeError(`${fn}: input shape [${shape.join(', ')}] does not match ${layout}`);
}

export function positiveInt(fn: string, name: string, v: unknown): number {
	if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
		throw new RangeError(`${fn}: ${name} must be a whole number ≥ 1, got ${String(v)}`);
	return v;
}
