/**
 * The 'js' backend's conv2d gradients scattered from the non-zero output-gradient cells. In a
 * training step the output gradient of a conv layer is mostly exact zeros (max pooling passes one
 * cell of each window, ReLU about half of those), so walking only the non-zero cells and spreading
 * each over its window's taps does a fraction of the dense products' work (batch 32, 8→16 filters on
 * 14×14: tens of ms dense, a few ms here). Same maths and double-precision sums as js-grad.ts.
 */
import type { ConvGeometry } from './shape';
import { padded } from './js-cnn';

/** Below this share of non-zero cells the scatter beats the dense GEMM (measured on the trainer's layers). */
export const SPARSE_GRADIENT_SHARE = 0.35;

/** True when few enough output-gradient cells are non-zero for the scatter to win. */
export function isSparse(grad: Float32Array): boolean {
	return nonZeroIndices(grad) !== null;
}

/** Cells scanned between checks of the count against the limit (the index buffer's slack). */
const CHUNK = 1024;

/**
 * Flat indices of the non-zero cells in ascending order, or null when more than the sparse share
 * are non-zero. One pass that writes every index and advances only past non-zero ones: no branch
 * on the (unpredictable) values, which made the scan cost more than the scatter.
 */
export function nonZeroIndices(grad: Float32Array): Int32Array | null {
	const limit = Math.floor(grad.length * SPARSE_GRADIENT_SHARE);
	const found = new Int32Array(limit + CHUNK + 1);
	const bits = new Uint32Array(grad.buffer, grad.byteOffset, grad.length);
	let count = 0;
	for (let start = 0; start < bits.length; start += CHUNK) {
		const end = Math.min(start + CHUNK, bits.length);
		for (let i = start; i < end; i++) {
			found[count] = i;
			count += nonZeroBits(bits[i]);
		}
		if (count > limit) return null;
	}
	return found.subarray(0, count);
}

/** Offsets of tap (c, i, j) from a window's top-left corner in the zero-padded image. */
function tapOffsets(g: ConvGeometry): Int32Array {
	const Hp = g.height + 2 * g.padding;
	const Wp = g.width + 2 * g.padding;
	const taps = new Int32Array(g.channels * g.kh * g.kw);
	for (let c = 0, t = 0; c < g.channels; c++)
		for (let i = 0; i < g.kh; i++) for (let j = 0; j < g.kw; j++) taps[t++] = (c * Hp + i) * Wp + j;
	return taps;
}

/** The non-zero output-gradient cells: sample, filter, value and the padded-image corner of each window. */
interface NonZeroCells {
	count: number;
	sample: Int32Array;
	filter: Int32Array;
	value: Float32Array;
	corner: Int32Array;
}

function nonZeroCells(grad: Float32Array, g: ConvGeometry, found?: Int32Array): NonZeroCells {
	const Wp = g.width + 2 * g.padding;
	const { filters: F, outHeight: oh, outWidth: ow, stride: s } = g;
	const at = found ?? allNonZero(grad);
	const count = at.length;
	const cells = {
		count,
		sample: new Int32Array(count),
		filter: new Int32Array(count),
		value: new Float32Array(count),
		corner: new Int32Array(count)
	};
	const plane = oh * ow;
	for (let k = 0; k < count; k++) {
		const i = at[k];
		const nf = Math.floor(i / plane);
		const r = i - nf * plane;
		const oy = Math.floor(r / ow);
		const n = Math.floor(nf / F);
		cells.sample[k] = n;
		cells.filter[k] = nf - n * F;
		cells.value[k] = grad[i];
		cells.corner[k] = oy * s * Wp + (r - oy * ow) * s;
	}
	return cells;
}

/** 1 unless the float's bits are +0 or −0 (NaN counts as non-zero, as `x !== 0` does). */
function nonZeroBits(bits: number): number {
	const x = bits << 1; // drops the sign bit
	return (x | -x) >>> 31; // the sign of x | −x is set exactly when x ≠ 0: no branch
}

function allNonZero(grad: Float32Array): Int32Array {
	const bits = new Uint32Array(grad.buffer, grad.byteOffset, grad.length);
	const found = new Int32Array(grad.length);
	let count = 0;
	for (let i = 0; i < bits.length; i++) {
		found[count] = i;
		count += nonZeroBits(bits[i]);
	}
	return found.subarray(0, count);
}

/** `found`: the cells' indices when the caller has them (nonZeroIndices). */
export function gradInputSparse(
	grad: Float32Array,
	weight: Float32Array,
	g: ConvGeometry,
	found?: Int32Array
): Float32Array {
	const { batch: N, channels: C, height: H, width: W, padding: p } = g;
	const Hp = H + 2 * p;
	const Wp = W + 2 * p;
	const taps = tapOffsets(g);
	const T = taps.length;
	const acc = new Float64Array(N * C * Hp * Wp);
	const cells = nonZeroCells(grad, g, found);
	for (let k = 0; k < cells.count; k++) {
		const v = cells.value[k];
		const at = cells.sample[k] * C * Hp * Wp + cells.corner[k];
		for (let t = 0, w = cells.filter[k] * T; t < T; t++, w++) acc[at + taps[t]] += v * weight[w];
	}
	const out = new Float32Array(N * C * H * W);
	for (let nc = 0; nc < N * C; nc++)
		for (let y = 0; y < H; y++) {
			const from = (nc * Hp + y + p) * Wp + p;
			const to = (nc * H + y) * W;
			for (let x = 0; x < W; x++) out[to + x] = acc[from + x];
		}
	return out;
}

export function gradWeightSparse(
	input: Float32Array,
	grad: Float32Array,
	g: ConvGeometry,
	found?: Int32Array
): Float32Array {
	const { channels: C, height: H, width: W, padding: p } = g;
	const taps = tapOffsets(g);
	const T = taps.length;
	const image = C * H * W;
	const acc = new Float64Array(g.filters * T);
	const cells = nonZeroCells(grad, g, found);
	const { sample, filter, value, corner } = cells;
	let x: Float32Array = new Float32Array(0);
	// cells come sorted by sample then filter: per run of one (sample, filter), each tap's sum is
	// kept in a register rather than read back from acc after every cell (a store-to-load chain)
	for (let start = 0; start < cells.count;) {
		const n = sample[start];
		const f = filter[start];
		let end = start + 1;
		while (end < cells.count && sample[end] === n && filter[end] === f) end++;
		if (start === 0 || sample[start - 1] !== n)
			x = padded(input.subarray(n * image, (n + 1) * image), C, H, W, p);
		for (let t = 0; t < T; t++) {
			const tap = taps[t];
			let sum = 0;
			for (let k = start; k < end; k++) sum += value[k] * x[corner[k] + tap];
			acc[f * T + t] += sum;
		}
		start = end;
	}
	return Float32Array.from(acc);
}
