/**
 * matmul's large products on the kernel set's WebAssembly SIMD GEMM (kernels/wasm/gemm-kernel.ts):
 * out[f][q] = Σ_p w[f][p]·x[taps[p] + q] with op(A) as the weights [m×k] and op(B)'s rows laid out
 * q floats apart (n rounded up to the kernel's tile; the extra columns are computed and dropped).
 * Transposed operands are transposed once while they are copied in. Sums are f32, in order of p.
 */
import { wasmConv } from '$lib/kernels/wasm/conv';
import { roundUp } from '$lib/kernels/wasm/module';

/** Products with fewer multiply-adds stay in JavaScript: copying in and out would cost more. */
export const SIMD_MIN_WORK = 1 << 17;

let scratch = new Float32Array(0);

/** op(A) [m×k] row-major: A itself, or A (stored [k×m]) transposed into a reused buffer. */
function weights(a: Float32Array, m: number, k: number, tA: boolean): Float32Array {
	if (!tA) return a;
	if (scratch.length < m * k) scratch = new Float32Array(m * k);
	for (let p = 0; p < k; p++) for (let i = 0, from = p * m; i < m; i++) scratch[i * k + p] = a[from + i];
	return scratch;
}

/** C (+)= op(A)·op(B) on the SIMD GEMM; false where WebAssembly SIMD is missing. */
export function matmulSimd(
	a: Float32Array,
	b: Float32Array,
	c: Float32Array,
	m: number,
	k: number,
	n: number,
	tA: boolean,
	tB: boolean,
	accumulate: boolean
): boolean {
	const wasm = wasmConv();
	if (!wasm) return false;
	const q = roundUp(n, wasm.tile);
	const taps = new Int32Array(k);
	for (let p = 0; p < k; p++) taps[p] = p * q * 4;
	const out = wasm.product(weights(a, m, k, tA), undefined, m, taps, k * q, q, (x) => {
		if (tB) for (let j = 0; j < n; j++) for (let p = 0, from = j * k; p < k; p++) x[p * q + j] = b[from + p];
		else if (q === n) x.set(b.subarray(0, k * n));
		else for (let p = 0; p < k; p++) x.set(b.subarray(p * n, (p + 1) * n), p * q);
	});
	for (let i = 0; i < m; i++) {
		const ci = i * n;
		const oi = i * q;
		if (accumulate) for (let j = 0; j < n; j++) c[ci + j] += out[oi + j];
		else for (let j = 0; j < n; j++) c[ci + j] = out[oi + j];
	}
	return true;
}
