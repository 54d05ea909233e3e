/**
 * The one matrix product of the trainer: C[m×n] (+)= op(A)[m×k] · op(B)[k×n] on row-major
 * Float32Arrays, op = transpose when asked. Each case walks memory in rows: A·B and Aᵀ·B stream a
 * row of B into a row of C (i-k-j order); A·Bᵀ is a dot product of two rows. Four rows of C are
 * updated per pass over a row of B, so each loaded B value serves four multiply-adds. Products of
 * at least SIMD_MIN_WORK multiply-adds run on the WebAssembly SIMD GEMM instead (matmul-simd.ts).
 */
import { matmulSimd, SIMD_MIN_WORK } from './matmul-simd';

export interface MatmulOptions {
	/** A is stored [k×m] and used transposed. */
	transA?: boolean;
	/** B is stored [n×k] and used transposed. */
	transB?: boolean;
	/** Add into C instead of overwriting it. */
	accumulate?: boolean;
}

function checkSize(name: string, v: number) {
	if (!Number.isInteger(v) || v < 0)
		throw new RangeError(`matmul: ${name} must be a whole number ≥ 0, got ${v}`);
}

function checkArray(name: string, x: unknown, length: number) {
	if (!(x instanceof Float32Array)) throw new TypeError(`matmul: ${name} must be a Float32Array`);
	if (x.length < length) throw new RangeError(`matmul: ${name} has ${x.length} values, needs ${length}`);
}

export function matmul(
	a: Float32Array,
	b: Float32Array,
	c: Float32Array,
	m: number,
	k: number,
	n: number,
	opts: MatmulOptions = {}
): Float32Array {
	checkSize('m', m);
	checkSize('k', k);
	checkSize('n', n);
	checkArray('a', a, m * k);
	checkArray('b', b, k * n);
	checkArray('c', c, m * n);
	const tA = !!opts.transA;
	const tB = !!opts.transB;
	if (m * k * n >= SIMD_MIN_WORK && matmulSimd(a, b, c, m, k, n, tA, tB, !!opts.accumulate)) return c;
	if (!opts.accumulate) c.fill(0, 0, m * n);
	if (!tB) rowsTimesB(a, b, c, m, k, n, tA);
	else if (!tA) rowsDotRows(a, b, c, m, k, n);
	else {
		for (let i = 0; i < m; i++)
			for (let j = 0; j < n; j++) {
				let s = 0;
				for (let p = 0; p < k; p++) s += a[p * m + i] * b[j * k + p];
				c[i * n + j] += s;
			}
	}
	return c;
}

/** C += op(A)·B, op(A)[i][p] = tA ? a[p·m+i] : a[i·k+p]. */
function rowsTimesB(
	a: Float32Array,
	b: Float32Array,
	c: Float32Array,
	m: number,
	k: number,
	n: number,
	tA: boolean
) {
	const si = tA ? 1 : k; // step in a between rows i
	const sp = tA ? m : 1; // step in a between columns p
	let i = 0;
	for (; i + 4 <= m; i += 4) {
		const c0 = i * n,
			c1 = c0 + n,
			c2 = c1 + n,
			c3 = c2 + n;
		for (let p = 0; p < k; p++) {
			const ai = i * si + p * sp;
			const a0 = a[ai],
				a1 = a[ai + si],
				a2 = a[ai + 2 * si],
				a3 = a[ai + 3 * si];
			if (a0 === 0 && a1 === 0 && a2 === 0 && a3 === 0) continue; // ReLU outputs are often zero
			const bp = p * n;
			for (let j = 0; j < n; j++) {
				const bv = b[bp + j];
				c[c0 + j] += a0 * bv;
				c[c1 + j] += a1 * bv;
				c[c2 + j] += a2 * bv;
				c[c3 + j] += a3 * bv;
			}
		}
	}
	for (; i < m; i++) {
		const ci = i * n;
		for (let p = 0; p < k; p++) {
			const av = a[i * si + p * sp];
			if (av === 0) continue;
			const bp = p * n;
			for (let j = 0; j < n; j++) c[ci + j] += av * b[bp + j];
		}
	}
}

/** C += A·Bᵀ: each entry a dot product of a row of A and a row of B (4 partial sums). */
function rowsDotRows(a: Float32Array, b: Float32Array, c: Float32Array, m: number, k: number, n: number) {
	for (let i = 0; i < m; i++) {
		const ai = i * k;
		for (let j = 0; j < n; j++) {
			const bj = j * k;
			let s0 = 0,
				s1 = 0,
				s2 = 0,
				s3 = 0;
			let p = 0;
			for (; p + 4 <= k; p += 4) {
				s0 += a[ai + p] * b[bj + p];
				s1 += a[ai + p + 1] * b[bj + p + 1];
				s2 += a[ai + p + 2] * b[bj + p + 2];
				s3 += a[ai + p + 3] * b[bj + p + 3];
			}
			for (; p < k; p++) s0 += a[ai + p] * b[bj + p];
			c[i * n + j] += s0 + s1 + s2 + s3;
		}
	}
}
