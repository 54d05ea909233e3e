/**
 * Seeded random numbers. Library code takes a generator as an argument (never the global unseeded
 * one), so a demo, a test and a prepared lecture link all see the same noise for the same seed.
 */

/** A generator of uniform numbers in [0, 1). */
export type Rng = () => number;

/** mulberry32: tiny, fast, 32-bit state; plenty for teaching demos (not for cryptography). */
export function createRng(seed: number): Rng {
	if (!Number.isFinite(seed)) throw new RangeError(`createRng: seed must be a finite number, got ${seed}`);
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** One standard normal sample (Box–Muller; the cosine branch only, so each call is independent). */
export function normal(rng: Rng): number {
	const u = 1 - rng(); // (0, 1]: log stays finite
	const v = rng();
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Uniform floats in [lo, hi). */
export function uniformArray(rng: Rng, length: number, lo = -1, hi = 1): Float32Array {
	const out = new Float32Array(length);
	for (let i = 0; i < length; i++) out[i] = lo + (hi - lo) * rng();
	return out;
}
