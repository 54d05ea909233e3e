/**
 * Argument checks at the public boundary. Each throws a TypeError (wrong kind of value) or a
 * RangeError (right kind, wrong value) whose message names the function, the argument and what is
 * allowed, so a bad call never reaches a kernel and never returns garbage.
 */
import type { Mode, PoolOptions, Tensor } from './types';
import { convOutputSize, poolOutputSize } from './shape';

const MODES: readonly Mode[] = ['full', 'same', 'valid'];

export function checkVector(fn: string, name: string, x: unknown): Float32Array {
	if (!(x instanceof Float32Array)) throw new TypeError(`${fn}: ${name} must be a Float32Array`);
	if (x.length === 0) throw new RangeError(`${fn}: ${name} is empty; it needs at least one sample`);
	return x;
}

export function checkMode(fn: string, mode: unknown): Mode {
	if (mode === undefined) return 'full';
	if (!MODES.includes(mode as Mode)) {
		throw new RangeError(`${fn}: unknown mode ${JSON.stringify(mode)}; allowed: 'full', 'same', 'valid'`);
	}
	return mode as Mode;
}

/** A kernel longer than the input has no 'valid' (or meaningful 'same') output. */
export function checkKernelFits(fn: string, n: number, m: number, mode: Mode, axis = ''): void {
	if (mode !== 'full' && m > n) {
		throw new RangeError(
			`${fn}: kernel${axis} length ${m} is longer than the input${axis} length ${n}; mode '${mode}' needs kernel <= input (use 'full')`
		);
	}
}

export function checkTensor(fn: string, name: string, t: unknown, rank: number, layout: string): Tensor {
	if (typeof t !== 'object' || t === null)
		throw new TypeError(`${fn}: ${name} must be a Tensor {shape, data}`);
	const { shape, data } = t as Partial<Tensor>;
	if (!Array.isArray(shape)) throw new TypeError(`${fn}: ${name}.shape must be an array ${layout}`);
	if (!(data instanceof Float32Array)) throw new TypeError(`${fn}: ${name}.data must be a Float32Array`);
	if (shape.length !== rank) {
		throw new RangeError(`${fn}: ${name} must have rank ${rank} ${layout}, got shape [${shape.join(',')}]`);
	}
	for (const d of shape) {
		if (!Number.isInteger(d) || d < 1) {
			throw new RangeError(`${fn}: ${name}.shape [${shape.join(',')}] must hold integers >= 1 (empty input)`);
		}
	}
	const size = shape.reduce((a, b) => a * b, 1);
	if (size !== data.length) {
		throw new RangeError(
			`${fn}: ${name}.shape [${shape.join(',')}] needs ${size} values but data has ${data.length}`
		);
	}
	return t as Tensor;
}

export function checkShape(fn: string, name: string, shape: unknown, rank: number, layout: string): number[] {
	if (!Array.isArray(shape) || shape.length !== rank || !shape.every((d) => Number.isInteger(d) && d >= 1)) {
		throw new RangeError(
			`${fn}: ${name} must be ${rank} integers >= 1 ${layout}, got ${JSON.stringify(shape)}`
		);
	}
	return shape as number[];
}

export function checkBias(fn: string, bias: unknown, filters: number): Float32Array | undefined {
	if (bias === undefined) return undefined;
	if (!(bias instanceof Float32Array)) throw new TypeError(`${fn}: bias must be a Float32Array or undefined`);
	if (bias.length !== filters) {
		throw new RangeError(`${fn}: bias has ${bias.length} values but weight has ${filters} filters`);
	}
	return bias;
}

export function checkChannels(fn: string, inputChannels: number, weightChannels: number): void {
	if (inputChannels !== weightChannels) {
		throw new RangeError(
			`${fn}: channel mismatch: input has ${inputChannels} channels but weight expects ${weightChannels}`
		);
	}
}

function checkInteger(fn: string, name: string, v: unknown, min: number): number {
	if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
		throw new RangeError(`${fn}: ${name} must be an integer >= ${min}, got ${String(v)}`);
	}
	return v;
}

export function checkConvOptions(
	fn: string,
	opts: unknown,
	height: number,
	width: number,
	kh: number,
	kw: number
): { stride: number; padding: number } {
	const o = (opts ?? {}) as { stride?: unknown; padding?: unknown };
	const stride = checkInteger(fn, 'stride', o.stride ?? 1, 1);
	const padding = checkInteger(fn, 'padding', o.padding ?? 0, 0);
	if (convOutputSize(height, kh, stride, padding) < 1 || convOutputSize(width, kw, stride, padding) < 1) {
		throw new RangeError(
			`${fn}: kernel ${kh}x${kw} does not fit the padded input ${height + 2 * padding}x${width + 2 * padding}`
		);
	}
	return { stride, padding };
}

export function checkPoolOptions(
	fn: string,
	opts: unknown,
	height: number,
	width: number
): Required<PoolOptions> {
	if (typeof opts !== 'object' || opts === null)
		throw new TypeError(`${fn}: opts must be {size, stride?, ceilMode?}`);
	const o = opts as { size?: unknown; stride?: unknown; ceilMode?: unknown };
	const size = checkInteger(fn, 'pool size', o.size, 1);
	const stride = checkInteger(fn, 'stride', o.stride ?? size, 1);
	if (o.ceilMode !== undefined && typeof o.ceilMode !== 'boolean') {
		throw new TypeError(`${fn}: ceilMode must be a boolean`);
	}
	const ceilMode = o.ceilMode === true;
	if (size > height || size > width) {
		throw new RangeError(`${fn}: pool size ${size} is larger than the input ${height}x${width}`);
	}
	if (
		poolOutputSize(height, size, stride, ceilMode) < 1 ||
		poolOutputSize(width, size, stride, ceilMode) < 1
	) {
		throw new RangeError(`${fn}: pool size ${size} with stride ${stride} leaves no output`);
	}
	return { size, stride, ceilMode };
}

export function checkP(fn: string, p: unknown): number {
	if (typeof p !== 'number' || Number.isNaN(p) || p <= 0) {
		throw new RangeError(`${fn}: p must be a number > 0 (or Infinity), got ${String(p)}`);
	}
	return p;
}

export function checkArgmax(fn: string, argmax: unknown, cells: number, channelSize: number): Int32Array {
	if (!(argmax instanceof Int32Array)) throw new TypeError(`${fn}: argmax must be an Int32Array`);
	if (argmax.length !== cells) {
		throw new RangeError(`${fn}: argmax has length ${argmax.length} but gradOutput has ${cells} cells`);
	}
	for (let i = 0; i < argmax.length; i++) {
		// one unsigned comparison per index (a negative one reads as ≥ 2³¹): this runs every training step
		if (argmax[i] >>> 0 >= channelSize) {
			const a = argmax[i];
			throw new RangeError(`${fn}: argmax[${i}] = ${a} is outside its channel [0, ${channelSize})`);
		}
	}
	return argmax;
}

/** An image `[C,H,W]` or a batch `[N,C,H,W]`: its sizes (n = 1 for an image) and which it was. */
export interface Activation {
	n: number;
	c: number;
	h: number;
	w: number;
	batched: boolean;
}

export function checkActivation(fn: string, name: string, t: unknown, letters = 'C,H,W'): Activation {
	const rank = Array.isArray((t as Partial<Tensor> | null)?.shape) ? (t as Tensor).shape.length : 3;
	const batched = rank === 4;
	const layout = batched ? `[N,${letters}]` : `[${letters}] or [N,${letters}]`;
	const { shape } = checkTensor(fn, name, t, batched ? 4 : 3, layout);
	const [n, c, h, w] = batched ? shape : [1, ...shape];
	return { n, c, h, w, batched };
}

/** The shape of an activation with n images of c×h×w, in the caller's rank. */
export function activationShape(
	a: { batched: boolean; n: number },
	c: number,
	h: number,
	w: number
): number[] {
	return a.batched ? [a.n, c, h, w] : [c, h, w];
}

/** A gradient must have exactly the shape of the output it is the gradient of. */
export function checkGradShape(fn: string, name: string, grad: Tensor, expected: readonly number[]): void {
	if (grad.shape.length !== expected.length || grad.shape.some((d, i) => d !== expected[i])) {
		throw new RangeError(
			`${fn}: ${name} has shape [${grad.shape.join(',')}] but the forward output is [${expected.join(',')}]`
		);
	}
}
