/**
 * A signal typed or pasted by a user: numbers separated by commas, semicolons or whitespace.
 * Every rejection says what was wrong and where, so the class is never left guessing.
 */

export const MAX_SIGNAL_LENGTH = 100_000;
export const MIN_SIGNAL_LENGTH = 2;

export type ParsedSignal = { ok: true; values: Float32Array } | { ok: false; message: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
// Float32 overflows to Infinity above this.
const FLOAT32_MAX = 3.4028234663852886e38;

export function parseSignal(text: string, maxLength = MAX_SIGNAL_LENGTH): ParsedSignal {
	const tokens = text.split(/[\s,;]+/).filter((t) => t.length > 0);
	if (tokens.length === 0)
		return { ok: false, message: 'The signal is empty: type numbers separated by commas.' };
	if (tokens.length > maxLength) {
		return {
			ok: false,
			message: `The signal has ${tokens.length.toLocaleString('en')} values; at most ${maxLength.toLocaleString('en')} are allowed.`
		};
	}
	const values = new Float32Array(tokens.length);
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i];
		const where = `value ${i + 1}`;
		if (/^[+-]?(nan|inf(inity)?)$/i.test(token)) {
			return { ok: false, message: `"${token}" (${where}) is not a finite number.` };
		}
		if (!NUMBER.test(token)) return { ok: false, message: `"${clip(token)}" (${where}) is not a number.` };
		const v = Number(token);
		if (!Number.isFinite(v) || Math.abs(v) > FLOAT32_MAX) {
			return { ok: false, message: `"${clip(token)}" (${where}) is too large.` };
		}
		values[i] = v;
	}
	if (values.length < MIN_SIGNAL_LENGTH) {
		return { ok: false, message: 'A signal needs at least 2 values; one value is not a signal.' };
	}
	return { ok: true, values };
}

function clip(token: string): string {
	return token.length > 24 ? token.slice(0, 24) + '…' : token;
}

/**
 * Short text for a signal, the exact inverse of `parseSignal`: each value is written with the
 * fewest significant digits (at least 6 are tried first) that read back as the same float32, so a
 * link reopens exactly the numbers on screen.
 */
export function formatSignal(values: ArrayLike<number>): string {
	const parts: string[] = [];
	for (let i = 0; i < values.length; i++) parts.push(shortestFloat32(values[i]));
	return parts.join(',');
}

function shortestFloat32(v: number): string {
	const target = Math.fround(v);
	for (let digits = 6; digits < 9; digits++) {
		const text = String(Number(v.toPrecision(digits)));
		if (Math.fround(Number(text)) === target) return text;
	}
	return String(Number(v.toPrecision(9)));
}
