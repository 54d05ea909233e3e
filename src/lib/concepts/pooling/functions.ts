/** Pure maths of the pooling demo: the small example, the output-size rule written out. */
import { poolOutputSize } from '$lib/kernels/shape';
import { formatCell } from '$lib/viz/grid';

export const SLUG = 'pooling';
export const MIN_SIZE = 2;
export const MAX_SIZE = 5;
export const MAX_STRIDE = 5;
/** The feature map's side: a 3×3 filter on a 100×100 input, as in the deck. */
export const FEATURE_SIDE = 98;

/**
 * A 7×7 feature map whose first 3×3 window holds the deck's 4 5 6 (max 6), and whose last row
 * and column only fill partial windows: floor mode gives 2×2, ceil mode 3×3.
 */
export const EXAMPLE_SIDE = 7;
// prettier-ignore
export const EXAMPLE_MAP = new Float32Array([
	1, 0, 2, 3, 1, 0, 2,
	4, 5, 6, 0, 2, 1, 1,
	0, 2, 1, 7, 1, 3, 0,
	2, 1, 0, 1, 0, 2, 5,
	3, 1, 2, 4, 1, 1, 0,
	0, 1, 1, 2, 8, 0, 3,
	1, 4, 0, 2, 1, 3, 0
]);

/**
 * The output-size rule with the numbers in: floor "⌊(98 − 3) / 3⌋ + 1 = 32", ceil
 * "⌈(98 − 3) / 3⌉ + 1 = 33"; in ceil mode a last window that would start outside the input is
 * dropped (PyTorch's rule), and the text says so when that happens.
 */
export function poolSizeText(n: number, size: number, stride: number, ceilMode: boolean): string {
	const out = poolOutputSize(n, size, stride, ceilMode);
	if (!ceilMode) return `⌊(${n} − ${size}) / ${stride}⌋ + 1 = ${out}`;
	const raw = Math.ceil((n - size) / stride) + 1;
	const dropped = raw !== out ? ` (the last window would start outside: ${raw} − 1)` : '';
	return `⌈(${n} − ${size}) / ${stride}⌉ + 1 = ${out}${dropped}`;
}

/** "max(1, 0, 2, 4, 5, 6, 0, 2, 1) = 6" for the in-bounds values of one window. */
export function maxText(values: ArrayLike<number>, max: number, digits = 2): string {
	const list = Array.from(values, (v) => formatCell(v, digits));
	const shown = list.length > 12 ? [...list.slice(0, 11), `… ${list.length} values`] : list;
	return `max(${shown.join(', ')}) = ${formatCell(max, digits)}`;
}

/** The in-bounds values of pooling window `row, col` (partial windows are cut at the edge). */
export function windowValues(
	map: Float32Array,
	height: number,
	width: number,
	row: number,
	col: number,
	size: number,
	stride: number
): { values: Float32Array; rows: number; cols: number } {
	if (map.length !== height * width)
		throw new RangeError(`map must hold height × width = ${height * width} values, got ${map.length}`);
	const [r0, c0] = [row * stride, col * stride];
	const rows = Math.max(0, Math.min(size, height - r0));
	const cols = Math.max(0, Math.min(size, width - c0));
	const values = new Float32Array(rows * cols);
	for (let i = 0; i < rows; i++)
		values.set(map.subarray((r0 + i) * width + c0, (r0 + i) * width + c0 + cols), i * cols);
	return { values, rows, cols };
}
