/**
 * A GPU.js backend behind the Engine contract. Kernels are built once per shape (sizes are
 * compile-time constants, so loops have constant bounds) and cached by a key of kernel name and
 * constants, the least recently used destroyed past a bound (kernel-cache.ts); `dispose()`
 * destroys them and the GPU instance. Results are always copied into a fresh
 * Float32Array, so a later call can never change (or be confused with) an earlier result.
 */
import type { Engine } from '../engine';
import type { Backend } from '../types';
import type { Range1d } from '../shape';
import { conv1x1Kernel } from './kernels-cnn';
import { cnnMethods } from './engine-cnn';
import { KernelCache } from './kernel-cache';
import {
	correlate1dKernel,
	correlate2dKernel,
	flipShiftKernel,
	matchedNormalizedKernel
} from './kernels-signal';

/** float32 two-pass variance below this fraction of Σs² is rounding noise: treat it as zero. */
export const GPU_ZERO_VARIANCE = 1e-6;

export type GpuMode = Exclude<Backend, 'js'>;

// Structural view of the parts of GPU.js used here (its own typings are loose about `this`).
interface GpuKernel {
	(...args: unknown[]): unknown;
	destroy(removeCanvasReference?: boolean): void;
	kernel?: { constructor: { mode?: string }; context?: unknown };
}
export interface GpuInstance {
	createKernel(fn: unknown, settings: Record<string, unknown>): GpuKernel;
	destroy(): Promise<void> | void;
	context?: unknown;
}

function flatten(raw: unknown, expected: number): Float32Array {
	if (raw instanceof Float32Array) return raw.slice();
	if (Array.isArray(raw) || ArrayBuffer.isView(raw)) return Float32Array.from(raw as ArrayLike<number>);
	throw new Error(`GPU.js returned ${typeof raw} instead of ${expected} numbers`);
}

/** [a | b] for the two kernels of one engine call (Promises of them on WebGPU). */
function joined<R>(a: R, b: R, isAsync: boolean): R {
	const join = (x: Float32Array, y: Float32Array) => {
		const out = new Float32Array(x.length + y.length);
		out.set(x);
		out.set(y, x.length);
		return out;
	};
	if (isAsync) return Promise.all([a, b]).then(([x, y]) => join(x as Float32Array, y as Float32Array)) as R;
	return join(a as Float32Array, b as Float32Array) as R;
}

export function createGpuEngine<R>(gpu: GpuInstance, mode: GpuMode, isAsync: boolean): Engine<R> {
	const cache = new KernelCache<GpuKernel>();
	const lost = (): boolean => {
		const gl = gpu.context as { isContextLost?: () => boolean } | undefined;
		return typeof gl?.isContextLost === 'function' && gl.isContextLost();
	};

	function run(
		name: string,
		fn: unknown,
		length: number,
		constants: Record<string, number>,
		args: unknown[]
	): R {
		const key = `${name}:${length}:${JSON.stringify(constants)}`;
		const kernel = cache.get(key, () =>
			gpu.createKernel(fn, { output: [length], constants, precision: 'single', tactic: 'precision' })
		);
		if (lost()) throw new Error(`${mode}: the GL context is lost`);
		const raw = kernel(...args);
		if (isAsync) return cache.track(kernel, Promise.resolve(raw)).then((r) => flatten(r, length)) as R;
		// a lost context makes GL return zeros instead of failing: check after the readback
		if (lost()) throw new Error(`${mode}: the GL context was lost during the call`);
		return flatten(raw, length) as R;
	}

	return {
		correlate1d(x: Float32Array, h: Float32Array, range: Range1d) {
			const constants = { n: x.length, m: h.length, shift: range.offset - (h.length - 1) };
			return run('correlate1d', correlate1dKernel, range.length, constants, [x, h]);
		},
		correlate2d(x, H, W, h, kh, kw, rows, cols) {
			const constants = {
				H,
				W,
				kh,
				kw,
				outW: cols.length,
				rowShift: rows.offset - (kh - 1),
				colShift: cols.offset - (kw - 1)
			};
			return run('correlate2d', correlate2dKernel, rows.length * cols.length, constants, [x, h]);
		},
		flipShiftProducts(x, h) {
			const length = (x.length + h.length - 1) * x.length;
			return run('flipShift', flipShiftKernel, length, { n: x.length, m: h.length }, [x, h]);
		},
		matchedFilter(signal, template) {
			const m = template.length;
			const count = signal.length - m + 1;
			const output = run('correlate1d', correlate1dKernel, count, { n: signal.length, m, shift: 0 }, [
				signal,
				template
			]);
			let mean = 0;
			for (const t of template) mean += t / m;
			const centred = template.map((t) => t - mean);
			let tt = 0;
			for (const t of centred) tt += t * t;
			const constants = { m, zero: GPU_ZERO_VARIANCE };
			const normalized = run('matched', matchedNormalizedKernel, count, constants, [signal, centred, tt]);
			return joined(output, normalized, isAsync);
		},
		...cnnMethods<R>(run, isAsync),
		conv1x1(input, weight, bias, C, P, F) {
			const b = bias ?? new Float32Array(F);
			return run('conv1x1', conv1x1Kernel, F * P, { C, P }, [input, weight, b]);
		},
		cacheSize: () => cache.size,
		dispose() {
			cache.clear();
			void gpu.destroy();
		}
	};
}
