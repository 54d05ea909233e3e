/**
 * p-norms for the lecture: the unit ball ‖x‖ₚ = 1 in the plane (geometry for the picture) and the
 * p values a slider offers, from 1 (sum of |x|) through 2 to ∞ (max |x|). Pooled numbers and the
 * norm of the dragged point come from the kernel set's pNormPool2d, never from here.
 */
import { createRng } from '$lib/signal/random';

export const SLUG = 'p-norm';
export const P_MIN = 1;
/**
 * The largest finite p. The kernels scale each window by its max |x| (pnorm-math.ts), so any p
 * is safe; at 100 a 4 × 4 window is within 3 % of its max (16^(1/100) ≈ 1.028), and the slider's
 * next stop is ∞.
 */
export const P_MAX = 100;
/** p is kept to this many decimals: the link writes it so, and a reopened link computes the same. */
export const P_DECIMALS = 2;
/** What the slider stops at: the lecture's 1, 2, 4, ∞ and enough between to watch the ball and the pooled values approach the max. */
export const P_STOPS: readonly number[] = [
	1,
	1.25,
	1.5,
	1.75,
	2,
	2.5,
	3,
	3.5,
	4,
	5,
	6,
	8,
	10,
	12,
	16,
	24,
	32,
	48,
	64,
	100,
	Infinity
];
export const FEATURE_SIDE = 8;
export const POOL_SIZES = [2, 4] as const;
export const FEATURE_RANGE = [-4, 9] as const;

/** p written for people: "∞" or the number. */
export function pText(p: number): string {
	return p === Infinity ? '∞' : String(p);
}

/** p written for the link: "inf" or the number. */
export function pParam(p: number): string {
	return p === Infinity ? 'inf' : String(p);
}

/** p read from the link: "inf"/"∞" or a number in [P_MIN, P_MAX] snapped to P_DECIMALS; null if unreadable. */
export function parseP(text: string): number | null {
	const t = text.trim().toLowerCase();
	if (t === 'inf' || t === 'infinity' || t === '∞') return Infinity;
	if (!/^[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t)) return null;
	return snapP(Number(t));
}

/** p clamped into [P_MIN, P_MAX] (∞ stays ∞) and rounded to P_DECIMALS. */
export function snapP(p: number): number {
	if (Number.isNaN(p)) throw new RangeError(`p must be a number ≥ ${P_MIN} or Infinity, got NaN`);
	if (p === Infinity) return Infinity;
	const scale = 10 ** P_DECIMALS;
	return Math.min(P_MAX, Math.max(P_MIN, Math.round(p * scale) / scale));
}

/** The slider stop nearest p (on a log scale; only ∞ itself is the last stop). */
export function nearestStop(p: number): number {
	if (p === Infinity) return P_STOPS.length - 1;
	let best = 0;
	for (let i = 1; i < P_STOPS.length - 1; i++) {
		if (Math.abs(Math.log(P_STOPS[i] / p)) < Math.abs(Math.log(P_STOPS[best] / p))) best = i;
	}
	return best;
}

/** ‖(a, b)‖ₚ for the picture's geometry (the read-outs use the kernel set). */
export function norm2d(a: number, b: number, p: number): number {
	if (!(p > 0)) throw new RangeError(`p must be > 0, got ${p}`);
	const [x, y] = [Math.abs(a), Math.abs(b)];
	if (p === Infinity) return Math.max(x, y);
	const m = Math.max(x, y);
	if (m === 0) return 0;
	// Scaled by the larger part so large p does not overflow: m·((x/m)^p + (y/m)^p)^(1/p).
	return m * ((x / m) ** p + (y / m) ** p) ** (1 / p);
}

/**
 * Points on the unit ball's boundary ‖x‖ₚ = 1: the direction at each of `count` angles, scaled
 * to norm 1. Corners of the p = 1 diamond and the p = ∞ square fall on the sampled angles.
 */
export function unitBall(p: number, count = 360): [number, number][] {
	if (!Number.isInteger(count) || count < 8 || count % 8 !== 0)
		throw new RangeError(`count must be a whole multiple of 8, at least 8; got ${count}`);
	const points: [number, number][] = [];
	for (let k = 0; k < count; k++) {
		const t = (2 * Math.PI * k) / count;
		const [c, s] = [Math.cos(t), Math.sin(t)];
		const r = norm2d(c, s, p);
		points.push([c / r, s / r]);
	}
	return points;
}

/** A seeded feature map of whole numbers in FEATURE_RANGE (a few negatives, so |x| matters). */
export function featureMap(seed: number, side = FEATURE_SIDE): Float32Array {
	const rng = createRng(seed);
	const [lo, hi] = FEATURE_RANGE;
	return Float32Array.from({ length: side * side }, () => lo + Math.floor(rng() * (hi - lo + 1)));
}

/** Flat indices of pooling window `o` (non-overlapping, size × size) in a map `side` wide. */
export function poolWindowCells(o: number, side: number, size: number): number[] {
	const per = Math.floor(side / size);
	if (!Number.isInteger(o) || o < 0 || o >= per * per)
		throw new RangeError(`window must be a whole number in 0…${per * per - 1}, got ${o}`);
	const [y0, x0] = [Math.floor(o / per) * size, (o % per) * size];
	const cells: number[] = [];
	for (let y = y0; y < y0 + size; y++) for (let x = x0; x < x0 + size; x++) cells.push(y * side + x);
	return cells;
}

/** A number as a person would write it: at most 2 decimals, a real minus sign. */
export function num(v: number): string {
	const s = String(Number(v.toFixed(2)));
	return s === '-0' ? '0' : s.replace('-', '−');
}
