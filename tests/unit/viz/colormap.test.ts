import { describe, expect, it } from 'vitest';
import {
	autoMap,
	divergingMap,
	finiteExtent,
	luminance,
	maxAbs,
	paintPixels,
	paintRange,
	sequentialMap
} from '../../../src/lib/viz/colormap';

// End and middle colours of ColorBrewer RdBu (11 classes) and of matplotlib's viridis.
const RDBU_BLUE = 'rgb(5, 48, 97)'; // #053061
const RDBU_RED = 'rgb(103, 0, 31)'; // #67001f
const VIRIDIS_LOW = 'rgb(68, 1, 84)'; // #440154
const VIRIDIS_HIGH = 'rgb(253, 231, 37)'; // #fde725

describe('divergingMap', () => {
	it('divergingMap(2) spans [-2, 2]: -2 blue, 0 white-ish, 2 red', () => {
		const map = divergingMap(2);
		expect(map.domain).toEqual([-2, 2]);
		expect(map.colour(-2)).toBe(RDBU_BLUE);
		expect(map.colour(2)).toBe(RDBU_RED);
		// RdBu's middle class is #f7f7f7; d3's B-spline through the 11 classes lands within 10 of it.
		const [r, g, b] = map.colour(0).match(/\d+/g)!.map(Number);
		for (const channel of [r, g, b]) expect(Math.abs(channel - 247)).toBeLessThanOrEqual(10);
	});
	it('divergingMap(2) is symmetric: position(-x) = 1 - position(x), values beyond clamp', () => {
		const map = divergingMap(2);
		expect(map.position(-0.5)).toBeCloseTo(1 - map.position(0.5), 12);
		expect(map.position(-9)).toBe(0);
		expect(map.position(9)).toBe(1);
		expect(map.position(Number.NaN)).toBe(0.5);
	});
	it('divergingMap(0) widens to [-1, 1]', () => {
		expect(divergingMap(0).domain).toEqual([-1, 1]);
	});
	it('divergingMap(-1 | NaN) throws a RangeError naming maxAbs', () => {
		expect(() => divergingMap(-1)).toThrow(/maxAbs/);
		expect(() => divergingMap(Number.NaN)).toThrow(RangeError);
	});
	it('textColour is white on the dark ends and black on the light middle', () => {
		const map = divergingMap(1);
		expect(map.textColour(-1)).toBe('#ffffff');
		expect(map.textColour(1)).toBe('#ffffff');
		expect(map.textColour(0)).toBe('#000000');
	});
});

describe('sequentialMap', () => {
	it("sequentialMap(0, 10, 'viridis') runs from viridis purple to yellow", () => {
		const map = sequentialMap(0, 10);
		expect(map.colour(0)).toBe(VIRIDIS_LOW);
		expect(map.colour(10)).toBe(VIRIDIS_HIGH);
	});
	it("sequentialMap(0, 1, 'greys') is black at 0 and white at 1", () => {
		const map = sequentialMap(0, 1, 'greys');
		expect(map.colour(0)).toBe('rgb(0, 0, 0)');
		expect(map.colour(1)).toBe('rgb(255, 255, 255)');
	});
	it('sequentialMap(3, 3) widens to [3, 4]; lo > hi and bad schemes throw', () => {
		expect(sequentialMap(3, 3).domain).toEqual([3, 4]);
		expect(() => sequentialMap(2, 1)).toThrow(/lo must be <= hi/);
		expect(() => sequentialMap(0, 1, 'jet' as 'greys')).toThrow(/scheme/);
		expect(() => sequentialMap(0, Infinity)).toThrow(/hi/);
	});
});

describe('helpers', () => {
	it('maxAbs and finiteExtent skip NaN and ±Infinity', () => {
		const v = [1, -3, Number.NaN, Infinity, 2];
		expect(maxAbs(v)).toBe(3);
		expect(finiteExtent(v)).toEqual([-3, 2]);
		expect(finiteExtent([])).toEqual([0, 0]);
	});
	it('autoMap picks diverging for negative values, sequential otherwise', () => {
		expect(autoMap([-1, 4]).kind).toBe('diverging');
		expect(autoMap([-1, 4]).domain).toEqual([-4, 4]);
		expect(autoMap([1, 4]).domain).toEqual([0, 4]);
		expect(autoMap([0, 1], 'greys').colour(1)).toBe('rgb(255, 255, 255)');
	});
	it('luminance(white)=1, luminance(black)=0 (WCAG)', () => {
		expect(luminance(255, 255, 255)).toBeCloseTo(1, 12);
		expect(luminance(0, 0, 0)).toBe(0);
	});
	it('paintPixels([-1, 0, 1], divergingMap(1)) writes opaque RGBA matching colour()', () => {
		const map = divergingMap(1);
		const out = new Uint8ClampedArray(12);
		paintPixels([-1, 0, 1], map, out);
		expect(`rgb(${out[0]}, ${out[1]}, ${out[2]})`).toBe(map.colour(-1));
		expect(`rgb(${out[8]}, ${out[9]}, ${out[10]})`).toBe(map.colour(1));
		expect([out[3], out[7], out[11]]).toEqual([255, 255, 255]);
		expect(() => paintPixels([1, 2], map, new Uint8ClampedArray(4))).toThrow(/out must hold 8/);
	});
	it('paintPixels([1, NaN, 1, 1], count=3) leaves NaN and the cells from index 3 transparent', () => {
		const out = new Uint8ClampedArray(16).fill(9);
		paintPixels([1, Number.NaN, 1, 1], divergingMap(1), out, 3);
		expect([out[3], out[7], out[11], out[15]]).toEqual([255, 0, 255, 0]);
		expect(() => paintPixels([1], divergingMap(1), new Uint8ClampedArray(4), -1)).toThrow(/count/);
	});
	it('paintRange(from=1, to=2) paints only cell 1 and leaves the others untouched', () => {
		const out = new Uint8ClampedArray(12).fill(7);
		paintRange([-1, 1, -1], divergingMap(1), out, 1, 2);
		expect(Array.from(out.subarray(0, 4))).toEqual([7, 7, 7, 7]);
		expect(`rgb(${out[4]}, ${out[5]}, ${out[6]})`).toBe(divergingMap(1).colour(1));
		expect(Array.from(out.subarray(8))).toEqual([7, 7, 7, 7]);
		expect(() => paintRange([1], divergingMap(1), new Uint8ClampedArray(4), 1, 0)).toThrow(/from, to/);
	});
});
