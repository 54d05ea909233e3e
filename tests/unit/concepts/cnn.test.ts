import { describe, expect, it } from 'vitest';
import {
	CAT,
	detectorFilter,
	IMAGE_SIZE,
	imageWithCat,
	LAST_POSITION,
	MAP_SIZE,
	moved,
	peakOf,
	poolCell,
	POOL_SIZES,
	asChannels
} from '$lib/concepts/cnn/functions';
import { CnnModel } from '$lib/concepts/cnn/model.svelte';
import { steps } from '$lib/concepts/cnn/steps';
import { ParamReader } from '$lib/deck/params';
import { correlate2d, maxPool2d } from '$lib/kernels/reference';
import { createKernelSet } from '$lib/kernels';

const reader = (query: string) => new ParamReader(new URLSearchParams(query));
/** The cat has 18 bright pixels; the filter 25·(p − 18/25) = 25p − 18 gives Σ(25p − 18)·p = 18·7 = 126 on it. */
const CAT_PEAK = 18 * 7;
const F32_TOL = 1e-5;

describe('cnn: image and filter', () => {
	it('imageWithCat(seed=1, at=(x=4, y=6)) is 32×32 with the cat pasted at rows 6…10, cols 4…8', () => {
		const img = imageWithCat(1, { x: 4, y: 6 });
		expect(img.shape).toEqual([IMAGE_SIZE, IMAGE_SIZE]);
		for (let r = 0; r < 5; r++) {
			expect(Array.from(img.data.slice((6 + r) * 32 + 4, (6 + r) * 32 + 9))).toEqual(CAT[r]);
		}
		expect(imageWithCat(1, { x: 0, y: 0 }).data[31]).toBe(imageWithCat(1, { x: 20, y: 20 }).data[31]);
	});

	it('detectorFilter is 25·cat − 18: +7 on the 18 bright pixels, −18 on the 7 dark ones, sum 0', () => {
		const f = detectorFilter();
		expect(f.shape).toEqual([5, 5]);
		expect(Array.from(f.data.slice(0, 5))).toEqual([7, -18, -18, -18, 7]);
		expect(f.data.filter((v) => v === 7)).toHaveLength(18);
		expect(f.data.reduce((s, v) => s + v, 0)).toBe(0);
	});

	it('bad positions and seeds throw RangeError naming them', () => {
		expect(() => imageWithCat(1, { x: LAST_POSITION + 1, y: 0 })).toThrow(/at\.x/);
		expect(() => imageWithCat(1, { x: 0, y: 1.5 })).toThrow(/at\.y/);
		expect(() => imageWithCat(-1, { x: 0, y: 0 })).toThrow(/seed/);
	});
});

describe('cnn: peaks and pooling (reference correlate2d valid, maxPool2d)', () => {
	it('correlate2d(imageWithCat(seed=1, (x, y)), filter, valid) peaks at row y, col x for all 28×28 places', () => {
		const f = detectorFilter();
		for (let y = 0; y <= LAST_POSITION; y++) {
			for (let x = 0; x <= LAST_POSITION; x++) {
				const map = correlate2d(imageWithCat(1, { x, y }), f, 'valid');
				expect(map.shape).toEqual([MAP_SIZE, MAP_SIZE]);
				const p = peakOf(map);
				expect([p.row, p.col]).toEqual([y, x]);
				expect(p.value).toBe(CAT_PEAK);
			}
		}
	});

	it('seed=1, cats at (4, 6) and (20, 17): the maps differ, global max pool (28) gives the same 126 for both', () => {
		const f = detectorFilter();
		const a = correlate2d(imageWithCat(1, { x: 4, y: 6 }), f, 'valid');
		const b = correlate2d(imageWithCat(1, { x: 20, y: 17 }), f, 'valid');
		expect(a.data).not.toEqual(b.data);
		const pa = maxPool2d(asChannels(a), { size: 28 });
		const pb = maxPool2d(asChannels(b), { size: 28 });
		expect(pa.output.shape).toEqual([1, 1, 1]);
		expect(pa.output.data[0]).toBe(pb.output.data[0]);
		expect(pa.output.data[0]).toBe(CAT_PEAK);
		expect(pa.argmax[0]).toBe(6 * 28 + 4);
		expect(pb.argmax[0]).toBe(17 * 28 + 20);
	});

	it('pool 7 (4×4 grid): the cats’ cells are poolCell(6, 4, 7) = (0, 0) and poolCell(17, 20, 7) = (2, 2), same max', () => {
		const f = detectorFilter();
		const pooled = (x: number, y: number) =>
			maxPool2d(asChannels(correlate2d(imageWithCat(1, { x, y }), f, 'valid')), { size: 7 }).output;
		const [a, b] = [pooled(4, 6), pooled(20, 17)];
		expect(a.shape).toEqual([1, 4, 4]);
		expect(poolCell(6, 4, 7)).toEqual({ row: 0, col: 0 });
		expect(poolCell(17, 20, 7)).toEqual({ row: 2, col: 2 });
		expect(peakOf(a)).toMatchObject({ row: 0, col: 0 });
		expect(peakOf(b)).toMatchObject({ row: 2, col: 2 });
		expect(peakOf(a).value).toBe(peakOf(b).value);
	});

	it('every pool size divides the 28×28 map (no partial windows)', () => {
		for (const s of POOL_SIZES) expect(MAP_SIZE % s).toBe(0);
	});

	it('the js kernel set’s correlate2d agrees with the reference on the cat image to float32 rounding', async () => {
		const k = await createKernelSet({ backend: 'js' });
		const img = imageWithCat(5, { x: 11, y: 3 });
		const got = k.correlate2d(img, detectorFilter(), 'valid');
		const want = correlate2d(img, detectorFilter(), 'valid');
		for (let i = 0; i < want.data.length; i++)
			expect(Math.abs(got.data[i] - want.data[i])).toBeLessThan(F32_TOL);
		expect(peakOf(got)).toMatchObject({ row: 3, col: 11 });
		k.dispose();
	});
});

describe('cnn: model and steps', () => {
	it('defaults a=(4, 6) b=(20, 17) seed 1 pool 28; a link ax=0&ay=27&pool=7 reopens them', () => {
		expect(new CnnModel(reader('')).toParams()).toEqual({ ax: 4, ay: 6, bx: 20, by: 17, seed: 1, pool: 28 });
		const m = new CnnModel(reader('ax=0&ay=27&pool=7'));
		expect([m.a, m.pool]).toEqual([{ x: 0, y: 27 }, 7]);
	});

	it('pool=5 is not a choice: reported and reset to 28; ax=99 clamps to 27 and is reported', () => {
		const r = reader('pool=5&ax=99');
		const m = new CnnModel(r);
		expect(m.pool).toBe(28);
		expect(m.a.x).toBe(27);
		expect(r.problems).toHaveLength(2);
	});

	it('nudge(a, −1, 0) at x=0 stays at 0; place(b, 30.4, 2.6) clamps to (27, 3); moved rounds', () => {
		const m = new CnnModel(reader('ax=0'));
		m.nudge('a', -1, 0);
		expect(m.a.x).toBe(0);
		m.place('b', 30.4, 2.6);
		expect(m.b).toEqual({ x: 27, y: 3 });
		expect(moved({ x: 3, y: 3 }, 0.4, -0.6)).toEqual({ x: 3, y: 2 });
	});

	it('steps: no maps, predict (hidden), shown; pooling from step 4, pool choice on step 5; notes on each', () => {
		expect(steps.map((s) => s.maps)).toEqual(['none', 'predict', 'shown', 'shown', 'shown']);
		expect(steps.map((s) => s.pooled)).toEqual([false, false, false, true, true]);
		expect(steps.map((s) => s.poolChoice)).toEqual([false, false, false, false, true]);
		for (const s of steps) expect(s.notes?.length ?? 0).toBeGreaterThan(40);
	});
});
