import { describe, expect, it } from 'vitest';
import {
	clampCell,
	clipRect,
	convOutputShape,
	formatCell,
	inputWindow,
	outputsCovering,
	poolOutputShape
} from '../../../src/lib/viz/grid';

describe('grid windows', () => {
	it('inputWindow(out (2,3), k=3 s=2 p=1) starts at (3,5)', () => {
		expect(inputWindow({ row: 2, col: 3 }, { kh: 3, kw: 3, stride: 2, padding: 1 })).toEqual({
			row: 3,
			col: 5,
			rows: 3,
			cols: 3
		});
	});
	it('convOutputShape(100×100, k=3 s=1 p=0) = 98×98; (7×5, k=3 s=2 p=1) = 4×3', () => {
		expect(convOutputShape(100, 100, { kh: 3, kw: 3, stride: 1, padding: 0 })).toEqual([98, 98]);
		expect(convOutputShape(7, 5, { kh: 3, kw: 3, stride: 2, padding: 1 })).toEqual([4, 3]);
	});
	it('poolOutputShape(98×98, size 3 stride 3) = 32×32 floor, 33×33 ceil', () => {
		const g = { kh: 3, kw: 3, stride: 3, padding: 0 };
		expect(poolOutputShape(98, 98, g, false)).toEqual([32, 32]);
		expect(poolOutputShape(98, 98, g, true)).toEqual([33, 33]);
	});
	it('outputsCovering agrees with a brute-force search over every output window', () => {
		for (const g of [
			{ kh: 3, kw: 3, stride: 1, padding: 0 },
			{ kh: 3, kw: 2, stride: 2, padding: 1 },
			{ kh: 2, kw: 2, stride: 3, padding: 0 }
		]) {
			const [oh, ow] = convOutputShape(9, 8, g);
			for (let r = 0; r < 9; r++)
				for (let c = 0; c < 8; c++) {
					const hits: [number, number][] = [];
					for (let orow = 0; orow < oh; orow++)
						for (let ocol = 0; ocol < ow; ocol++) {
							const w = inputWindow({ row: orow, col: ocol }, g);
							if (r >= w.row && r < w.row + w.rows && c >= w.col && c < w.col + w.cols)
								hits.push([orow, ocol]);
						}
					const rect = outputsCovering({ row: r, col: c }, g, oh, ow);
					const fromRect: [number, number][] = [];
					if (rect)
						for (let i = 0; i < rect.rows; i++)
							for (let j = 0; j < rect.cols; j++) fromRect.push([rect.row + i, rect.col + j]);
					expect(fromRect, `input (${r},${c}) ${JSON.stringify(g)}`).toEqual(hits);
				}
		}
	});
	it('inputWindow with stride 0 or negative padding throws naming the argument', () => {
		expect(() => inputWindow({ row: 0, col: 0 }, { kh: 3, kw: 3, stride: 0, padding: 0 })).toThrow(/stride/);
		expect(() => inputWindow({ row: 0, col: 0 }, { kh: 3, kw: 3, stride: 1, padding: -1 })).toThrow(
			/padding/
		);
	});
	it('clipRect keeps the in-bounds part; clampCell rounds and clamps', () => {
		expect(clipRect({ row: -1, col: 3, rows: 3, cols: 3 }, 4, 5)).toEqual({
			row: 0,
			col: 3,
			rows: 2,
			cols: 2
		});
		expect(clipRect({ row: 9, col: 0, rows: 3, cols: 3 }, 4, 5)).toBeNull();
		expect(clampCell({ row: -2, col: 7.6 }, 4, 5)).toEqual({ row: 0, col: 4 });
	});
	it('formatCell writes − for negatives, drops trailing zeros, and names non-finite values', () => {
		expect(formatCell(-1.5)).toBe('−1.5');
		expect(formatCell(2.0)).toBe('2');
		expect(formatCell(1 / 3, 2)).toBe('0.33');
		expect(formatCell(-0.0001)).toBe('0');
		expect(formatCell(Number.NaN)).toBe('NaN');
		expect(formatCell(-Infinity)).toBe('−∞');
	});
});
