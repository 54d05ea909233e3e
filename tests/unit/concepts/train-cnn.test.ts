import { describe, expect, it } from 'vitest';
import { parseField } from '$lib/components/number-field';
import { FIELDS, formatEta, relativeChange, shiftImage, toDigit } from '$lib/concepts/train-cnn/functions';

describe('train-cnn fields', () => {
	it('parseField learning rate "0.01" → 0.01; " 1e-3 " → 0.001', () => {
		expect(parseField('0.01', FIELDS.learningRate)).toEqual({ ok: true, value: 0.01 });
		expect(parseField(' 1e-3 ', FIELDS.learningRate)).toEqual({ ok: true, value: 0.001 });
	});
	const refused: [string, keyof typeof FIELDS, RegExp][] = [
		['abc', 'learningRate', /"abc" is not a number/],
		['', 'learningRate', /is not a number/],
		['-1', 'learningRate', /must be more than 0 and at most 10, got -1/],
		['0', 'learningRate', /more than 0/],
		['0', 'batchSize', /at least 1/],
		['2.5', 'batchSize', /whole number/],
		['0.95', 'dropout', /at most 0.9/],
		['NaN', 'weightDecay', /not a number/]
	];
	for (const [text, field, msg] of refused)
		it(`parseField ${field} "${text}" is refused`, () => {
			const r = parseField(text, FIELDS[field]);
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.message).toMatch(msg);
		});
});

describe('train-cnn image helpers', () => {
	it('shiftImage 3×3 by dx=1 dy=1 moves 1..9 down-right, zeros shifted in', () => {
		const out = shiftImage(Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]), 3, 3, 1, 1);
		expect(Array.from(out)).toEqual([0, 0, 0, 0, 1, 2, 0, 4, 5]);
	});
	it('toDigit centres a small square drawn in a corner of a 56×56 pad', () => {
		const ink = new Float32Array(56 * 56);
		for (let y = 2; y < 12; y++) for (let x = 2; x < 12; x++) ink[y * 56 + x] = 1;
		const d = toDigit(ink, 56);
		let mass = 0,
			mx = 0,
			my = 0;
		d.forEach((v, i) => {
			mass += v;
			mx += v * (i % 28);
			my += v * Math.floor(i / 28);
		});
		expect(mass).toBeGreaterThan(100);
		expect(Math.abs(mx / mass - 13.5)).toBeLessThan(1);
		expect(Math.abs(my / mass - 13.5)).toBeLessThan(1);
	});
	it('toDigit of an empty pad is all zeros', () =>
		expect(toDigit(new Float32Array(64), 8).every((v) => v === 0)).toBe(true));
	it('relativeChange [3,4] → [0,0] is 1, unchanged is 0', () => {
		expect(relativeChange(Float32Array.from([3, 4]), Float32Array.from([0, 0]))).toBe(1);
		expect(relativeChange(Float32Array.from([3, 4]), Float32Array.from([3, 4]))).toBe(0);
	});
	it('formatEta 65 s → "1 min 05 s", 12.4 → "12 s", NaN → "—"', () => {
		expect(formatEta(65)).toBe('1 min 05 s');
		expect(formatEta(12.4)).toBe('12 s');
		expect(formatEta(NaN)).toBe('—');
	});
});
