/**
 * GPU.js kernels for the 1-D and 2-D correlations and the flip-and-shift products: `function`
 * kernels with `this.thread`, every loop bound a constant, every output flat 1-D (flat indexing is
 * 2.5x faster than input() 2-D/3-D indexing in webasm).
 *
 * They are kept as source text, not compiled functions, because the production minifier rewrites
 * function bodies into forms GPU.js mis-reads: it reuses short names in nested scopes (shadowing,
 * which gave wrong numbers in webasm), turns `if` into `&&` expressions and Math.pow into `**`.
 * Source text reaches GPU.js exactly as written here, in Node, in dev and in the minified build.
 */

/** out[o] = Σ_k x[o + shift + k] · h[k], zero outside x. Constants: n, m, shift. */
export const correlate1dKernel = `function correlate1dKernel(x, h) {
	const start = this.thread.x + this.constants.shift;
	let s = 0;
	for (let k = 0; k < this.constants.m; k++) {
		const i = start + k;
		if (i >= 0 && i < this.constants.n) {
			s += x[i] * h[k];
		}
	}
	return s;
}`;

/** Flat [outH, outW] 2-D correlation. Constants: H, W, kh, kw, outW, rowShift, colShift. */
export const correlate2dKernel = `function correlate2dKernel(x, h) {
	const oy = Math.floor((this.thread.x + 0.5) / this.constants.outW);
	const ox = this.thread.x - oy * this.constants.outW;
	const y0 = oy + this.constants.rowShift;
	const x0 = ox + this.constants.colShift;
	let s = 0;
	for (let i = 0; i < this.constants.kh; i++) {
		const y = y0 + i;
		if (y >= 0 && y < this.constants.H) {
			for (let j = 0; j < this.constants.kw; j++) {
				const xx = x0 + j;
				if (xx >= 0 && xx < this.constants.W) {
					s += x[y * this.constants.W + xx] * h[i * this.constants.kw + j];
				}
			}
		}
	}
	return s;
}`;

/** Flat [n+m−1, n]: P[t][k] = x[k] · h[t−k]. Constants: n, m. */
export const flipShiftKernel = `function flipShiftKernel(x, h) {
	const t = Math.floor((this.thread.x + 0.5) / this.constants.n);
	const k = this.thread.x - t * this.constants.n;
	const j = t - k;
	if (j >= 0 && j < this.constants.m) {
		return x[k] * h[j];
	}
	return 0;
}`;

/**
 * Pearson correlation of window i with the centred template (two-pass in float32).
 * Constants: m, zero (relative variance threshold). `tt` = Σ (t − t̄)².
 */
export const matchedNormalizedKernel = `function matchedNormalizedKernel(signal, centred, tt) {
	const i = this.thread.x;
	let s1 = 0;
	for (let k = 0; k < this.constants.m; k++) {
		s1 += signal[i + k];
	}
	const mean = s1 / this.constants.m;
	let ss = 0;
	let s2 = 0;
	let st = 0;
	for (let k = 0; k < this.constants.m; k++) {
		const v = signal[i + k];
		const d = v - mean;
		ss += d * d;
		s2 += v * v;
		st += d * centred[k];
	}
	if (ss !== ss || st !== st) {
		return ss + st; // NaN in the window propagates (numpy), rather than reading as "no variance"
	}
	if (ss > this.constants.zero * s2 && tt > 0) {
		return st / Math.sqrt(ss * tt);
	}
	return 0;
}`;
