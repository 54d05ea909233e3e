/** Pure helpers of the trainer page: its fields, image shifting, drawing to a 28×28 digit, ETA. */
import type { FieldSpec } from '$lib/components/number-field';

export const FIELDS = {
	learningRate: { label: 'Learning rate', min: 0, max: 10, minInclusive: false },
	batchSize: { label: 'Batch size', min: 1, max: 1024, integer: true },
	dropout: { label: 'Dropout', min: 0, max: 0.9 },
	weightDecay: { label: 'L2', min: 0, max: 1 }
} satisfies Record<string, FieldSpec>;

/** The image moved by (dx, dy) pixels, zeros shifted in. */
export function shiftImage(
	image: Float32Array,
	rows: number,
	cols: number,
	dx: number,
	dy: number
): Float32Array {
	const out = new Float32Array(rows * cols);
	for (let y = 0; y < rows; y++)
		for (let x = 0; x < cols; x++) {
			const sy = y - dy;
			const sx = x - dx;
			if (sy >= 0 && sy < rows && sx >= 0 && sx < cols) out[y * cols + x] = image[sy * cols + sx];
		}
	return out;
}

/**
 * A drawing (alpha values 0..1, size×size) as MNIST-like 28×28: the ink's bounding box scaled
 * into 20×20 and its centre of mass moved to the centre, as the MNIST digits were prepared.
 */
export function toDigit(ink: Float32Array, size: number): Float32Array {
	let x0 = size,
		y0 = size,
		x1 = -1,
		y1 = -1;
	for (let y = 0; y < size; y++)
		for (let x = 0; x < size; x++)
			if (ink[y * size + x] > 0.05) {
				x0 = Math.min(x0, x);
				x1 = Math.max(x1, x);
				y0 = Math.min(y0, y);
				y1 = Math.max(y1, y);
			}
	const out = new Float32Array(784);
	if (x1 < 0) return out;
	const bw = x1 - x0 + 1;
	const bh = y1 - y0 + 1;
	const scale = 20 / Math.max(bw, bh);
	const tw = Math.max(1, Math.round(bw * scale));
	const th = Math.max(1, Math.round(bh * scale));
	const small = new Float32Array(784);
	// each target pixel averages the ink over the source area it covers (at least one pixel)
	for (let ty = 0; ty < th; ty++)
		for (let tx = 0; tx < tw; tx++) {
			const sy0 = y0 + Math.floor(ty / scale);
			const sy1 = Math.max(sy0 + 1, y0 + Math.ceil((ty + 1) / scale));
			const sx0 = x0 + Math.floor(tx / scale);
			const sx1 = Math.max(sx0 + 1, x0 + Math.ceil((tx + 1) / scale));
			let sum = 0;
			let n = 0;
			for (let y = sy0; y < Math.min(sy1, size); y++)
				for (let x = sx0; x < Math.min(sx1, size); x++, n++) sum += ink[y * size + x];
			small[(4 + Math.floor((20 - th) / 2) + ty) * 28 + 4 + Math.floor((20 - tw) / 2) + tx] = n ? sum / n : 0;
		}
	let mass = 0,
		mx = 0,
		my = 0;
	for (let i = 0; i < 784; i++) {
		mass += small[i];
		mx += small[i] * (i % 28);
		my += small[i] * Math.floor(i / 28);
	}
	if (!mass) return out;
	return shiftImage(small, 28, 28, Math.round(13.5 - mx / mass), Math.round(13.5 - my / mass));
}

/** "1 min 05 s" style time left; "—" while unknown. */
export function formatEta(seconds: number): string {
	if (!Number.isFinite(seconds) || seconds < 0) return '—';
	const s = Math.round(seconds);
	if (s < 60) return `${s} s`;
	return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** ‖a − b‖ / ‖a‖ (0 when a is all zero): how much a map changed. */
export function relativeChange(a: Float32Array, b: Float32Array): number {
	let d = 0,
		n = 0;
	for (let i = 0; i < a.length; i++) {
		d += (a[i] - b[i]) ** 2;
		n += a[i] * a[i];
	}
	return n ? Math.sqrt(d / n) : 0;
}
