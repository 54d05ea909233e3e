/**
 * Cells and windows of 2-D maps, shared by the grid views and the concepts that link an output
 * cell to its input window (and back). Sizes come from kernels/shape.ts so the picture and the
 * maths agree.
 */
import { convOutputSize, poolOutputSize } from '$lib/kernels/shape';

export interface Cell {
	row: number;
	col: number;
}

/** A rectangle of cells: top-left corner and size, in the grid's own row/column units. */
export interface CellRect {
	row: number;
	col: number;
	rows: number;
	cols: number;
}

export interface WindowGeometry {
	/** Window height and width (kernel or pooling size). */
	kh: number;
	kw: number;
	stride: number;
	/** Zero padding on every side (0 for pooling). */
	padding: number;
}

function checkCount(name: string, value: number, min: number): void {
	if (!Number.isInteger(value) || value < min)
		throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
}

function checkGeometry(g: WindowGeometry): void {
	checkCount('kh', g.kh, 1);
	checkCount('kw', g.kw, 1);
	checkCount('stride', g.stride, 1);
	checkCount('padding', g.padding, 0);
}

/** A cell moved into [0, rows) × [0, cols). */
export function clampCell(cell: Cell, rows: number, cols: number): Cell {
	return {
		row: Math.min(rows - 1, Math.max(0, Math.round(cell.row))),
		col: Math.min(cols - 1, Math.max(0, Math.round(cell.col)))
	};
}

/** The part of a rectangle inside a rows × cols grid, or null when nothing is inside. */
export function clipRect(rect: CellRect, rows: number, cols: number): CellRect | null {
	const r0 = Math.max(0, rect.row);
	const c0 = Math.max(0, rect.col);
	const r1 = Math.min(rows, rect.row + rect.rows);
	const c1 = Math.min(cols, rect.col + rect.cols);
	if (r1 <= r0 || c1 <= c0) return null;
	return { row: r0, col: c0, rows: r1 - r0, cols: c1 - c0 };
}

/**
 * The input window of output cell `out` in input coordinates (without padding): it starts at
 * out·stride − padding and may reach into the zero padding (negative or past the edge).
 */
export function inputWindow(out: Cell, g: WindowGeometry): CellRect {
	checkGeometry(g);
	return {
		row: out.row * g.stride - g.padding,
		col: out.col * g.stride - g.padding,
		rows: g.kh,
		cols: g.kw
	};
}

/** Output size of a convolution with this geometry over a height × width input. */
export function convOutputShape(height: number, width: number, g: WindowGeometry): [number, number] {
	checkGeometry(g);
	return [
		convOutputSize(height, g.kh, g.stride, g.padding),
		convOutputSize(width, g.kw, g.stride, g.padding)
	];
}

/** Output size of pooling (size = kh = kw, no padding) with its rounding rule. */
export function poolOutputShape(
	height: number,
	width: number,
	g: WindowGeometry,
	ceilMode: boolean
): [number, number] {
	checkGeometry(g);
	return [poolOutputSize(height, g.kh, g.stride, ceilMode), poolOutputSize(width, g.kw, g.stride, ceilMode)];
}

/** Output indices o in [0, outLength) whose window [o·s − p, o·s − p + k) contains input index i. */
function coveringRange(i: number, k: number, s: number, p: number, outLength: number): [number, number] {
	const lo = Math.max(0, Math.ceil((i + p - k + 1) / s));
	const hi = Math.min(outLength - 1, Math.floor((i + p) / s));
	return [lo, hi];
}

/**
 * The output cells whose windows contain input cell `input` (the reverse link), as one
 * rectangle of the outHeight × outWidth output; null when no window covers it (large strides).
 */
export function outputsCovering(
	input: Cell,
	g: WindowGeometry,
	outHeight: number,
	outWidth: number
): CellRect | null {
	checkGeometry(g);
	const [r0, r1] = coveringRange(input.row, g.kh, g.stride, g.padding, outHeight);
	const [c0, c1] = coveringRange(input.col, g.kw, g.stride, g.padding, outWidth);
	if (r1 < r0 || c1 < c0) return null;
	return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

/** A cell value as the grids write it: at most `digits` decimals, trailing zeros dropped, − sign. */
export function formatCell(value: number, digits = 2): string {
	if (Number.isNaN(value)) return 'NaN';
	if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
	const text = String(Number(value.toFixed(digits)));
	return text === '-0' ? '0' : text.replace('-', '−');
}
