import { describe, expect, it } from 'vitest';
import { ParamReader, withParams } from '$lib/deck/params';
import { createKernelSet } from '$lib/kernels';
import {
	CENTRE,
	IMAGE_LENGTH,
	imageWithPerson,
	LAST_POSITION,
	maxDifference,
	PERSON,
	rowByRow,
	shiftedRows,
	TEMPLATE
} from '$lib/concepts/shift/functions';
import { ShiftModel } from '$lib/concepts/shift/model.svelte';
import { steps } from '$lib/concepts/shift/steps';

/** Float32 sums of a handful of products: agreement to rounding. */
const F32_TOL = 1e-4;
const reader = (query: string) => new ParamReader(new URLSearchParams(query));

describe('shift: data', () => {
	it(`imageWithPerson(3) has the pattern at 3…${3 + PERSON.length - 1} and zeros elsewhere`, () => {
		const x = imageWithPerson(3);
		expect(x).toHaveLength(IMAGE_LENGTH);
		expect(Array.from(x.slice(3, 3 + PERSON.length))).toEqual(PERSON);
		expect(x[2]).toBe(0);
		expect(x[3 + PERSON.length]).toBe(0);
	});

	it('imageWithPerson(-1), (LAST_POSITION+1) and (2.5) throw RangeError naming the position', () => {
		expect(() => imageWithPerson(-1)).toThrow(/position/);
		expect(() => imageWithPerson(LAST_POSITION + 1)).toThrow(RangeError);
		expect(() => imageWithPerson(2.5)).toThrow(RangeError);
	});

	it('shiftedRows(): one row per position, row r is the template starting at r', () => {
		const rows = shiftedRows();
		expect(rows).toHaveLength(LAST_POSITION + 1);
		rows.forEach((row, r) => expect(row).toEqual(imageWithPerson(r)));
	});

	it('rowByRow(W, x) peaks at the row where the person stands, for every position', () => {
		const rows = shiftedRows();
		for (let p = 0; p <= LAST_POSITION; p++) {
			const out = rowByRow(rows, imageWithPerson(p));
			expect(out.indexOf(Math.max(...out))).toBe(p);
		}
	});

	it('maxDifference([1,2,3], [1,2.5,2]) = 1; different lengths give Infinity', () => {
		expect(maxDifference([1, 2, 3], [1, 2.5, 2])).toBe(1);
		expect(maxDifference([1], [1, 2])).toBe(Infinity);
	});
});

describe('shift: the stack of shifted copies is cross-correlation', () => {
	it.each([0, 2, CENTRE, LAST_POSITION])(
		"rowByRow(W, x(pos=%i)) = kernels('js').correlate1d(x, template, 'valid')",
		async (pos) => {
			const kernels = await createKernelSet({ backend: 'js' });
			try {
				const x = imageWithPerson(pos);
				const viaKernel = kernels.correlate1d(x, TEMPLATE, 'valid');
				expect(viaKernel).toHaveLength(LAST_POSITION + 1);
				expect(maxDifference(rowByRow(shiftedRows(), x), viaKernel)).toBeLessThan(F32_TOL);
			} finally {
				kernels.dispose();
			}
		}
	);

	it("rowByRow is not convolve1d(x, template, 'valid') (the pattern is asymmetric)", async () => {
		const kernels = await createKernelSet({ backend: 'js' });
		const x = imageWithPerson(CENTRE);
		expect(
			maxDifference(rowByRow(shiftedRows(), x), kernels.convolve1d(x, TEMPLATE, 'valid'))
		).toBeGreaterThan(1);
		kernels.dispose();
	});
});

describe('shift: steps and model', () => {
	it('four steps in the slide’s order: template, moved, rows, convolution', () => {
		expect(steps.map((s) => s.view)).toEqual(['template', 'moved', 'rows', 'convolution']);
		for (const s of steps) expect(s.narration.length).toBeGreaterThan(20);
	});

	it(`defaults: pos=${CENTRE} (centred), response equals the peak`, () => {
		const m = new ShiftModel(reader(''));
		expect(m.toParams()).toEqual({ pos: CENTRE });
		expect(m.response).toBe(m.peak);
	});

	it('moveTo(CENTRE + 4) lowers wᵀx below the centred peak', () => {
		const m = new ShiftModel(reader(''));
		m.moveTo(CENTRE + 4);
		expect(m.position).toBe(CENTRE + 4);
		expect(m.response).toBeLessThan(m.peak * 0.6);
	});

	it('moveTo(-3) and moveTo(99.7) clamp; moveTo(2.4) rounds to 2', () => {
		const m = new ShiftModel(reader(''));
		m.moveTo(-3);
		expect(m.position).toBe(0);
		m.moveTo(99.7);
		expect(m.position).toBe(LAST_POSITION);
		m.moveTo(2.4);
		expect(m.position).toBe(2);
	});

	it('URL round trip pos=3, and pos=50 / pos=x are reset and reported', () => {
		const m = new ShiftModel(reader('pos=3'));
		const again = new ShiftModel(new ParamReader(withParams(new URLSearchParams(), m.toParams())));
		expect(again.position).toBe(3);
		const bad = reader('pos=50');
		expect(new ShiftModel(bad).position).toBe(LAST_POSITION);
		expect(bad.problems).toHaveLength(1);
		expect(new ShiftModel(reader('pos=x')).position).toBe(CENTRE);
	});

	it('the model’s stacked output has its maximum at the person’s position (pos=1)', () => {
		const m = new ShiftModel(reader('pos=1'));
		expect(m.stacked.indexOf(Math.max(...m.stacked))).toBe(1);
	});
});
