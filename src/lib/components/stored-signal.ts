/**
 * A user's signal in the link: short signals go into the URL as text; long ones into localStorage,
 * with a marker in the URL, so nothing typed is lost on reload and links stay short.
 */
import type { ParamReader } from '$lib/deck/params';
import { formatSignal, parseSignal } from './parse-signal';

/** Longest signal (in values) written into the URL itself. */
export const URL_SIGNAL_LIMIT = 64;
export const STORED = 'stored';

export interface SignalRead {
	readonly values: Float32Array | null;
	/** Why the link's signal could not be used, if it could not. */
	readonly problem: string | null;
}

export function storageKey(slug: string, name: string): string {
	return `flipshift:${slug}:${name}`;
}

/** The URL value for `values`; long signals are stored under `key` as a side effect. */
export function signalParam(values: Float32Array | null, key: string): string | null {
	if (!values) return null;
	if (values.length <= URL_SIGNAL_LIMIT) return formatSignal(values);
	try {
		localStorage.setItem(key, formatSignal(values));
	} catch {
		return null; // no storage (private mode, full): the signal lasts for this page only
	}
	return STORED;
}

/** The signal named `name` in the link (or in storage when the link says "stored"). */
export function readSignalParam(
	params: ParamReader,
	name: string,
	key: string,
	maxLength: number
): SignalRead {
	const raw = params.string(name, '');
	if (raw === '') return { values: null, problem: null };
	let text = raw;
	if (raw === STORED) {
		try {
			text = localStorage.getItem(key) ?? '';
		} catch {
			text = '';
		}
		if (text === '')
			return { values: null, problem: `the saved signal "${name}" is no longer in this browser` };
	}
	const parsed = parseSignal(text, maxLength);
	if (parsed.ok) return { values: parsed.values, problem: null };
	return { values: null, problem: `${name} in the link: ${parsed.message}` };
}
