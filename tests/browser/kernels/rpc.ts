/** Typed arrays cross page.evaluate as tagged plain arrays (both directions). */
export type Wire = unknown;

export function encode(v: unknown): Wire {
	if (v instanceof Float32Array) return { __f32: Array.from(v) };
	if (v instanceof Int32Array) return { __i32: Array.from(v) };
	if (Array.isArray(v)) return v.map(encode);
	if (v && typeof v === 'object')
		return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x)]));
	return v;
}

export function decode(v: Wire): unknown {
	if (Array.isArray(v)) return v.map(decode);
	if (v && typeof v === 'object') {
		const o = v as Record<string, unknown>;
		if ('__f32' in o) return Float32Array.from(o.__f32 as number[]);
		if ('__i32' in o) return Int32Array.from(o.__i32 as number[]);
		return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, decode(x)]));
	}
	return v;
}
