import { describe, expect, it } from 'vitest';
import {
	addNoise,
	barker13,
	barkerCode,
	box,
	chirp,
	createRng,
	embed,
	exponential,
	gaussian,
	gaussianNoise,
	sample,
	triangle,
	unitEnergy
} from '../../../src/lib/signal';
import * as reference from '../../../src/lib/kernels/reference';

describe('seeded random numbers', () => {
	it('createRng(42) repeats and differs from createRng(43)', () => {
		const a = createRng(42);
		const b = createRng(42);
		const c = createRng(43);
		const sa = Array.from({ length: 5 }, a);
		expect(Array.from({ length: 5 }, b)).toEqual(sa);
		expect(Array.from({ length: 5 }, c)).not.toEqual(sa);
		expect(sa.every((u) => u >= 0 && u < 1)).toBe(true);
	});
	it('gaussianNoise(rng, 20000, 2) has mean ≈ 0 and sd ≈ 2', () => {
		const n = gaussianNoise(createRng(7), 20000, 2);
		const mean = n.reduce((s, v) => s + v, 0) / n.length;
		const sd = Math.sqrt(n.reduce((s, v) => s + (v - mean) ** 2, 0) / n.length);
		expect(Math.abs(mean)).toBeLessThan(0.05);
		expect(Math.abs(sd - 2)).toBeLessThan(0.05);
	});
	it('createRng rejects a non-finite seed', () => expect(() => createRng(NaN)).toThrow(/seed/));
});

describe('pulses and templates', () => {
	it('continuous shapes: box, triangle, exponential, gaussian, chirp, barker13', () => {
		expect([box(-0.1), box(0), box(0.99), box(1)]).toEqual([0, 1, 1, 0]);
		expect([triangle(0), triangle(0.5), triangle(0.25)]).toEqual([0, 1, 0.5]);
		expect(exponential(0.5)(1)).toBeCloseTo(Math.exp(-2), 12);
		expect(exponential()(-1)).toBe(0);
		expect(gaussian(0.1)(0.5)).toBe(1);
		expect(chirp(1, 8)(0)).toBe(1);
		expect(barker13(5.5 / 13)).toBe(-1);
	});
	it('sample(triangle, 4) = [0, 0.5, 1, 0.5]', () => {
		expect(Array.from(sample(triangle, 4))).toEqual([0, 0.5, 1, 0.5]);
		expect(() => sample(box, 0)).toThrow(/n must be an integer >= 1/);
	});
	it('barkerCode(2): 26 samples; Barker-13 autocorrelation peak 13, sidelobes ≤ 1', () => {
		expect(barkerCode(2).length).toBe(26);
		const b = barkerCode();
		const ac = reference.correlate1d(b, b, 'full');
		expect(ac[12]).toBe(13);
		expect(
			Math.max(
				...Array.from(ac)
					.filter((_, i) => i !== 12)
					.map(Math.abs)
			)
		).toBe(1);
	});
	it('unitEnergy scales to Σx² = 1', () => {
		const u = unitEnergy(barkerCode());
		expect(u.reduce((s, v) => s + v * v, 0)).toBeCloseTo(1, 6);
	});
	it('a Barker-13 hidden in noise at 300 is found by the matched filter', () => {
		const rng = createRng(3);
		const template = barkerCode(4);
		const noisy = addNoise(rng, embed(new Float32Array(1000), template, 300), 0.8);
		expect(reference.matchedFilter(noisy, template).peakIndex).toBe(300);
		expect(() => embed(new Float32Array(10), template, 0)).toThrow(/fits/);
	});
});
