/**
 * A 1-D valid correlation in double precision on WebAssembly SIMD, behind the 'js' matchedFilter:
 *
 *   out[i] = Σ_k t[k] · x[i + k]      (i < count, k < m, all f64)
 *
 * Why f64: the matched filter's normalisation uses Σ s·(t − t̄) = Σ s·t − t̄·Σs, a difference that
 * cancels under a DC offset; products of two float32 values are exact in f64, so summing them in
 * f64 keeps that difference accurate to ~1e-16·|Σ s·t| (f32x4 would leave ~1e-7). Each output sums
 * its products in tap order, the same order as the scalar JavaScript loop, so the two agree bit for
 * bit. A register tile of NV f64x2 sums (2·NV outputs) costs, per tap, one splat of t[k] and NV
 * unaligned loads of x for 2·NV multiply-adds.
 */
import { assemble, Code, V128, I32 } from './asm';
import { ALIGN, instantiate, once, reserve, roundUp } from './module';

/** Parameters (i32 byte addresses): template, its end, signal, output, the output's end. */
const PARAMS = ['t', 'tEnd', 'x', 'out', 'outEnd'] as const;

function correlateCode(nv: number): Code {
	const p = Object.fromEntries(PARAMS.map((n, i) => [n, i])) as Record<(typeof PARAMS)[number], number>;
	const c = new Code(PARAMS.length);
	const o = c.local(I32); // the current tile's first output
	const xq = c.local(I32); // x at the tile's first output
	const tp = c.local(I32);
	const xa = c.local(I32);
	const w = c.local(V128);
	const acc = Array.from({ length: nv }, () => c.local(V128));

	c.get(p.out).set(o);
	c.get(p.x).set(xq);
	c.loop(); // output tiles
	{
		for (const a of acc) c.v128Zero().set(a);
		c.get(p.t).set(tp);
		c.get(xq).set(xa);
		c.loop(); // taps
		{
			c.get(tp).load64Splat().set(w);
			for (let v = 0; v < nv; v++)
				c.get(acc[v])
					.get(w)
					.get(xa)
					.v128Load(16 * v)
					.f64x2Mul()
					.f64x2Add()
					.set(acc[v]);
			c.get(tp).i32(8).add().set(tp);
			c.get(xa).i32(8).add().set(xa);
			c.get(tp).get(p.tEnd).ne().brIf(0);
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

type CorrelateFn = (t: number, tEnd: number, x: number, out: number, outEnd: number) => void;

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
	 * The valid correlation of `x` with `t` (x.length ≥ t.length ≥ 1), as a view of wasm memory
	 * holding `x.length − t.length + 1` doubles: read it before the next call.
	 */
	valid(x: Float32Array, t: Float32Array): Float64Array {
		const m = t.length;
		const count = x.length - m + 1;
		const q = roundUp(count, this.tile);
		const xFloats = q + m - 1; // the last tile reads up to here; past x.length it reads zeros
		const tAt = 0;
		const xAt = roundUp(m * 8, ALIGN);
		const outAt = roundUp(xAt + xFloats * 8, ALIGN);
		const end = outAt + q * 8;
		const buf = reserve(this.memory, end);
		new Float64Array(buf, tAt, m).set(t);
		const xv = new Float64Array(buf, xAt, xFloats);
		xv.set(x);
		xv.fill(0, x.length);
		this.fn(tAt, tAt + m * 8, xAt, outAt, end);
		return new Float64Array(buf, outAt, count);
	}
}

/** A correlation engine on a module with `nv` sums per tile (null where WebAssembly SIMD is missing). */
export function createWasmCorrelate(nv = CORRELATE_NV): WasmCorrelate | null {
	const instance = instantiate(correlateModule(nv));
	return instance && new WasmCorrelate(instance, 2 * nv);
}

/** The shared SIMD correlation engine, or null where WebAssembly SIMD is not supported (checked once). */
export const wasmCorrelate = once(() => createWasmCorrelate());
