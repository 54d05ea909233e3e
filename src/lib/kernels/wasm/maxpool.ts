/**
 * Max pooling with argmax on WebAssembly SIMD: four adjacent output cells of a row at once. Each
 * window element is gathered into four lanes (v128.load32_lane at constant offsets: a module is
 * built per pool size and stride), then compared and selected without a branch,
 *
 *   take = v > best  |  (v ≠ v  &  best = best)       (the first maximum; the first NaN wins),
 *
 * so the argmax contract of reference.ts holds exactly, NaN included. Only windows wholly inside
 * the image, in groups of four along a row, run here; js-maxpool.ts does the rest. A branch per
 * element, mispredicted about every other time on real data, is what made the scalar loop slow.
 */
import { assemble, Code, I32, V128 } from './asm';
import { ALIGN, instantiate, reserve, roundUp } from './module';

/** Parameters (i32): byte pointers to the channel's input and its two output planes, sizes in elements. */
const PARAMS = ['inRow', 'outV', 'outI', 'rows', 'groups', 'W', 'outW'] as const;

function poolCode(size: number, stride: number): Code {
	const p = Object.fromEntries(PARAMS.map((n, i) => [n, i])) as Record<(typeof PARAMS)[number], number>;
	const c = new Code(PARAMS.length);
	const [oy, g, rowAddr, rowIdx, addr, idx, ov, oi] = Array.from({ length: 8 }, () => c.local(I32));
	const [m, mi, v, vi, take] = Array.from({ length: 5 }, () => c.local(V128));
	const laneOffsets = [0, stride, 2 * stride, 3 * stride];

	c.get(p.inRow).set(rowAddr);
	c.i32(0).set(rowIdx);
	c.get(p.outV).set(ov);
	c.get(p.outI).set(oi);
	c.i32(0).set(oy);
	c.loop(); // output rows
	{
		c.i32(0).set(g);
		c.loop(); // groups of four output cells
		{
			for (let r = 0; r < size; r++) {
				// addr = rowAddr + 4·(r·W + 4·stride·g); idx = rowIdx + r·W + 4·stride·g
				c.get(p.W)
					.i32(r)
					.mul()
					.get(g)
					.i32(4 * stride)
					.mul()
					.add()
					.set(idx);
				c.get(rowAddr).get(idx).i32(4).mul().add().set(addr);
				c.get(idx).get(rowIdx).add().set(idx);
				for (let j = 0; j < size; j++) {
					for (let lane = 0; lane < 4; lane++)
						c.get(addr)
							.get(v)
							.load32Lane(4 * (laneOffsets[lane] + j), lane)
							.set(v);
					c.get(idx).i32(j).add().i32x4Splat().i32x4Const(laneOffsets).i32x4Add().set(vi);
					if (r === 0 && j === 0) {
						c.get(v).set(m);
						c.get(vi).set(mi);
						continue;
					}
					c.get(v).get(m).f32x4Gt();
					c.get(v).get(v).f32x4Ne().get(m).get(m).f32x4Eq().v128And();
					c.v128Or().set(take);
					c.get(v).get(m).get(take).bitselect().set(m);
					c.get(vi).get(mi).get(take).bitselect().set(mi);
				}
			}
			// out + 16·g: four values, four indices (as f32, exact below 2^24)
			c.get(ov).get(g).i32(16).mul().add().get(m).v128Store();
			c.get(oi).get(g).i32(16).mul().add().get(mi).f32x4ConvertI32x4().v128Store();
			c.get(g).i32(1).add().set(g);
			c.get(g).get(p.groups).ne().brIf(0);
		}
		c.end();
		// next output row: stride input rows down
		c.get(p.W).i32(stride).mul().get(rowIdx).add().set(rowIdx);
		c.get(p.W)
			.i32(4 * stride)
			.mul()
			.get(rowAddr)
			.add()
			.set(rowAddr);
		c.get(p.outW).i32(4).mul().get(ov).add().set(ov);
		c.get(p.outW).i32(4).mul().get(oi).add().set(oi);
		c.get(oy).i32(1).add().set(oy);
		c.get(oy).get(p.rows).ne().brIf(0);
	}
	c.end();
	return c;
}

type PoolFn = (...args: number[]) => void;

export class WasmMaxPool {
	private pool: PoolFn;
	private memory: WebAssembly.Memory;

	constructor(instance: WebAssembly.Instance) {
		this.pool = instance.exports.pool as PoolFn;
		this.memory = instance.exports.memory as WebAssembly.Memory;
	}

	/**
	 * Copies `channels` planes H×W in and runs the full windows (rows < fullRows, columns < 4·groups)
	 * of every channel; returns views of the value and index planes [channels, outH, outW] in wasm
	 * memory (valid until the next call) for the caller to complete and copy out.
	 */
	run(
		input: Float32Array,
		channels: number,
		H: number,
		W: number,
		outH: number,
		outW: number,
		fullRows: number,
		groups: number
	) {
		const cells = channels * outH * outW;
		const vAt = roundUp(input.length * 4, ALIGN);
		const iAt = roundUp(vAt + cells * 4, ALIGN);
		const buf = reserve(this.memory, iAt + cells * 4 + 16);
		new Float32Array(buf, 0, input.length).set(input);
		if (fullRows > 0 && groups > 0)
			for (let c = 0; c < channels; c++)
				this.pool(
					4 * c * H * W,
					vAt + 4 * c * outH * outW,
					iAt + 4 * c * outH * outW,
					fullRows,
					groups,
					W,
					outW
				);
		return { values: new Float32Array(buf, vAt, cells), indices: new Float32Array(buf, iAt, cells) };
	}
}

const modules = new Map<string, WasmMaxPool | null>();

/** Windows up to this many elements are unrolled into one module. */
export const MAX_UNROLLED = 25;

/** The SIMD pool for one size and stride (built once), or null where SIMD is missing or the window is too big. */
export function wasmMaxPool(size: number, stride: number): WasmMaxPool | null {
	if (size * size > MAX_UNROLLED) return null;
	const key = `${size}/${stride}`;
	if (!modules.has(key)) {
		const instance = instantiate(
			assemble([{ name: 'pool', params: PARAMS.length, code: poolCode(size, stride) }], 1)
		);
		modules.set(key, instance && new WasmMaxPool(instance));
	}
	return modules.get(key)!;
}
