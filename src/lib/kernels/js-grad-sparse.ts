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
	const limit = grad.length * SPARSE_GRADIENT_SHARE;
	let nonZero = 0;
	for (let i = 0; i < grad.length; i++) if (grad[i] !== 0 && ++nonZero > limit) return false;
	return true;
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

function nonZeroCells(grad: Float32Array, g: ConvGeometry): NonZeroCells {
	const Wp = g.width + 2 * g.padding;
	const { batch: N, filters: F, outHeight: oh, outWidth: ow, stride: s } = g;
	let count = 0;
	for (let i = 0; i < grad.length; i++) if (grad[i] !== 0) count++;
	const cells = {
		count,
		sample: new Int32Array(count),
		filter: new Int32Array(count),
		value: new Float32Array(count),
		corner: new Int32Array(count)
	};
	let k = 0;
	for (let n = 0, i = 0; n < N; n++)
		for (let f = 0; f < F; f++)
			for (let oy = 0; oy < oh; oy++)
				for (let ox = 0; ox < ow; ox++, i++)
					if (grad[i] !== 0) {
						cells.sample[k] = n;
						cells.filter[k] = f;
						cells.value[k] = grad[i];
						cells.corner[k++] = oy * s * Wp + ox * s;
					}
	return cells;
}

export function gradInputSparse(grad: Float32Array, weight: Float32Array, g: ConvGeometry): Float32Array {
	const { batch: N, channels: C, height: H, width: W, padding: p } = g;
	const Hp = H + 2 * p;
	const Wp = W + 2 * p;
	const taps = tapOffsets(g);
	const T = taps.length;
	const acc = new Float64Array(N * C * Hp * Wp);
	const cells = nonZeroCells(grad, g);
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

export function gradWeightSparse(input: Float32Array, grad: Float32Array, g: ConvGeometry): Float32Array {
	const { channels: C, height: H, width: W, padding: p } = g;
	const taps = tapOffsets(g);
	const T = taps.length;
	const image = C * H * W;
	const acc = new Float64Array(g.filters * T);
	let sample = -1;
	let x: Float32Array = new Float32Array(0);
	const cells = nonZeroCells(grad, g);
	for (let k = 0; k < cells.count; k++) {
		const n = cells.sample[k];
		if (n !== sample) {
			sample = n;
			x = padded(input.subarray(n * image, (n + 1) * image), C, H, W, p);
		}
		const v = cells.value[k];
		const corner = cells.corner[k];
		for (let t = 0, w = cells.filter[k] * T; t < T; t++, w++) acc[w] += v * x[corner + taps[t]];
	}
	return Float32Array.from(acc);
}
