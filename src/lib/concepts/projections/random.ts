/**
 * A minimal seeded generator for the point cloud. src/lib/signal/ (the shared seeded
 * generators) did not exist when this concept was written; switch to it once it does.
 */

/** mulberry32: a small 32-bit generator, enough for reproducible demo data. */
export function seededUniform(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Standard normal samples by Box–Muller from a uniform generator. */
export function seededNormal(uniform: () => number): () => number {
	return () => {
		const u = Math.max(uniform(), 1e-12);
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
	};
}
