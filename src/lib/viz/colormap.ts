/**
 * Colour maps for grids and heat maps, as pure functions (no DOM). Both are colour-blind safe:
 * the diverging map is ColorBrewer's RdBu (negative blue, zero white, positive red) and is always
 * symmetric around zero, so white means exactly 0; the sequential maps are viridis (feature maps)
 * and greys (images). A 257-entry RGB table makes a 512×512 canvas cheap to paint.
 */
import { interpolateGreys, interpolateRdBu, interpolateViridis, rgb } from 'd3';

export type ColourMapKind = 'diverging' | 'sequential';
export type SequentialScheme = 'viridis' | 'greys';

export interface ColourMap {
	readonly kind: ColourMapKind;
	/** [lo, hi] of the values the colours span; symmetric [-m, m] for a diverging map. */
	readonly domain: readonly [number, number];
	/** TABLE_SIZE (257) × RGB bytes from the low end to the high end. */
	readonly table: Uint8ClampedArray;
	/** Position 0..1 of a value along the map (clamped; NaN gives 0.5). */
	position(value: number): number;
	/** CSS colour of a value. */
	colour(value: number): string;
	/** Black or white, whichever reads better on the colour of a value. */
	textColour(value: number): string;
}

// Odd, so that the middle entry is exactly the middle of the map (0 on a diverging map).
const TABLE_SIZE = 257;

function buildTable(interpolate: (t: number) => string): Uint8ClampedArray {
	const table = new Uint8ClampedArray(TABLE_SIZE * 3);
	for (let i = 0; i < TABLE_SIZE; i++) {
		const c = rgb(interpolate(i / (TABLE_SIZE - 1)));
		table[i * 3] = c.r;
		table[i * 3 + 1] = c.g;
		table[i * 3 + 2] = c.b;
	}
	return table;
}

const tables = new Map<string, Uint8ClampedArray>();
function tableFor(name: string, interpolate: (t: number) => string): Uint8ClampedArray {
	let table = tables.get(name);
	if (!table) {
		table = buildTable(interpolate);
		tables.set(name, table);
	}
	return table;
}

/** Relative luminance (WCAG) of an sRGB byte triple. */
export function luminance(r: number, g: number, b: number): number {
	const lin = (c: number) => {
		const s = c / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function makeMap(kind: ColourMapKind, lo: number, hi: number, table: Uint8ClampedArray): ColourMap {
	const span = hi - lo;
	const position = (value: number) => {
		if (Number.isNaN(value)) return 0.5;
		return Math.min(1, Math.max(0, (value - lo) / span));
	};
	const entry = (value: number) => Math.round(position(value) * (TABLE_SIZE - 1)) * 3;
	return {
		kind,
		domain: [lo, hi],
		table,
		position,
		colour(value) {
			const i = entry(value);
			return `rgb(${table[i]}, ${table[i + 1]}, ${table[i + 2]})`;
		},
		textColour(value) {
			const i = entry(value);
			// Contrast against white is (1.05)/(L+0.05), against black (L+0.05)/0.05: pick the larger.
			return luminance(table[i], table[i + 1], table[i + 2]) > 0.179 ? '#000000' : '#ffffff';
		}
	};
}

function checkFinite(name: string, value: number): void {
	if (typeof value !== 'number' || !Number.isFinite(value))
		throw new RangeError(`${name} must be a finite number, got ${value}`);
}

/**
 * Diverging map over [-maxAbs, maxAbs]: negative blue, 0 white, positive red. A maxAbs of 0
 * (an all-zero map) is widened to 1 so the colours stay defined.
 */
export function divergingMap(maxAbs: number): ColourMap {
	checkFinite('maxAbs', maxAbs);
	if (maxAbs < 0) throw new RangeError(`maxAbs must be >= 0, got ${maxAbs}`);
	const m = maxAbs === 0 ? 1 : maxAbs;
	// RdBu runs red → blue; reversed so that positive reads as "warm".
	return makeMap(
		'diverging',
		-m,
		m,
		tableFor('RdBu-r', (t) => interpolateRdBu(1 - t))
	);
}

/** Sequential map over [lo, hi] (lo < hi; equal ends are widened by 1). */
export function sequentialMap(lo: number, hi: number, scheme: SequentialScheme = 'viridis'): ColourMap {
	checkFinite('lo', lo);
	checkFinite('hi', hi);
	if (lo > hi) throw new RangeError(`lo must be <= hi, got lo=${lo} hi=${hi}`);
	if (scheme !== 'viridis' && scheme !== 'greys')
		throw new RangeError(`scheme must be 'viridis' or 'greys', got ${String(scheme)}`);
	const top = lo === hi ? lo + 1 : hi;
	// Greys runs white → black; reversed so that bright pixels are bright.
	const table =
		scheme === 'viridis'
			? tableFor('viridis', interpolateViridis)
			: tableFor('greys-r', (t) => interpolateGreys(1 - t));
	return makeMap('sequential', lo, top, table);
}

/** Largest |value| over finite entries (0 for none). */
export function maxAbs(data: ArrayLike<number>): number {
	let m = 0;
	for (let i = 0; i < data.length; i++) {
		const a = Math.abs(data[i]);
		if (a > m && Number.isFinite(a)) m = a;
	}
	return m;
}

/** [min, max] over finite entries ([0, 0] for none). */
export function finiteExtent(data: ArrayLike<number>): [number, number] {
	let lo = Infinity;
	let hi = -Infinity;
	for (let i = 0; i < data.length; i++) {
		const v = data[i];
		if (!Number.isFinite(v)) continue;
		if (v < lo) lo = v;
		if (v > hi) hi = v;
	}
	return lo <= hi ? [lo, hi] : [0, 0];
}

/**
 * The map a grid of values should use: diverging when it holds negative values (or when asked),
 * greys for images in [0, 1], viridis otherwise.
 */
export function autoMap(data: ArrayLike<number>, prefer?: ColourMapKind | SequentialScheme): ColourMap {
	const [lo, hi] = finiteExtent(data);
	if (prefer === 'diverging' || (prefer === undefined && lo < 0)) return divergingMap(maxAbs(data));
	const scheme: SequentialScheme = prefer === 'greys' ? 'greys' : 'viridis';
	return sequentialMap(Math.min(lo, 0), hi, scheme);
}

/**
 * Paints values into RGBA pixels (one pixel per value) through the map's table. NaN (no value)
 * and every value from index `count` on are left transparent: a map that is still filling in.
 */
export function paintPixels(
	data: ArrayLike<number>,
	map: ColourMap,
	out: Uint8ClampedArray,
	count = data.length
): void {
	if (out.length !== data.length * 4)
		throw new RangeError(`out must hold ${data.length * 4} bytes (RGBA per value), got ${out.length}`);
	if (!(count >= 0)) throw new RangeError(`count must be >= 0, got ${count}`);
	const n = Math.min(count, data.length);
	paintRange(data, map, out, 0, n);
	out.fill(0, n * 4);
}

/**
 * Paints values [from, to) into their RGBA pixels (NaN transparent) and leaves the rest of `out`
 * as it is: a map that fills in repaints only the cells it gained.
 */
export function paintRange(
	data: ArrayLike<number>,
	map: ColourMap,
	out: Uint8ClampedArray,
	from: number,
	to: number
): void {
	if (!(from >= 0 && to <= data.length && from <= to))
		throw new RangeError(`from, to must satisfy 0 <= from <= to <= ${data.length}, got ${from}, ${to}`);
	const [lo, hi] = map.domain;
	const scale = (TABLE_SIZE - 1) / (hi - lo);
	const table = map.table;
	for (let i = from, o = from * 4; i < to; i++, o += 4) {
		const v = data[i];
		if (v !== v) {
			out[o + 3] = 0;
			continue;
		}
		let t = (v - lo) * scale;
		t = t < 0 ? 0 : t > TABLE_SIZE - 1 ? TABLE_SIZE - 1 : t;
		const e = Math.round(t) * 3;
		out[o] = table[e];
		out[o + 1] = table[e + 1];
		out[o + 2] = table[e + 2];
		out[o + 3] = 255;
	}
}
