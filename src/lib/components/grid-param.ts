/**
 * A small grid of numbers in the link (a feature map, a gradient, a filter's weights): written as
 * comma-separated values in row-major order, read back with its length and range checked, and
 * snapped to the precision it is written with, so a reopened link computes the same numbers.
 */
import type { ParamReader } from '$lib/deck/params';
import { formatSignal } from './parse-signal';

export interface GridSpec {
	/** Exact number of values expected. */
	readonly length: number;
	readonly min: number;
	readonly max: number;
	/** Decimals kept (0: whole numbers). */
	readonly decimals: number;
}

export interface GridRead {
	readonly values: Float32Array | null;
	/** Why the link's grid could not be used, if it could not. */
	readonly problem: string | null;
}

function checkSpec(spec: GridSpec): void {
	if (!Number.isInteger(spec.length) || spec.length < 1)
		throw new RangeError(`grid spec: length must be a whole number ≥ 1, got ${spec.length}`);
	if (!(spec.min <= spec.max))
		throw new RangeError(`grid spec: min ${spec.min} must not exceed max ${spec.max}`);
	if (!Number.isInteger(spec.decimals) || spec.decimals < 0 || spec.decimals > 6)
		throw new RangeError(`grid spec: decimals must be a whole number in 0…6, got ${spec.decimals}`);
}

/** `value` rounded to `decimals` and clamped into [min, max]; NaN gives min. */
export function snapValue(value: number, spec: Pick<GridSpec, 'min' | 'max' | 'decimals'>): number {
	if (Number.isNaN(value)) return spec.min;
	const scale = 10 ** spec.decimals;
	const snapped = Math.round(value * scale) / scale;
	const clamped = Math.min(spec.max, Math.max(spec.min, snapped));
	return clamped === 0 ? 0 : clamped; // no −0 in the link
}

/** The URL text of a grid: its values, comma-separated, as `formatSignal` writes them. */
export function gridParam(values: ArrayLike<number>): string {
	return formatSignal(values);
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** The grid named `name` in the link; values outside the range are clamped, others snapped. */
export function readGridParam(params: ParamReader, name: string, spec: GridSpec): GridRead {
	checkSpec(spec);
	const raw = params.string(name, '');
	if (raw === '') return { values: null, problem: null };
	const tokens = raw.split(',');
	if (tokens.length !== spec.length) {
		return {
			values: null,
			problem: `${name} in the link has ${tokens.length} values; this view needs ${spec.length}`
		};
	}
	const values = new Float32Array(spec.length);
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i].trim();
		const v = Number(token);
		if (!NUMBER.test(token) || !Number.isFinite(v)) {
			const shown = token.length > 24 ? token.slice(0, 24) + '…' : token;
			return { values: null, problem: `${name} in the link: "${shown}" (value ${i + 1}) is not a number` };
		}
		values[i] = snapValue(v, spec);
	}
	return { values, problem: null };
}
