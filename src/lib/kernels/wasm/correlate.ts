/**
 * Correlation in double precision on WebAssembly SIMD, behind the 'js' correlate1d, correlate2d
 * and matchedFilter:
 *
 *   out[q] = Σ_k w[k] · x[q + offset[k]]      (q < count, all f64)
 *
 * A 1-D correlation's tap k sits at offset k; a 2-D one runs on the "wide" output grid of a
 * zero-padded image (q = row · Wp + column, tap (i, j) at offset i · Wp + j), so every tap reads a
 * contiguous run of x and one kernel serves both.
 *
 * Why f64: the matched filter's normalisation uses Σ s·(t − t̄) = Σ s·t − t̄·Σs, a difference that
 * cancels under a DC offset; products of two float32 values are exact in f64, so summing them in
 * f64 keeps that difference accurate to ~1e-16·|Σ s·t| (f32x4 would leave ~1e-7). Each output sums
 * its products in tap order, the same order as the scalar JavaScript loops, so the two agree bit
 * for bit (padding adds products 0·w = 0, so callers keep non-finite weights on the loops). A
 * register tile of NV f64x2 sums (2·NV outputs) costs, per tap, one offset load, one splat of
 * w[k] and NV unaligned loads of x for 2·NV multiply-adds.
 */
import { assemble, Code, V128, I32 } from './asm';
import { ALIGN, instantiate, once, reserve, roundUp } from './module';

/** Parameters (i32 byte addresses): weights and their end, tap byte offsets, x, output and its end. */
const PARAMS = ['w', 'wEnd', 'offsets', 'x', 'out', 'outEnd'] as const;

function correlateCode(nv: number): Code {
	const p = Object.fromEntries(PARAMS.map((n, i) => [n, i])) as Record<(typeof PARAMS)[number], number>;
	const c = new Code(PARAMS.length);
	const o = c.local(I32); // the current tile's first output
	const xq = c.local(I32); // x at the tile's first output
	const wp = c.local(I32);
	const op = c.local(I32);
	const xa = c.local(I32);
	const w = c.local(V128);
	const acc = Array.from({ length: nv }, () => c.local(V128));

	c.get(p.out).set(o);
	c.get(p.x).set(xq);
	c.loop(); // output tiles
	{
		for (const a of acc) c.v128Zero().set(a);
		c.get(p.w).set(wp);
		c.get(p.offsets).set(op);
		c.loop(); // taps
		{
			c.get(xq).get(op).i32Load().add().set(xa);
			c.get(wp).load64Splat().set(w);
			for (let v = 0; v < nv; v++)
				c.get(acc[v])
					.get(w)
					.get(xa)
					.v128Load(16 * v)
					.f64x2Mul()
					.f64x2Add()
					.set(acc[v]);
			c.get(wp).i32(8).add().set(wp);
			c.get(op).i32(4).add().set(op);
			c.get(wp).get(p.wEnd).ne().brIf(0);
		}
		c.end();
		for (let v = 0; v < nv; v++)
			c.get(o)
				.get(acc[v])
				.v128Store(16 * v);
		c.get(o)
			.i32(16 * nv)
			.add()
			.set(o);
		c.get(xq)
			.i32(16 * nv)
			.add()
			.set(xq);
		c.get(o).get(p.outEnd).ne().brIf(0);
	}
	c.end();
	return c;
}

/** f64x2 sums per tile. Measured in Node (65 536 · 64, best of 30): see BENCHMARKS.md. */
export const CORRELATE_NV = 6;

export function correlateModule(nv = CORRELATE_NV): Uint8Array {
	return assemble([{ name: 'correlate', params: PARAMS.length, code: correlateCode(nv) }], 1);
}

type CorrelateFn = (w: number, wEnd: number, offsets: number, x: number, out: number, outEnd: number) => void;

export class WasmCorrelate {
	private fn: CorrelateFn;
	private memory: WebAssembly.Memory;

	/** @param tile outputs per register tile (2 · the module's NV) */
	constructor(
		instance: WebAssembly.Instance,
		private tile: number
	) {
		this.fn = instance.exports.correlate as CorrelateFn;
		this.memory = instance.exports.memory as WebAssembly.Memory;
	}

	/**
	 * Lays out weights, tap offsets (in elements), x (`xLength` doubles plus a tile, all written by
	 * `fill`: the padding must be zeros) and the output; returns `count` outputs as a view of wasm memory: read it before the
	 * next call. x must hold `count − 1 + max(offset)` doubles; the last tile reads zeros past it.
	 */
	private run(
		weights: ArrayLike<number>,
		offsets: ArrayLike<number>,
		xLength: number,
		fill: (x: Float64Array) => void,
		count: number
	): Float64Array {
		const K = weights.length;
		const q = roundUp(count, this.tile);
		const xFloats = xLength + this.tile;
		const wAt = 0;
		const offsetsAt = roundUp(K * 8, ALIGN);
		const xAt = roundUp(offsetsAt + K * 4, ALIGN);
		const outAt = roundUp(xAt + xFloats * 8, ALIGN);
		const end = outAt + q * 8;
		const buf = reserve(this.memory, end);
		new Float64Array(buf, wAt, K).set(weights);
		const byteOffsets = new Int32Array(buf, offsetsAt, K);
		for (let k = 0; k < K; k++) byteOffsets[k] = offsets[k] * 8;
		fill(new Float64Array(buf, xAt, xFloats));
		this.fn(wAt, wAt + K * 8, offsetsAt, xAt, outAt, end);
		return new Float64Array(buf, outAt, count);
	}

	/** The valid 1-D correlation of `x` with `t` (x.length ≥ t.length ≥ 1): x.length − t.length + 1 doubles. */
	valid(x: Float32Array, t: Float32Array): Float64Array {
		const offsets = Array.from({ length: t.length }, (_, k) => k);
		const fill = (xv: Float64Array) => {
			xv.set(x);
			xv.fill(0, x.length);
		};
		return this.run(t, offsets, x.length, fill, x.length - t.length + 1);
	}

	/**
	 * A 2-D correlation of x [H×W] with h [kh×kw] whose output cell (r, c) reads x from row
	 * r + rowShift and column c + colShift (negative shifts and windows past the edge read zeros):
	 * rows × cols values, row-major, rounded to float32 (a new array).
	 */
	correlate2d(
		x: Float32Array,
		H: number,
		W: number,
		h: Float32Array,
		kh: number,
		kw: number,
		rows: number,
		cols: number,
		rowShift: number,
		colShift: number
	): Float32Array {
		// padded image: output (r, c) at wide index r·Wp + c, its tap (i, j) at + i·Wp + j
		const Wp = cols + kw - 1;
		const Hp = rows + kh - 1;
		const offsets = Array.from({ length: kh * kw }, (_, k) => Math.floor(k / kw) * Wp + (k % kw));
		const wide = this.run(
			h,
			offsets,
			Hp * Wp,
			(xv) => {
				xv.fill(0);
				const c0 = Math.max(0, colShift);
				const c1 = Math.min(W, colShift + Wp);
				for (let y = Math.max(0, rowShift); y < Math.min(H, rowShift + Hp); y++)
					xv.set(x.subarray(y * W + c0, y * W + c1), (y - rowShift) * Wp + c0 - colShift);
			},
			(rows - 1) * Wp + cols
		);
		const out = new Float32Array(rows * cols);
		for (let r = 0; r < rows; r++) out.set(wide.subarray(r * Wp, r * Wp + cols), r * cols);
		return out;
	}
}

/** A correlation engine on a module with `nv` sums per tile (null where WebAssembly SIMD is missing). */
export function createWasmCorrelate(nv = CORRELATE_NV): WasmCorrelate | null {
	const instance = instantiate(correlateModule(nv));
	return instance && new WasmCorrelate(instance, 2 * nv);
}

/** The shared SIMD correlation engine, or null where WebAssembly SIMD is not supported (checked once). */
export const wasmCorrelate = once(() => createWasmCorrelate());
