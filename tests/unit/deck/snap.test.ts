import { describe, expect, it } from 'vitest';
import { ActivationsModel } from '$lib/concepts/activations/model.svelte';
import { MatchedFilterModel } from '$lib/concepts/matched-filter/model.svelte';
import { constrain, ProjectionsModel } from '$lib/concepts/projections/model.svelte';
import { formatSignal, parseSignal } from '$lib/components/parse-signal';
import { decimalsOf, ParamReader, snap, snapNumber, withParams } from '$lib/deck/params';

const reopen = (values: Parameters<typeof withParams>[1]) =>
	new ParamReader(new URLSearchParams(withParams(new URLSearchParams(), values).toString()));

describe('snapping to the precision a link writes', () => {
	it.each([
		[0.01, 2],
		[0.25, 2],
		[0.1, 1],
		[1, 0],
		[0.001, 3],
		[0.02, 2]
	])('decimalsOf(%d) = %d', (step, decimals) => expect(decimalsOf(step)).toBe(decimals));

	it.each([0, -0.1, NaN, Infinity])('decimalsOf(%d) throws a RangeError naming step', (step) => {
		expect(() => decimalsOf(step)).toThrow(/step must be a positive number/);
	});

	it.each([
		[0.943, 0.01, 0.94],
		[0.945001, 0.01, 0.95],
		[0.1 + 0.2, 0.1, 0.3],
		[-2.4999, 0.5, -2.5],
		[1.23456, 0.001, 1.235]
	])('snap(%d, %d) = %d exactly', (value, step, expected) => expect(snap(value, step)).toBe(expected));

	it('snap(NaN, 0.1) throws a RangeError naming value', () => {
		expect(() => snap(NaN, 0.1)).toThrow(/value must be a finite number/);
	});

	it('snapNumber clamps, then snaps inside the range', () => {
		const spec = { min: -1, max: 0.995, fallback: 0, step: 0.01 };
		expect(snapNumber(0.9999, spec)).toBe(0.99);
		expect(snapNumber(-7, spec)).toBe(-1);
		expect(snapNumber(0.4567, spec)).toBe(0.46);
		expect(snapNumber(2.6, { min: 0, max: 10, fallback: 0, integer: true })).toBe(3);
		expect(snapNumber(0.4567, { min: 0, max: 1, fallback: 0 })).toBe(0.4567);
	});

	it('ParamReader.number("x=0.943", step 0.01) reads 0.94 without a problem', () => {
		const reader = new ParamReader(new URLSearchParams('x=0.943'));
		expect(reader.number('x', { min: -6, max: 6, fallback: 0, step: 0.01 })).toBe(0.94);
		expect(reader.problems).toEqual([]);
	});

	it('activations: a dragged x=0.943 is stored as 0.94, and the link reopens 0.94', () => {
		const model = new ActivationsModel(new ParamReader(new URLSearchParams()));
		model.x = 0.943;
		model.alpha = 0.1234;
		expect(model.x).toBe(0.94);
		expect(model.alpha).toBe(0.12);
		const again = new ActivationsModel(reopen(model.toParams()));
		expect([again.x, again.alpha]).toEqual([0.94, 0.12]);
		model.x = NaN;
		expect(model.x).toBe(0.94);
	});

	it('projections: setVector([1.2345, -0.5678]) stores [1.23, -0.57] and the link reopens it', () => {
		const model = new ProjectionsModel(new ParamReader(new URLSearchParams()));
		model.setVector('w1', [1.2345, -0.5678]);
		expect(model.w1).toEqual([1.23, -0.57]);
		const again = new ProjectionsModel(reopen(model.toParams()));
		expect(again.w1).toEqual([1.23, -0.57]);
	});

	it.each([[[0.01, 0.002]], [[0.1, 0.1]], [[-0.123, 0.05]], [[0.2, -0.21]]])(
		'projections: constrain(%j) is on the 0.01 grid, at least MIN_LENGTH long, and idempotent',
		(w) => {
			const c = constrain(w as [number, number]);
			for (const v of c) expect(v).toBe(snap(v, 0.01));
			expect(Math.hypot(c[0], c[1])).toBeGreaterThanOrEqual(0.3);
			expect(constrain(c)).toEqual(c);
		}
	);

	it('matched filter: setSnr(-3.14159) and setThreshold(0.45678) store -3.1 and 0.457', () => {
		const model = new MatchedFilterModel(new ParamReader(new URLSearchParams()));
		model.setSnr(-3.14159);
		model.setThreshold(0.45678);
		expect([model.snrDb, model.threshold]).toEqual([-3.1, 0.457]);
		const again = new MatchedFilterModel(reopen(model.toParams()));
		expect([again.snrDb, again.threshold]).toEqual([-3.1, 0.457]);
	});

	it('formatSignal writes each float32 so that parseSignal reads the same float32 back', () => {
		const values = new Float32Array([0.1234567, 1 / 3, -2.5, 0.1, 123456.789, 1e-7]);
		const text = formatSignal(values);
		const back = parseSignal(text);
		expect(back.ok && Array.from(back.values)).toEqual(Array.from(values));
		expect(formatSignal(new Float32Array([0.1, 2, -0.25]))).toBe('0.1,2,-0.25');
	});
});
