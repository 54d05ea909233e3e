/**
 * The CNN methods of a GPU.js engine (gpu/engine.ts): geometry turned into each kernel's
 * constants (its compile-time loop bounds) and arguments. A batch is one kernel call: conv2d
 * indexes images by thread, pooling treats N·C channels.
 */
import type { Engine } from '../engine';
import type { ConvGeometry, PoolGeometry } from '../shape';
import { conv2dKernel, maxPoolArgmaxKernel, maxPoolBackwardKernel, pNormPoolKernel } from './kernels-cnn';
import { conv2dGradInputKernel, conv2dGradWeightKernel, pNormPoolBackwardKernel } from './kernels-grad';

/** Runs a cached kernel (gpu/engine.ts): name, source, output length, constants, arguments. */
export type RunKernel<R> = (
	name: string,
	fn: unknown,
	length: number,
	constants: Record<string, number>,
	args: unknown[]
) => R;

type CnnMethods =
	| 'conv2d'
	| 'conv2dGradInput'
	| 'conv2dGradWeight'
	| 'maxPoolArgmax'
	| 'maxPool'
	| 'maxPoolBackward'
	| 'pNormPool'
	| 'pNormPoolBackward';

function convConstants(g: ConvGeometry) {
	const { channels: C, height: H, width: W, filters: F, kh, kw, stride, padding } = g;
	return { C, H, W, F, kh, kw, stride, padding, outH: g.outHeight, outW: g.outWidth };
}

function poolConstants(g: PoolGeometry) {
	const { height: H, width: W, size, stride, outHeight: outH, outWidth: outW } = g;
	return { H, W, size, stride, outH, outW };
}

export function cnnMethods<R>(run: RunKernel<R>, isAsync: boolean): Pick<Engine<R>, CnnMethods> {
	const pNorm = (input: Float32Array, g: PoolGeometry, p: number) => {
		const constants = { ...poolConstants(g), isMax: p === Infinity ? 1 : 0 };
		const pArg = p === Infinity ? 1 : p;
		return run('pNorm', pNormPoolKernel, g.channels * g.outHeight * g.outWidth, constants, [input, pArg]);
	};
	return {
		conv2d(input, weight, bias, g) {
			const b = bias ?? new Float32Array(g.filters);
			const length = g.batch * g.filters * g.outHeight * g.outWidth;
			return run('conv2d', conv2dKernel, length, convConstants(g), [input, weight, b]);
		},
		conv2dGradInput(grad, weight, g) {
			const length = g.batch * g.channels * g.height * g.width;
			return run('conv2dGradInput', conv2dGradInputKernel, length, convConstants(g), [grad, weight]);
		},
		conv2dGradWeight(input, grad, g) {
			const length = g.filters * g.channels * g.kh * g.kw;
			const constants = { ...convConstants(g), N: g.batch };
			return run('conv2dGradWeight', conv2dGradWeightKernel, length, constants, [input, grad]);
		},
		maxPoolArgmax(input, g) {
			const cells = g.channels * g.outHeight * g.outWidth;
			const out = run('maxPool', maxPoolArgmaxKernel, 2 * cells, { ...poolConstants(g), cells }, [input]);
			if (isAsync) return (out as Promise<Float32Array>).then((r) => indicesAsInt32(r, cells)) as R;
			return indicesAsInt32(out as Float32Array, cells) as R;
		},
		maxPool(input, g) {
			// the argmax kernel's threads below `cells` are the values
			const cells = g.channels * g.outHeight * g.outWidth;
			return run('maxPoolValues', maxPoolArgmaxKernel, cells, { ...poolConstants(g), cells }, [input]);
		},
		maxPoolBackward(grad, argmax, g) {
			const { rowStart, colStart, spanY, spanX } = argmaxSpans(argmax, g);
			const constants = { H: g.height, W: g.width, outH: g.outHeight, outW: g.outWidth, spanY, spanX };
			const length = g.channels * g.height * g.width;
			return run('maxPoolBack', maxPoolBackwardKernel, length, constants, [
				grad,
				Float32Array.from(argmax),
				rowStart,
				colStart
			]);
		},
		pNormPool: pNorm,
		pNormPoolBackward(input, grad, g, p) {
			const span = Math.ceil(g.size / g.stride);
			const constants = { ...poolConstants(g), spanY: span, spanX: span, isMax: p === Infinity ? 1 : 0 };
			const length = g.channels * g.height * g.width;
			const back = (out: Float32Array) =>
				run('pNormBack', pNormPoolBackwardKernel, length, constants, [
					input,
					grad,
					out,
					p === Infinity ? 1 : p
				]);
			// the slope needs the forward output: pooled first (on the same backend), then gathered
			if (p === Infinity) return back(input);
			const out = pNorm(input, g, p);
			if (isAsync) return (out as Promise<Float32Array>).then(back) as R;
			return back(out as Float32Array);
		}
	};
}

/** The engine contract stores the argmax as int32: the kernel's float indices, rewritten in place. */
function indicesAsInt32(both: Float32Array, cells: number): Float32Array {
	const ints = new Int32Array(both.buffer, both.byteOffset + 4 * cells, cells);
	for (let i = 0; i < cells; i++) ints[i] = both[cells + i];
	return both;
}

/**
 * For the gather-form backward kernel: for every input row (column), the first output row (column)
 * whose argmax lies in it, and how many output rows (columns) at most can point at one input row.
 */
export function argmaxSpans(argmax: Int32Array, g: PoolGeometry) {
	const first = (n: number) => new Float32Array(n).fill(Infinity);
	const rowStart = first(g.height);
	const rowEnd = new Float32Array(g.height).fill(-1);
	const colStart = first(g.width);
	const colEnd = new Float32Array(g.width).fill(-1);
	const per = g.outHeight * g.outWidth;
	for (let i = 0; i < argmax.length; i++) {
		const r = i % per;
		const oy = Math.floor(r / g.outWidth);
		const ox = r - oy * g.outWidth;
		const y = Math.floor(argmax[i] / g.width);
		const x = argmax[i] - y * g.width;
		rowStart[y] = Math.min(rowStart[y], oy);
		rowEnd[y] = Math.max(rowEnd[y], oy);
		colStart[x] = Math.min(colStart[x], ox);
		colEnd[x] = Math.max(colEnd[x], ox);
	}
	let spanY = 1;
	let spanX = 1;
	for (let y = 0; y < g.height; y++) {
		if (rowEnd[y] < 0)
			rowStart[y] = g.outHeight; // no output points here: the loop finds nothing
		else spanY = Math.max(spanY, rowEnd[y] - rowStart[y] + 1);
	}
	for (let x = 0; x < g.width; x++) {
		if (colEnd[x] < 0) colStart[x] = g.outWidth;
		else spanX = Math.max(spanX, colEnd[x] - colStart[x] + 1);
	}
	return { rowStart, colStart, spanY, spanX };
}
