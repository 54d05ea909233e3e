/**
 * 1-D dot products of a kernel with windows of one row, in double precision, shared by the 'js'
 * correlations and the matched filter where WebAssembly SIMD is missing (and for border windows).
 */

/**
 * Adds into out[o..o+4) the dot products of h[hb..hb+m) with x windows starting at xb..xb+3
 * (all in bounds). Sliding registers: one new sample per tap feeds four sums.
 */
function dot4(
	x: Float32Array,
	xb: number,
	h: Float32Array,
	hb: number,
	m: number,
	out: Float64Array,
	o: number
) {
	let s0 = 0;
	let s1 = 0;
	let s2 = 0;
	let s3 = 0;
	let a = x[xb];
	let b = x[xb + 1];
	let c = x[xb + 2];
	for (let k = 0; k < m; k++) {
		const w = h[hb + k];
		const d = x[xb + k + 3];
		s0 += w * a;
		s1 += w * b;
		s2 += w * c;
		s3 += w * d;
		a = b;
		b = c;
		c = d;
	}
	out[o] += s0;
	out[o + 1] += s1;
	out[o + 2] += s2;
	out[o + 3] += s3;
}

/** Dot products of h with m-long windows of one row: out[o] += Σ_k row[o + shift + k]·h[hb + k]. */
export function rowCorrelate(
	x: Float32Array,
	rowBase: number,
	rowLength: number,
	h: Float32Array,
	hb: number,
	m: number,
	shift: number,
	out: Float64Array,
	count: number
) {
	// interior: windows fully inside the row, and one spare sample for dot4's look-ahead
	const lo = Math.max(0, -shift);
	const hi = Math.min(count, rowLength - m - shift + 1);
	let o = 0;
	for (; o < Math.min(lo, count); o++) out[o] += dotRow(x, rowBase, rowLength, o + shift, h, hb, m);
	for (; o + 4 <= hi && o + shift + m + 3 <= rowLength; o += 4)
		dot4(x, rowBase + o + shift, h, hb, m, out, o);
	for (; o < count; o++) out[o] += dotRow(x, rowBase, rowLength, o + shift, h, hb, m);
}

export function dotRow(
	x: Float32Array,
	rowBase: number,
	n: number,
	start: number,
	h: Float32Array,
	hb: number,
	m: number
) {
	const k0 = Math.max(0, -start);
	const k1 = Math.min(m, n - start);
	let s = 0;
	for (let k = k0; k < k1; k++) s += x[rowBase + start + k] * h[hb + k];
	return s;
}
