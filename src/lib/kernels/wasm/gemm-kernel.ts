/**
 * The WebAssembly SIMD micro-kernel behind conv2d and conv1x1 in the 'js' backend:
 *
 *   out[f][q] = bias[f] + Σ_k w[f][k] · x[taps[k] + q]      (f < F4, q < Q, all f32)
 *
 * A GEMM [F×K]·[K×Q] whose right-hand rows are found through a table of byte offsets (`taps`), so
 * one kernel serves a 1×1 conv (tap k = channel k's row) and a k×k conv (tap = channel, ky, kx
 * shifted into a padded image: no im2col copy). A register tile of 4 filters × 4·NV pixels keeps
 * 4·NV f32x4 sums; each tap costs NV vector loads of x and 4 splat loads of weights for 4·NV
 * vector multiply-adds. Weights are packed [F4/4][K][4] so one tap's 4 weights are adjacent.
 * No relaxed FMA: mul then add rounds like the JS reference's float32 inputs summed in order.
 */
import { assemble, Code, I32, V128 } from './asm';

/** Parameters, in order (all i32; pointers and sizes in bytes). */
const PARAMS = ['w', 'x', 'taps', 'bias', 'out', 'tapsEnd', 'filters4', 'qBytes', 'outStride'] as const;

/** Emits gemm with a tile of 4 filters × 4·nv pixels (nv f32x4 sums per filter). */
function gemmCode(nv: number): Code {
	const p = Object.fromEntries(PARAMS.map((n, i) => [n, i])) as Record<(typeof PARAMS)[number], number>;
	const c = new Code(PARAMS.length);
	const fb = c.local(I32); // byte offset of the filter block in bias (4 filters × 4 bytes per block)
	const wBlock = c.local(I32);
	const q = c.local(I32);
	const tp = c.local(I32);
	const wp = c.local(I32);
	const xa = c.local(I32);
	const o = c.local(I32);
	const oBlock = c.local(I32); // the output row of the block's first filter
	const acc = Array.from({ length: 4 * nv }, () => c.local(V128)); // acc[f·nv + v]
	const xv = Array.from({ length: nv }, () => c.local(V128));

	c.get(p.w).set(wBlock);
	c.get(p.out).set(oBlock);
	c.i32(0).set(fb);
	c.loop(); // filter blocks
	{
		c.i32(0).set(q);
		c.loop(); // pixel tiles
		{
			for (let f = 0; f < 4; f++)
				for (let v = 0; v < nv; v++)
					c.get(p.bias)
						.get(fb)
						.add()
						.load32Splat(4 * f)
						.set(acc[f * nv + v]);
			c.get(p.taps).set(tp);
			c.get(wBlock).set(wp);
			c.loop(); // taps: the reduction
			{
				c.get(p.x).get(tp).i32Load().add().get(q).add().set(xa);
				for (let v = 0; v < nv; v++)
					c.get(xa)
						.v128Load(16 * v)
						.set(xv[v]);
				for (let f = 0; f < 4; f++) {
					for (let v = 0; v < nv; v++) {
						const a = acc[f * nv + v];
						c.get(a)
							.get(wp)
							.load32Splat(4 * f)
							.get(xv[v])
							.f32x4Mul()
							.f32x4Add()
							.set(a);
					}
				}
				c.get(wp).i32(16).add().set(wp);
				c.get(tp).i32(4).add().set(tp);
				c.get(tp).get(p.tapsEnd).ne().brIf(0);
			}
			c.end();
			c.get(oBlock).get(q).add().set(o);
			for (let f = 0; f < 4; f++) {
				for (let v = 0; v < nv; v++)
					c.get(o)
						.get(acc[f * nv + v])
						.v128Store(16 * v);
				if (f < 3) c.get(o).get(p.outStride).add().set(o);
			}
			c.get(q)
				.i32(16 * nv)
				.add()
				.set(q);
			c.get(q).get(p.qBytes).ne().brIf(0);
		}
		c.end();
		c.get(wBlock).get(p.tapsEnd).get(p.taps).i32(-1).mul().add().i32(4).mul().add().set(wBlock);
		c.get(oBlock).get(p.outStride).i32(4).mul().add().set(oBlock);
		c.get(fb).i32(16).add().set(fb);
		c.get(fb).get(p.filters4).i32(4).mul().ne().brIf(0);
	}
	c.end();
	return c;
}

/**
 * f32x4 sums per filter (the tile is 4 filters × 4·NV pixels). Measured in Node, best of 9×10 calls,
 * conv2d 32×32×16 → 32@3×3 / 1×1 conv 64×56²→16: NV=1 0.40/0.22 ms, NV=2 0.36/0.23, NV=3 0.45/0.30,
 * NV=4 0.48/0.33 (12 and 16 sums plus loads exceed the 16 xmm registers V8 allocates, and spill).
 */
export const NV = 2;

/** The module's bytes: `gemm(w, x, taps, bias, out, tapsEnd, filters4, qBytes, outStride)` and `memory`. */
export function gemmModule(nv = NV): Uint8Array {
	return assemble([{ name: 'gemm', params: PARAMS.length, code: gemmCode(nv) }], 1);
}
