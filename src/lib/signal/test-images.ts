/**
 * Test images drawn without fonts or files, so every machine draws the same pixels: shapes with
 * edges in every direction, and digits from a 5×7 bitmap font.
 */

export interface GreyImage {
	readonly width: number;
	readonly height: number;
	/** Row-major brightness in [0, 1]. */
	readonly data: Float32Array;
}

function checkSize(name: string, value: number): void {
	if (!Number.isInteger(value) || value < 1)
		throw new RangeError(`${name} must be a whole number >= 1, got ${value}`);
}

/** A dark square, a bright disc and a diagonal bar on mid grey: edges in every direction. */
export function shapesImage(n: number): GreyImage {
	checkSize('n', n);
	const data = new Float32Array(n * n).fill(0.5);
	for (let r = 0; r < n; r++)
		for (let c = 0; c < n; c++) {
			const [y, x] = [r / n, c / n];
			if (y > 0.12 && y < 0.45 && x > 0.1 && x < 0.43) data[r * n + c] = 0;
			if ((y - 0.68) ** 2 + (x - 0.7) ** 2 < 0.22 ** 2) data[r * n + c] = 1;
			if (Math.abs(y - (1 - x)) < 0.05 && x < 0.45) data[r * n + c] = 0.9;
		}
	return { width: n, height: n, data };
}

// 5×7 bitmaps of the digits, one string of 35 cells per digit, row by row.
const DIGITS = [
	'01110100011001110101110011000101110',
	'00100011000010000100001000010001110',
	'01110100010000100010001000100011111',
	'11111000100010000010000011000101110',
	'00010001100101010010111110001000010',
	'11111100001111000001000011000101110',
	'00110010001000011110100011000101110',
	'11111000010001000100010000100001000',
	'01110100011000101110100011000101110',
	'01110100011000101111000010001001100'
];

/** White digits on black, in 5×7 blocks scaled to fill an n×n image (like a handwritten "2 7"). */
export function digitsImage(n: number, text = '27'): GreyImage {
	checkSize('n', n);
	if (!/^\d{1,4}$/.test(text)) throw new RangeError(`text must be 1 to 4 digits, got "${text}"`);
	const data = new Float32Array(n * n);
	const cols = text.length * 6 - 1;
	const cell = Math.max(1, Math.floor((n * 0.8) / Math.max(cols, 7)));
	const left = Math.floor((n - cols * cell) / 2);
	const top = Math.floor((n - 7 * cell) / 2);
	for (let d = 0; d < text.length; d++) {
		const bits = DIGITS[Number(text[d])];
		for (let i = 0; i < 35; i++) {
			if (bits[i] !== '1') continue;
			const [r0, c0] = [top + Math.floor(i / 5) * cell, left + (d * 6 + (i % 5)) * cell];
			for (let r = r0; r < r0 + cell && r < n; r++)
				for (let c = c0; c < c0 + cell && c < n; c++) if (r >= 0 && c >= 0) data[r * n + c] = 1;
		}
	}
	return { width: n, height: n, data };
}
