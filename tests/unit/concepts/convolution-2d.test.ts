import { describe, expect, it } from 'vitest';
import { ParamReader } from '../../../src/lib/deck/params';
import { steps } from '../../../src/lib/concepts/convolution-2d/steps';
import { Convolution2dModel } from '../../../src/lib/concepts/convolution-2d/model.svelte';
import {
	EXAMPLE_CELL,
	EXAMPLE_FILTER,
	EXAMPLE_INPUT
} from '../../../src/lib/concepts/convolution-2d/example';
import {
	flip2d,
	formatWeights,
	parseWeights,
	presetWeights,
	snapWeight
} from '../../../src/lib/concepts/convolution-2d/filters';
import { patchAt, sizeFormula, sumText } from '../../../src/lib/concepts/convolution-2d/functions';
import {
	centreSquare,
	fitSize,
	fromBytes,
	resample,
	rgbaToGrey,
	sniffImageType,
	toBytes
} from '../../../src/lib/concepts/convolution-2d/images';
import { correlate2d } from '../../../src/lib/kernels/reference';
import { digitsImage, shapesImage } from '../../../src/lib/signal/test-images';

const reader = (search: string) => new ParamReader(new URLSearchParams(search));

describe('convolution-2d steps', () => {
	it('has 7 steps, each with a title, narration and 2–4 sentences of notes', () => {
		expect(steps).toHaveLength(7);
		for (const s of steps) {
			expect(s.title.length).toBeGreaterThan(0);
			const sentences = (s.notes ?? '').split(/[.?!](\s|$)/).filter((t) => t.trim().length > 2);
			expect(sentences.length).toBeGreaterThanOrEqual(2);
		}
	});
});

describe('the deck example', () => {
	it('patchAt(example, out (0,1)) ⊙ filter sums to 32 (reference correlate2d valid agrees)', () => {
		const patch = patchAt(EXAMPLE_INPUT, 5, 5, EXAMPLE_CELL, 3, 1, 0);
		expect(Array.from(patch.subarray(3, 6))).toEqual([4, 5, 6]);
		const y = correlate2d(
			{ shape: [5, 5], data: EXAMPLE_INPUT },
			{ shape: [3, 3], data: EXAMPLE_FILTER },
			'valid'
		);
		expect(y.data[1]).toBe(32);
		expect(sumText(patch, EXAMPLE_FILTER, y.data[1], 0)).toBe(
			'4·1 + 5·2 + 6·3 = 32  (+ 6 zero-weight terms)'
		);
		expect(sumText(patch, flip2d(EXAMPLE_FILTER), 28, 0)).toBe(
			'4·3 + 5·2 + 6·1 = 28  (+ 6 zero-weight terms)'
		);
	});
	it('patchAt(out (0,0), k=3 s=1 p=1) puts zeros on the padding', () => {
		const patch = patchAt(EXAMPLE_INPUT, 5, 5, { row: 0, col: 0 }, 3, 1, 1);
		expect(Array.from(patch)).toEqual([0, 0, 0, 0, 1, 0, 0, 3, 4]);
		expect(() => patchAt(new Float32Array(3), 5, 5, { row: 0, col: 0 }, 3, 1, 0)).toThrow(/input must hold/);
	});
	it('sumText writes negative weights in brackets and shortens past 9 terms', () => {
		expect(sumText([1, 2], [-1, 0.5], 0)).toBe('1·(−1) + 2·0.5 = 0');
		const long = sumText(new Array(25).fill(1), new Array(25).fill(1), 25);
		expect(long).toContain('… (25 terms)');
		expect(() => sumText([1], [1, 2], 0)).toThrow(/same length/);
	});
	it('sizeFormula(100, k=3, s=1, p=0) = 98; (100, 3, 2, 1) = 50; (512, 5, 1, 0) = 508', () => {
		expect(sizeFormula(100, 3, 1, 0)).toBe('⌊(100 + 2·0 − 3) / 1⌋ + 1 = 98');
		expect(sizeFormula(100, 3, 2, 1)).toBe('⌊(100 + 2·1 − 3) / 2⌋ + 1 = 50');
		expect(sizeFormula(512, 5, 1, 0)).toMatch(/= 508$/);
	});
});

describe('filters', () => {
	it("presetWeights('gaussian', 3) is [1 2 1; 2 4 2; 1 2 1] / 16; at 5 it is the binomial 1 4 6 4 1 outer product / 256", () => {
		expect(Array.from(presetWeights('gaussian', 3))).toEqual([1, 2, 1, 2, 4, 2, 1, 2, 1].map((v) => v / 16));
		const g5 = presetWeights('gaussian', 5);
		expect(g5[12]).toBeCloseTo(36 / 256, 7);
		expect(g5.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
	});
	it("presetWeights('sobel-x', 5) centres the 3×3 Sobel in zeros; box sums to 1 at both sizes", () => {
		const s5 = presetWeights('sobel-x', 5);
		expect(Array.from(s5.subarray(5, 10))).toEqual([0, -1, 0, 1, 0]);
		expect(s5[0]).toBe(0);
		for (const k of [3, 5] as const)
			expect(presetWeights('box', k).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
		expect(() => presetWeights('blur' as 'box', 3)).toThrow(/preset/);
		expect(() => presetWeights('box', 4 as 3)).toThrow(/k must be 3 or 5/);
	});
	it('snapWeight keeps two decimals, clamps to ±10, never writes −0, rejects NaN', () => {
		expect(snapWeight(1 / 3)).toBe(0.33);
		expect(snapWeight(-0.001)).toBe(0);
		expect(Object.is(snapWeight(-0.001), -0)).toBe(false);
		expect(snapWeight(12)).toBe(10);
		expect(() => snapWeight(Number.NaN)).toThrow(/weight/);
	});
	it('parseWeights("1,2,x,…", 3) names the bad value; a wrong count names the size; formatWeights round-trips', () => {
		expect(parseWeights('1,2,x,4,5,6,7,8,9', 3).problem).toBe('w value 3 ("x") is not a number');
		expect(parseWeights('1,2', 3).problem).toMatch(/needs 9 numbers for a 3×3 filter, got 2/);
		const ok = parseWeights('0.333,-1,0,0,5,0,0,0,1.005', 3);
		expect(formatWeights(ok.weights!)).toBe('0.33,-1,0,0,5,0,0,0,1');
	});
	it('flip2d reverses rows and columns', () => {
		expect(Array.from(flip2d(new Float32Array([1, 2, 3, 4, 5, 6, 7, 8, 9])))).toEqual([
			9, 8, 7, 6, 5, 4, 3, 2, 1
		]);
	});
});

describe('image helpers', () => {
	it('rgbaToGrey: white 1, black 0, pure green 0.587 (BT.601), transparent over white 1', () => {
		const rgba = [255, 255, 255, 255, 0, 0, 0, 255, 0, 255, 0, 255, 0, 0, 0, 0];
		expect(Array.from(rgbaToGrey(rgba, 2, 2).data).map((v) => Number(v.toFixed(3)))).toEqual([
			1, 0, 0.587, 1
		]);
		expect(() => rgbaToGrey([0, 0, 0], 1, 1)).toThrow(/rgba must hold/);
	});
	it('fitSize(600, 400, 512) = 512×341 scaled; (300, 200, 512) unchanged', () => {
		expect(fitSize(600, 400, 512)).toEqual({ width: 512, height: 341, scaled: true });
		expect(fitSize(300, 200, 512)).toEqual({ width: 300, height: 200, scaled: false });
		expect(() => fitSize(0, 1, 512)).toThrow(/width/);
	});
	it('resample 4×4 → 2×2 averages 2×2 blocks; 3×1 → 2×1 weights the split middle pixel', () => {
		const img = { width: 4, height: 4, data: Float32Array.from({ length: 16 }, (_, i) => i) };
		expect(Array.from(resample(img, 2, 2).data)).toEqual([2.5, 4.5, 10.5, 12.5]);
		const row = { width: 3, height: 1, data: new Float32Array([0, 3, 6]) };
		expect(Array.from(resample(row, 2, 1).data)).toEqual([1, 5]);
	});
	it('centreSquare(4×2) keeps columns 1–2', () => {
		const img = { width: 4, height: 2, data: new Float32Array([0, 1, 2, 3, 4, 5, 6, 7]) };
		expect(Array.from(centreSquare(img).data)).toEqual([1, 2, 5, 6]);
	});
	it('sniffImageType knows PNG and JPEG signatures and nothing else', () => {
		expect(sniffImageType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png');
		expect(sniffImageType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
		expect(sniffImageType(new TextEncoder().encode('hello, not a png'))).toBeNull();
		expect(sniffImageType(new Uint8Array([0x89, 0x50]))).toBeNull();
	});
	it('toBytes / fromBytes round-trip within 1/255 and clamp out-of-range values', () => {
		const img = { width: 3, height: 1, data: new Float32Array([0, 0.5, 1.2]) };
		expect(Array.from(toBytes(img))).toEqual([0, 128, 255]);
		expect(fromBytes(toBytes(img), 3, 1).data[1]).toBeCloseTo(0.5, 2);
		expect(() => fromBytes(new Uint8Array(2), 3, 1)).toThrow(/bytes must hold/);
	});
	it('shapesImage(100) and digitsImage(100) are 100×100 in [0, 1] with both ends present', () => {
		for (const img of [shapesImage(100), digitsImage(100)]) {
			expect(img.data.length).toBe(10_000);
			expect(Math.min(...img.data)).toBe(0);
			expect(Math.max(...img.data)).toBe(1);
		}
		expect(() => digitsImage(100, 'ab')).toThrow(/digits/);
	});
});

describe('Convolution2dModel', () => {
	it('defaults: res 100, 3×3 Sobel x, no flip, stride 1, padding 0 → 98×98', () => {
		const m = new Convolution2dModel(reader('img=shapes'));
		expect([m.res, m.k, m.filter, m.flip, m.stride, m.padding]).toEqual([100, 3, 'sobel-x', false, 1, 0]);
		expect(m.outShape).toEqual([98, 98]);
	});
	it('a link with custom weights 0.333… is snapped to 0.33 and written back the same way', () => {
		const m = new Convolution2dModel(reader('img=shapes&f=custom&w=0.3333,0,0,0,1,0,0,0,-2.005'));
		expect(m.toParams().w).toBe('0.33,0,0,0,1,0,0,0,-2');
		expect(m.weights[0]).toBeCloseTo(0.33, 6);
	});
	it('a malformed link falls back (bad w → Sobel x with a problem; s=9 → 4; r beyond the output is clamped)', () => {
		const m = new Convolution2dModel(reader('img=shapes&f=custom&w=1,2&s=9&r=500'));
		expect(m.filter).toBe('sobel-x');
		expect(m.linkProblem).toMatch(/needs 9 numbers/);
		expect(m.stride).toBe(4);
		expect(m.toParams().r).toBe(m.outShape[0] - 1);
	});
	it('setWeight(4, 2.456) turns the preset into custom weights snapped to 2.46; setK(5) keeps the centre', () => {
		const m = new Convolution2dModel(reader('img=shapes'));
		m.setWeight(4, 2.456);
		expect(m.filter).toBe('custom');
		expect(m.toParams().w).toBe('-1,0,1,-2,2.46,2,-1,0,1');
		m.setK(5);
		expect(m.weights[12]).toBeCloseTo(2.46, 6);
		expect(m.weights[0]).toBe(0);
	});
	it('flip gives the weights reversed; advance walks a row in 4 ticks and stops at the end', () => {
		const m = new Convolution2dModel(reader('img=shapes&flip=1&r=97&c=90'));
		expect(m.applied[0]).toBe(m.weights[8]);
		expect(m.advance()).toBe(true);
		expect(m.at).toEqual({ row: 97, col: 97 });
		expect(m.advance()).toBe(false);
	});
});
