/** SVG paths for a function sampled on a uniform grid x = x0 + i·dx (D3 scales as maths only). */
import type { ScaleLinear } from 'd3';

type Scale = ScaleLinear<number, number>;

export interface Sampled {
	readonly values: ArrayLike<number>;
	readonly x0: number;
	readonly dx: number;
}

/** The sample indices inside [lo, hi] (the scale's domain, optionally cut at `until`). */
export function indexRange(s: Sampled, lo: number, hi: number): [number, number] {
	const first = Math.max(0, Math.ceil((lo - s.x0) / s.dx - 1e-9));
	const last = Math.min(s.values.length - 1, Math.floor((hi - s.x0) / s.dx + 1e-9));
	return [first, last];
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** A polyline through the samples in view; `fill` closes it down to y = 0 for a shaded area. */
export function sampledPath(
	s: Sampled,
	x: Scale,
	y: Scale,
	opts: { until?: number; fill?: boolean } = {}
): string {
	const [d0, d1] = x.domain();
	const [first, last] = indexRange(s, d0, Math.min(d1, opts.until ?? Infinity));
	if (last < first) return '';
	const parts: string[] = [];
	for (let i = first; i <= last; i++) {
		parts.push(`${i === first ? 'M' : 'L'}${r1(x(s.x0 + i * s.dx))},${r1(y(s.values[i]))}`);
	}
	if (opts.fill) {
		const base = r1(y(0));
		parts.push(`L${r1(x(s.x0 + last * s.dx))},${base}L${r1(x(s.x0 + first * s.dx))},${base}Z`);
	}
	return parts.join('');
}
