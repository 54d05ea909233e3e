/**
 * Pure reading and writing of a demo's settings in the URL. Every value is validated and
 * clamped: a malformed link opens the default view, and the reader collects a short
 * description of each value it had to reset so the page can say so.
 */

export interface NumberSpec {
	readonly min: number;
	readonly max: number;
	readonly fallback: number;
	/** Round to a whole number. */
	readonly integer?: boolean;
	/**
	 * The precision the value is kept and written with (0.01: two decimals). Values read from a
	 * link are snapped to it, and a model that stores `snapNumber(v, spec)` shows exactly what its
	 * link reopens.
	 */
	readonly step?: number;
}

/** Decimal places of a precision such as 0.01 (2) or 0.25 (2); at most 12. */
export function decimalsOf(step: number): number {
	if (!Number.isFinite(step) || step <= 0)
		throw new RangeError(`step must be a positive number, got ${step}`);
	for (let d = 0; d < 12; d++) {
		const scaled = step * 10 ** d;
		if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, scaled)) return d;
	}
	return 12;
}

/** `value` rounded to the nearest multiple of `step`, without binary noise (0.1 + 0.2 gives 0.3). */
export function snap(value: number, step: number): number {
	const decimals = decimalsOf(step);
	if (!Number.isFinite(value)) throw new RangeError(`value must be a finite number, got ${value}`);
	return Number((Math.round(value / step) * step).toFixed(decimals));
}

/**
 * A value as the model should store it: clamped to the spec's range, then rounded to a whole
 * number or snapped to its step (staying inside the range), so that the page shows what the link says.
 */
export function snapNumber(value: number, spec: NumberSpec): number {
	if (!Number.isFinite(value)) throw new RangeError(`value must be a finite number, got ${value}`);
	const clamped = Math.min(spec.max, Math.max(spec.min, value));
	if (spec.integer) return Math.min(spec.max, Math.max(spec.min, Math.round(clamped)));
	if (spec.step === undefined) return clamped;
	const snapped = snap(clamped, spec.step);
	if (snapped > spec.max) return snap(snapped - spec.step, spec.step);
	if (snapped < spec.min) return snap(snapped + spec.step, spec.step);
	return snapped;
}

export type ParamValue = string | number | boolean | null | undefined;

export class ParamReader {
	readonly problems: string[] = [];
	constructor(
		private readonly search: URLSearchParams,
		/** Told about each value that had to be reset, as it is read. */
		private readonly onProblem?: (problem: string) => void
	) {}

	private reject(problem: string): void {
		this.problems.push(problem);
		this.onProblem?.(problem);
	}

	has(name: string): boolean {
		return this.search.has(name);
	}

	number(name: string, spec: NumberSpec): number {
		const raw = this.search.get(name);
		if (raw === null) return spec.fallback;
		const n = raw.trim() === '' ? NaN : Number(raw);
		if (!Number.isFinite(n)) {
			this.reject(`${name}="${raw}" is not a number`);
			return spec.fallback;
		}
		const value = spec.integer ? Math.round(n) : n;
		if (value < spec.min || value > spec.max)
			this.reject(`${name}=${raw} is outside ${spec.min}…${spec.max}`);
		return snapNumber(value, spec);
	}

	choice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
		const raw = this.search.get(name);
		if (raw === null) return fallback;
		if ((choices as readonly string[]).includes(raw)) return raw as T;
		this.reject(`${name}="${raw}" is not one of ${choices.join(', ')}`);
		return fallback;
	}

	boolean(name: string, fallback: boolean): boolean {
		const raw = this.search.get(name);
		if (raw === null) return fallback;
		if (raw === '1' || raw === 'true') return true;
		if (raw === '0' || raw === 'false') return false;
		this.reject(`${name}="${raw}" is not 0 or 1`);
		return fallback;
	}

	string(name: string, fallback: string): string {
		return this.search.get(name) ?? fallback;
	}
}

/** Formats a number for the URL: short, exact enough to reopen the same view. */
export function formatParam(value: number): string {
	if (Number.isInteger(value)) return String(value);
	return String(Number(value.toPrecision(6)));
}

/** A copy of `search` with `values` written in (null/undefined removes a key). */
export function withParams(search: URLSearchParams, values: Record<string, ParamValue>): URLSearchParams {
	const next = new URLSearchParams(search);
	for (const [name, value] of Object.entries(values)) {
		if (value === null || value === undefined) next.delete(name);
		else if (typeof value === 'number') next.set(name, formatParam(value));
		else if (typeof value === 'boolean') next.set(name, value ? '1' : '0');
		else next.set(name, value);
	}
	return next;
}
