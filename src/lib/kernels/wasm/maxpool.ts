/**
 * Max pooling with argmax on WebAssembly SIMD: four adjacent output cells of a row at once, every
 * channel in one call. A module is built per pool size and stride, so the window is unrolled and
 * each window element's four lanes (input columns j, j+s, j+2s, j+3s of a row) come from
 * constant offsets: for stride 1 one load, for strides 2 and 3 two loads and one shuffle, for
 * larger strides four lane loads. Each element is then kept or taken without a branch,
 *
 *   keep = v ≤ best  |  best ≠ best          (the first maximum; the first NaN wins),
 *
 * so the argmax contract of reference.ts holds exactly, NaN, ±∞ and −0 included. The index lanes
 * select the element's offset r·W + j (splatted once per call) and get the window's corner added
 * at the store. A row whose count of full windows is not a multiple of four ends with a group
 * shifted left onto cells already done (they are written again with the same values), so every
 * full window runs here once a row has four; js-maxpool.ts does the partial windows of ceil mode.
 * A branch per element, mispredicted about every other time on real data, made the scalar loop slow.
 */
import { assemble, Code, I32, V128 } from './asm';
import { ALIGN, instantiate, reserve, roundUp } from './module';

/**
 * Parameters (i32): byte addresses of the input and of the [values | indices] output, channels,
 * full-window rows and groups of four per row, the last group's first column, H·W, W, outW, outH·outW.
 */
const PARAMS = [
	'input',
	'out',
	'channels',
	'rows',
	'groups',
	'lastOx',
	'plane',
	'W',
	'outW',
	'outPlane'
] as const;

/** v128 of input columns j + l·stride (l = 0..3) of the row at `addr`, onto the stack. */
function loadElement(c: Code, addr: number, scratch: number, j: number, stride: number) {
	if (stride === 1) return c.get(addr).v128Load(4 * j);
	if (stride <= 3) {
		// lanes j, j+s from one load, j+2s, j+3s from one 2s further on
		return c
			.get(addr)
			.v128Load(4 * j)
			.get(addr)
			.v128Load(4 * (j + 2 * stride))
			.shuffle32([0, stride, 4, 4 + stride]);
	}
	c.get(addr)
		.get(scratch)
		.load32Lane(4 * j, 0);
	for (let l = 1; l < 4; l++)
		c.set(scratch)
			.get(addr)
			.get(scratch)
			.load32Lane(4 * (j + l * stride), l);
	return c;
}

/** The pool; without indices it writes the values alone (maxPool2dValues). */
function poolCode(size: number, stride: number, withIndices: boolean): Code {
	const p = Object.fromEntries(PARAMS.map((n, i) => [n, i])) as Record<(typeof PARAMS)[number], number>;
	const c = new Code(PARAMS.length);
	const [ch, oy, g, ox, chanIn, chanOut, rowIn, rowOut, rowIdx, addr, cell, toIndices] = Array.from(
		{ length: 12 },
		() => c.local(I32)
	);
	const [m, mi, v, keep, scratch] = Array.from({ length: 5 }, () => c.local(V128));
	// the offset r·W + j of each window element but the first, splatted once
	const offsets: number[] = [];
	for (let r = 0; r < size && withIndices; r++)
		for (let j = 0; j < size; j++) {
			if (r === 0 && j === 0) continue;
			const o = c.local(V128);
			c.get(p.W).i32(r).mul().i32(j).add().i32x4Splat().set(o);
			offsets.push(o);
		}

	c.get(p.channels).get(p.outPlane).mul().i32(4).mul().set(toIndices);
	c.i32(0).set(ch);
	c.get(p.input).set(chanIn);
	c.get(p.out).set(chanOut);
	c.loop(); // channels
	{
		c.i32(0).set(oy);
		c.get(chanIn).set(rowIn);
		c.get(chanOut).set(rowOut);
		c.i32(0).set(rowIdx);
		c.loop(); // output rows
		{
			c.i32(0).set(g);
			c.loop(); // groups of four output cells: ox = min(4g, lastOx)
			{
				c.get(p.lastOx).get(g).i32(4).mul().get(g).i32(4).mul().get(p.lastOx).gtU().select().set(ox);
				c.get(ox)
					.i32(4 * stride)
					.mul()
					.get(rowIn)
					.add()
					.set(addr);
				let k = 0;
				for (let r = 0; r < size; r++) {
					if (r > 0) c.get(addr).get(p.W).i32(4).mul().add().set(addr);
					for (let j = 0; j < size; j++) {
						loadElement(c, addr, scratch, j, stride);
						if (r === 0 && j === 0) {
							c.set(m);
							if (withIndices) c.i32x4Const([0, 0, 0, 0]).set(mi);
							continue;
						}
						c.set(v);
						c.get(v).get(m).f32x4Le().get(m).get(m).f32x4Ne().v128Or().set(keep);
						c.get(m).get(v).get(keep).bitselect().set(m);
						if (withIndices) c.get(mi).get(offsets[k++]).get(keep).bitselect().set(mi);
					}
				}
				// the values at `cell`, the indices (i32) 4·cells bytes further on
				c.get(ox).i32(4).mul().get(rowOut).add().set(cell);
				c.get(cell).get(m).v128Store();
				if (withIndices)
					c.get(cell)
						.get(toIndices)
						.add()
						.get(mi)
						.get(ox)
						.i32(stride)
						.mul()
						.get(rowIdx)
						.add()
						.i32x4Splat()
						.i32x4Add()
						.i32x4Const([0, stride, 2 * stride, 3 * stride])
						.i32x4Add()
						.v128Store();
				c.get(g).i32(1).add().set(g);
				c.get(g).get(p.groups).ne().brIf(0);
			}
			c.end();
			// next output row: stride input rows down
			c.get(p.W).i32(stride).mul().get(rowIdx).add().set(rowIdx);
			c.get(p.W)
				.i32(4 * stride)
				.mul()
				.get(rowIn)
				.add()
				.set(rowIn);
			c.get(p.outW).i32(4).mul().get(rowOut).add().set(rowOut);
			c.get(oy).i32(1).add().set(oy);
			c.get(oy).get(p.rows).ne().brIf(0);
		}
		c.end();
		c.get(p.plane).i32(4).mul().get(chanIn).add().set(chanIn);
		c.get(p.outPlane).i32(4).mul().get(chanOut).add().set(chanOut);
		c.get(ch).i32(1).add().set(ch);
		c.get(ch).get(p.channels).ne().brIf(0);
	}
	c.end();
	return c;
}

type PoolFn = (...args: number[]) => void;

export class WasmMaxPool {
	private pool: PoolFn;
	private poolValues: PoolFn;
	private memory: WebAssembly.Memory;

	constructor(instance: WebAssembly.Instance) {
		this.pool = instance.exports.pool as PoolFn;
		this.poolValues = instance.exports.poolValues as PoolFn;
		this.memory = instance.exports.memory as WebAssembly.Memory;
	}

	/**
	 * Copies `channels` planes H×W in, runs the full windows of rows < fullRows (fullCols ≥ 4 of them
	 * per row) of every channel and returns a fresh [values | indices] of channels·outH·outW cells
	 * each, the indices as int32 (read them through an Int32Array on the same buffer); with
	 * `withIndices` false, the values alone. The cells not run here hold whatever the memory held:
	 * the caller fills them.
	 */
	run(
		input: Float32Array,
		channels: number,
		H: number,
		W: number,
		outH: number,
		outW: number,
		fullRows: number,
		fullCols: number,
		withIndices = true
	): Float32Array {
		const cells = channels * outH * outW;
		// stride 2's loads read one float past a window's row: past the last row, into padding
		const outAt = roundUp(input.length * 4 + 16, ALIGN);
		const buf = reserve(this.memory, outAt + 8 * cells);
		new Float32Array(buf, 0, input.length).set(input);
		const groups = Math.ceil(fullCols / 4);
		const pool = withIndices ? this.pool : this.poolValues;
		pool(0, outAt, channels, fullRows, groups, fullCols - 4, H * W, W, outW, outH * outW);
		// new + set (a memcpy) costs a third of slice() on a view of wasm memory at these sizes
		const out = new Float32Array((withIndices ? 2 : 1) * cells);
		out.set(new Float32Array(buf, outAt, out.length));
		return out;
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
		const params = PARAMS.length;
		const instance = instantiate(
			assemble(
				[
					{ name: 'pool', params, code: poolCode(size, stride, true) },
					{ name: 'poolValues', params, code: poolCode(size, stride, false) }
				],
				1
			)
		);
		modules.set(key, instance && new WasmMaxPool(instance));
	}
	return modules.get(key)!;
}
