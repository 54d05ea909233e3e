/**
 * The 'js' backend's max pooling with argmax: on WebAssembly SIMD (wasm/maxpool.ts) for the
 * windows wholly inside the image wherever a row has at least four of them; here the rest, and
 * everything where SIMD is missing. Windows wholly inside the image take a branch-light path: the
 * window's values are compared with `>` only (the first maximum wins ties by order), and one sum per
 * window says whether a NaN was there (NaN + anything is NaN; so is ∞ − ∞, a false alarm that only
 * costs the careful path). Such windows, and the partial windows at the bottom and right edges in
 * ceil mode, run the careful per-element loop where the first NaN wins. 2×2 windows are unrolled.
 *
 * Returns [values | indices] (2·cells), the indices as int32 in the second half of the buffer
 * (engine.ts), so the plan hands both out without a copy or a conversion.
 */
import type { PoolGeometry } from './shape';
import { wasmMaxPool } from './wasm/maxpool';

/** The careful loop: window [y0,y1)×[x0,x1) of the channel at `base`; first maximum, first NaN wins. */
function windowArgmax(
	input: Float32Array,
	base: number,
	W: number,
	y0: number,
	y1: number,
	x0: number,
	x1: number
) {
	let best = y0 * W + x0;
	let bv = input[base + best];
	for (let y = y0; y < y1 && bv === bv; y++) {
		for (let r = y * W, k = r + x0; k < r + x1; k++) {
			const v = input[base + k];
			if (v > bv || v !== v) {
				bv = v;
				best = k;
				if (v !== v) break;
			}
		}
	}
	return best;
}

export function maxPoolArgmax(input: Float32Array, g: PoolGeometry): Float32Array {
	const { channels, height: H, width: W, size, stride, outHeight, outWidth } = g;
	const cells = channels * outHeight * outWidth;
	// outputs whose windows lie wholly inside the image
	const fullRows = Math.min(outHeight, Math.floor((H - size) / stride) + 1);
	const fullCols = Math.min(outWidth, Math.floor((W - size) / stride) + 1);
	const wasm = fullRows > 0 && fullCols >= 4 ? wasmMaxPool(size, stride) : null;
	const out = wasm
		? wasm.run(input, channels, H, W, outHeight, outWidth, fullRows, fullCols)
		: new Float32Array(2 * cells);
	const indices = new Int32Array(out.buffer, out.byteOffset + 4 * cells, cells);
	loops(input, g, fullRows, fullCols, out, indices, wasm ? fullCols : 0);
	return out;
}

/**
 * The values alone: on SIMD when it covers every cell (no partial windows, rows of ≥ 4 windows),
 * otherwise the first half of maxPoolArgmax (the loops find the index anyway).
 */
export function maxPool(input: Float32Array, g: PoolGeometry): Float32Array {
	const { channels, height: H, width: W, size, stride, outHeight, outWidth } = g;
	const fullRows = Math.floor((H - size) / stride) + 1;
	const fullCols = Math.floor((W - size) / stride) + 1;
	const everyCell = fullRows >= outHeight && fullCols >= outWidth && fullCols >= 4;
	const wasm = everyCell ? wasmMaxPool(size, stride) : null;
	if (wasm) return wasm.run(input, channels, H, W, outHeight, outWidth, outHeight, outWidth, false);
	return maxPoolArgmax(input, g).subarray(0, channels * outHeight * outWidth);
}

/**
 * Every output cell not already done: in rows < fullRows the columns from `done` on (full windows
 * up to fullCols, then partial ones), in the other rows all of them.
 */
function loops(
	input: Float32Array,
	g: PoolGeometry,
	fullRows: number,
	fullCols: number,
	values: Float32Array,
	indices: Int32Array,
	done: number
) {
	const { channels, height: H, width: W, size, stride, outHeight, outWidth } = g;
	for (let c = 0, i = 0; c < channels; c++) {
		const base = c * H * W;
		for (let oy = 0; oy < outHeight; oy++) {
			const y0 = oy * stride;
			let ox = 0;
			if (oy < fullRows) {
				ox = done;
				const n = fullCols - done;
				if (n > 0 && size === 2) rowOf2x2(input, base, W, y0, stride, ox, n, values, indices, i + ox);
				else if (n > 0) rowOfWindows(input, base, W, y0, size, stride, ox, n, values, indices, i + ox);
				ox = Math.max(ox, fullCols);
			}
			const y1 = Math.min(y0 + size, H);
			for (; ox < outWidth; ox++) {
				const x0 = ox * stride;
				const best = windowArgmax(input, base, W, y0, y1, x0, Math.min(x0 + size, W));
				values[i + ox] = input[base + best];
				indices[i + ox] = best;
			}
			i += outWidth;
		}
	}
}

/** `count` full 2×2 windows of row y0 from column ox0 on. */
function rowOf2x2(
	input: Float32Array,
	base: number,
	W: number,
	y0: number,
	stride: number,
	ox0: number,
	count: number,
	values: Float32Array,
	indices: Int32Array,
	at: number
) {
	const row = y0 * W;
	for (let ox = 0, k = row + ox0 * stride; ox < count; ox++, k += stride) {
		const a = input[base + k];
		const b = input[base + k + 1];
		const c = input[base + k + W];
		const d = input[base + k + W + 1];
		let bv = a;
		let best = k;
		if (b > bv) {
			bv = b;
			best = k + 1;
		}
		if (c > bv) {
			bv = c;
			best = k + W;
		}
		if (d > bv) {
			bv = d;
			best = k + W + 1;
		}
		const sum = a + b + c + d;
		if (sum !== sum) {
			best = windowArgmax(input, base, W, y0, y0 + 2, k - row, k - row + 2);
			bv = input[base + best];
		}
		values[at + ox] = bv;
		indices[at + ox] = best;
	}
}

/** `count` full size×size windows of row y0 from column ox0 on. */
function rowOfWindows(
	input: Float32Array,
	base: number,
	W: number,
	y0: number,
	size: number,
	stride: number,
	ox0: number,
	count: number,
	values: Float32Array,
	indices: Int32Array,
	at: number
) {
	const row = y0 * W;
	for (let ox = 0, k0 = row + ox0 * stride; ox < count; ox++, k0 += stride) {
		let best = k0;
		let bv = input[base + k0];
		let sum = 0;
		for (let r = 0, k = k0; r < size; r++, k += W) {
			for (let j = 0; j < size; j++) {
				const v = input[base + k + j];
				sum += v;
				if (v > bv) {
					bv = v;
					best = k + j;
				}
			}
		}
		if (sum !== sum) {
			best = windowArgmax(input, base, W, y0, y0 + size, k0 - row, k0 - row + size);
			bv = input[base + best];
		}
		values[at + ox] = bv;
		indices[at + ox] = best;
	}
}
