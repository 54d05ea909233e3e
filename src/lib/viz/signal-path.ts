/**
 * Path strings for discrete signals on an index axis: stems for short signals, a line for long
 * ones. A long signal is decimated to the min and max of each pixel column, so 65 536 samples
 * cost about two points per pixel, not one SVG element per sample.
 */
import type { ScaleLinear } from 'd3';

type Scale = ScaleLinear<number, number>;

/** The indices i of `values` whose position `offset + i` lies inside the x scale's domain. */
export function visibleRange(length: number, offset: number, x: Scale): [number, number] {
	const [d0, d1] = x.domain();
	const first = Math.max(0, Math.ceil(Math.min(d0, d1) - offset));
	const last = Math.min(length - 1, Math.floor(Math.max(d0, d1) - offset));
	return [first, last];
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** One `M x,base V y` segment per visible sample. */
export function stemsPath(values: Float32Array, offset: number, x: Scale, y: Scale): string {
	const [first, last] = visibleRange(values.length, offset, x);
	const base = r1(y(0));
	const parts: string[] = [];
	for (let i = first; i <= last; i++) parts.push(`M${r1(x(offset + i))},${base}V${r1(y(values[i]))}`);
	return parts.join('');
}

/**
 * A polyline through the visible samples. When there are more samples than `2 ×` pixel columns,
 * each column is drawn as a vertical stroke from its minimum to its maximum, which keeps every
 * peak (a plain stride would drop the matched peak a class is looking for).
 */
export function linePath(values: Float32Array, offset: number, x: Scale, y: Scale): string {
	const [first, last] = visibleRange(values.length, offset, x);
	if (last < first) return '';
	const [p0, p1] = x.range();
	const columns = Math.max(1, Math.ceil(Math.abs(p1 - p0)));
	const count = last - first + 1;
	const parts: string[] = [];
	if (count <= 2 * columns) {
		for (let i = first; i <= last; i++) {
			parts.push(`${i === first ? 'M' : 'L'}${r1(x(offset + i))},${r1(y(values[i]))}`);
		}
		return parts.join('');
	}
	const perColumn = count / columns;
	for (let c = 0; c < columns; c++) {
		const start = first + Math.floor(c * perColumn);
		const end = Math.min(last + 1, first + Math.floor((c + 1) * perColumn));
		if (end <= start) continue;
		let lo = values[start];
		let hi = lo;
		for (let i = start + 1; i < end; i++) {
			const v = values[i];
			if (v < lo) lo = v;
			else if (v > hi) hi = v;
		}
		const px = r1(x(offset + (start + end - 1) / 2));
		parts.push(`${c === 0 ? 'M' : 'L'}${px},${r1(y(hi))}L${px},${r1(y(lo))}`);
	}
	return parts.join('');
}

/**
 * [min, max] of the values, widened to include 0 and padded by 20 % (room for a value written
 * above the tallest stem); [−1, 1] when all are 0.
 */
export function signalExtent(arrays: readonly Float32Array[]): [number, number] {
	let lo = 0;
	let hi = 0;
	for (const a of arrays) {
		const [alo, ahi] = rawExtent(a);
		lo = Math.min(lo, alo);
		hi = Math.max(hi, ahi);
	}
	if (hi - lo < 1e-9) return [-1, 1];
	const pad = (hi - lo) * 0.2;
	return [lo < 0 ? lo - pad : 0, hi > 0 ? hi + pad : 0];
}

// Arrays are treated as immutable once drawn (state holds a new array per change), so a long
// signal's extent is scanned once, not on every drag frame.
const extents = new WeakMap<Float32Array, [number, number]>();

function rawExtent(a: Float32Array): [number, number] {
	const known = extents.get(a);
	if (known) return known;
	let lo = 0;
	let hi = 0;
	for (let i = 0; i < a.length; i++) {
		const v = a[i];
		if (v < lo) lo = v;
		else if (v > hi) hi = v;
	}
	const extent: [number, number] = [lo, hi];
	extents.set(a, extent);
	return extent;
}
