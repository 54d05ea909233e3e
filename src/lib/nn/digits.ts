/**
 * The handwritten-digit set (static/data/digits-{train,test}.bin, made by scripts/make-digits.js):
 * parsing the binary and serving it as a Dataset of `[N, 1, 28, 28]` images in [0, 1] with labels.
 */
import type { Dataset } from './train';

export interface Digits {
	count: number;
	rows: number;
	cols: number;
	labels: Uint8Array;
	/** count·rows·cols bytes, 0..255, row-major. */
	pixels: Uint8Array;
}

const MAGIC = 'FSD1';
const HEADER = 12;

/** Reads the binary; throws an Error that says what is wrong with a truncated or foreign file. */
export function parseDigits(buffer: ArrayBuffer): Digits {
	if (!(buffer instanceof ArrayBuffer)) throw new TypeError('parseDigits: buffer must be an ArrayBuffer');
	if (buffer.byteLength < HEADER)
		throw new Error(`parseDigits: file of ${buffer.byteLength} bytes is too short`);
	const bytes = new Uint8Array(buffer);
	const magic = String.fromCharCode(...bytes.subarray(0, 4));
	if (magic !== MAGIC)
		throw new Error(`parseDigits: not a digits file (starts with ${JSON.stringify(magic)})`);
	const view = new DataView(buffer);
	const count = view.getUint32(4, true);
	const rows = bytes[8];
	const cols = bytes[9];
	const need = HEADER + count * (1 + rows * cols);
	if (buffer.byteLength !== need)
		throw new Error(
			`parseDigits: ${count} digits of ${rows}×${cols} need ${need} bytes, file has ${buffer.byteLength}`
		);
	const labels = bytes.subarray(HEADER, HEADER + count);
	if (labels.some((l) => l > 9)) throw new Error('parseDigits: a label is outside 0..9');
	return { count, rows, cols, labels, pixels: bytes.subarray(HEADER + count) };
}

/** One digit as floats in [0, 1]. */
export function digitImage(d: Digits, index: number): Float32Array {
	if (!Number.isInteger(index) || index < 0 || index >= d.count)
		throw new RangeError(`digitImage: index must be 0..${d.count - 1}, got ${index}`);
	const px = d.rows * d.cols;
	const out = new Float32Array(px);
	for (let i = 0; i < px; i++) out[i] = d.pixels[index * px + i] / 255;
	return out;
}

/** A Dataset over the first `limit` digits (all by default). */
export function digitsDataset(d: Digits, limit = d.count): Dataset & { digits: Digits } {
	if (!Number.isInteger(limit) || limit < 1 || limit > d.count)
		throw new RangeError(`digitsDataset: limit must be 1..${d.count}, got ${limit}`);
	const px = d.rows * d.cols;
	return {
		digits: d,
		size: limit,
		batch(indices) {
			const n = indices.length;
			const input = new Float32Array(n * px);
			const target = new Int32Array(n);
			for (let j = 0; j < n; j++) {
				const k = indices[j];
				target[j] = d.labels[k];
				const src = k * px;
				for (let i = 0; i < px; i++) input[j * px + i] = d.pixels[src + i] / 255;
			}
			return { input: { shape: [n, 1, d.rows, d.cols], data: input }, target };
		}
	};
}
