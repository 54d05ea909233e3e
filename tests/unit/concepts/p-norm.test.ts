import { describe, expect, it } from 'vitest';
import { ParamReader } from '../../../src/lib/deck/params';
import { steps } from '../../../src/lib/concepts/p-norm/steps';
import { PNormModel } from '../../../src/lib/concepts/p-norm/model.svelte';
import {
	featureMap,
	nearestStop,
	norm2d,
	P_STOPS,
	parseP,
	poolWindowCells,
	pParam,
	snapP,
	unitBall
} from '../../../src/lib/concepts/p-norm/functions';
import { pNormPool2d } from '../../../src/lib/kernels/reference';
import { createKernelSet } from '../../../src/lib/kernels';

const reader = (query: string) => new ParamReader(new URLSearchParams(query));

describe('p-norm steps', () => {
	it('steps: ball, 1-2-4-∞ family, pooling, sum-to-max comparison, try it; each has notes', () => {
		expect(steps.map((s) => s.ball)).toEqual(['one', 'family', 'one', 'one', 'family']);
		expect(steps.map((s) => s.pooling)).toEqual([false, false, true, true, true]);
		expect(steps.map((s) => s.compare)).toEqual([false, false, false, true, true]);
		for (const s of steps) expect(s.notes?.length ?? 0).toBeGreaterThan(80);
	});
});

describe('p-norm functions', () => {
	it('unitBall(p, 360): every point has ‖x‖ₚ = 1 for p = 1, 1.5, 2, 4, 32, ∞', () => {
		for (const p of [1, 1.5, 2, 4, 32, Infinity]) {
			for (const [a, b] of unitBall(p, 360)) {
				const norm =
					p === Infinity
						? Math.max(Math.abs(a), Math.abs(b))
						: (Math.abs(a) ** p + Math.abs(b) ** p) ** (1 / p);
				expect(norm).toBeCloseTo(1, 12);
			}
		}
	});
	it('unitBall corners: p=1 passes (1,0),(0,1); p=∞ passes (1,1) at 45°; p=2 at 45° is (√½, √½)', () => {
		const diamond = unitBall(1, 8);
		expect(diamond[0][0]).toBeCloseTo(1, 12);
		expect(diamond[2][1]).toBeCloseTo(1, 12);
		expect(unitBall(Infinity, 8)[1]).toEqual([expect.closeTo(1, 12), expect.closeTo(1, 12)]);
		expect(unitBall(2, 8)[1][0]).toBeCloseTo(Math.SQRT1_2, 12);
		expect(() => unitBall(2, 10)).toThrow(RangeError);
	});
	it('norm2d(3, 4): p=1 → 7, p=2 → 5, p=∞ → 4; p=1000 does not overflow (≈ 4)', () => {
		expect(norm2d(3, -4, 1)).toBe(7);
		expect(norm2d(3, 4, 2)).toBeCloseTo(5, 12);
		expect(norm2d(-3, 4, Infinity)).toBe(4);
		expect(norm2d(3, 4, 1000)).toBeCloseTo(4, 6);
		expect(() => norm2d(1, 1, 0)).toThrow(RangeError);
	});
	it('parseP("inf") = ∞, "2.345" snaps to 2.35, "32" and "64.5" stay, "1000" clamps to 100, "0.2" to 1, "abc"/"-1" are null', () => {
		expect(parseP('inf')).toBe(Infinity);
		expect(parseP('∞')).toBe(Infinity);
		expect(parseP('2.345')).toBe(2.35);
		expect(parseP('32')).toBe(32);
		expect(parseP('64.5')).toBe(64.5);
		expect(parseP('100')).toBe(100);
		expect(parseP('1000')).toBe(100);
		expect(parseP('0.2')).toBe(1);
		expect(parseP('abc')).toBeNull();
		expect(parseP('-1')).toBeNull();
		expect(pParam(Infinity)).toBe('inf');
		expect(() => snapP(NaN)).toThrow(RangeError);
	});
	it('nearestStop: 2 → its stop, 2.2 → 2, 30 → 32, 70 → 64, 100 → 100 (the stop before ∞), ∞ → the last stop', () => {
		expect(P_STOPS[nearestStop(2)]).toBe(2);
		expect(P_STOPS[nearestStop(2.2)]).toBe(2);
		expect(P_STOPS[nearestStop(30)]).toBe(32);
		expect(P_STOPS[nearestStop(70)]).toBe(64);
		expect(nearestStop(100)).toBe(P_STOPS.length - 2);
		expect(nearestStop(Infinity)).toBe(P_STOPS.length - 1);
	});
	it('poolWindowCells(o=1, side 8, size 2) = cells (0,2),(0,3),(1,2),(1,3); o=16 is a RangeError', () => {
		expect(poolWindowCells(1, 8, 2)).toEqual([2, 3, 10, 11]);
		expect(poolWindowCells(3, 8, 4)).toEqual([
			36, 37, 38, 39, 44, 45, 46, 47, 52, 53, 54, 55, 60, 61, 62, 63
		]);
		expect(() => poolWindowCells(16, 8, 2)).toThrow(RangeError);
	});
	it('pooling a seeded map: p=1 equals the window sum of |x|, p=∞ its max, and p=32 lies within 5 % of the max', () => {
		const map = featureMap(3);
		const input = { shape: [1, 8, 8], data: map };
		const sum = pNormPool2d(input, { size: 2, p: 1 }).data;
		const max = pNormPool2d(input, { size: 2, p: Infinity }).data;
		const p32 = pNormPool2d(input, { size: 2, p: 32 }).data;
		for (let o = 0; o < 16; o++) {
			const abs = poolWindowCells(o, 8, 2).map((i) => Math.abs(map[i]));
			expect(sum[o]).toBe(abs.reduce((a, b) => a + b, 0));
			expect(max[o]).toBe(Math.max(...abs));
			expect(p32[o]).toBeGreaterThanOrEqual(max[o] - 1e-4);
			expect(p32[o]).toBeLessThanOrEqual(max[o] * 1.05);
		}
	});
	it('pooling the seeded map with 4 × 4 windows at p = 48, 64, 100 (Σ|x|ᵖ past float32) on the js and cpu kernel sets: finite, between max and 16^(1/p)·max', async () => {
		const input = { shape: [1, 8, 8], data: featureMap(3) };
		for (const backend of ['js', 'cpu'] as const) {
			const set = await createKernelSet({ backend });
			const max = set.pNormPool2d(input, { size: 4, p: Infinity }).data;
			for (const p of [48, 64, 100]) {
				const y = set.pNormPool2d(input, { size: 4, p }).data;
				for (let o = 0; o < 4; o++) {
					expect(y[o], `${backend} p=${p} window ${o}`).toBeGreaterThanOrEqual(max[o] * (1 - 1e-6));
					expect(y[o], `${backend} p=${p} window ${o}`).toBeLessThanOrEqual(
						max[o] * 16 ** (1 / p) * (1 + 1e-6)
					);
				}
			}
			set.dispose();
		}
	});
	it('featureMap(seed) holds whole numbers in −4…9, with some negatives, the same for the same seed', () => {
		const a = featureMap(3);
		expect(a).toEqual(featureMap(3));
		expect(a.every((v) => Number.isInteger(v) && v >= -4 && v <= 9)).toBe(true);
		expect(a.some((v) => v < 0)).toBe(true);
	});
});

describe('p-norm model', () => {
	it('p=inf in the link opens p = ∞ and writes "inf" back; a preset p applies only without a link value', () => {
		expect(new PNormModel(reader('p=inf')).p).toBe(Infinity);
		expect(new PNormModel(reader('p=inf')).toParams().p).toBe('inf');
		expect(new PNormModel(reader(''), 4).p).toBe(4);
		expect(new PNormModel(reader('p=1.5'), 4).p).toBe(1.5);
	});
	it('links with p = 32 (the old top stop), 64.5 and 100 reopen the same p; p=1000 opens 100', () => {
		for (const p of ['32', '64.5', '100']) {
			const m = new PNormModel(reader(`p=${p}`));
			expect(m.toParams().p).toBe(p);
			expect(new PNormModel(reader(`p=${m.toParams().p}`)).p).toBe(m.p);
		}
		expect(new PNormModel(reader('p=1000')).p).toBe(100);
	});
	it('a bad p is reported and the preset used', () => {
		const r = reader('p=abc');
		expect(new PNormModel(r, 2).p).toBe(2);
		expect(r.problems[0]).toMatch(/p="abc" is not a number/);
	});
	it('stepP walks the stops: 2 → 2.5 → 2; 32 → 48 → 64 → 100 → ∞; ∞ stays; 2.2 (off a stop) → 2.5 up, 2 down', () => {
		const m = new PNormModel(reader('p=2'));
		m.stepP(1);
		expect(m.p).toBe(2.5);
		m.stepP(-1);
		expect(m.p).toBe(2);
		m.setP(32);
		for (const next of [48, 64, 100, Infinity]) {
			m.stepP(1);
			expect(m.p).toBe(next);
		}
		m.stepP(1);
		expect(m.p).toBe(Infinity);
		m.setP(2.2);
		m.stepP(1);
		expect(m.p).toBe(2.5);
		m.setP(2.2);
		m.stepP(-1);
		expect(m.p).toBe(2);
	});
	it('setPoint snaps to 2 decimals in ±1.5; toParams reopens the same p, point, size, seed and window', () => {
		const m = new PNormModel(reader(''));
		m.setPoint(0.123456, -7);
		expect(m.point).toEqual([0.12, -1.5]);
		m.setP(3.456);
		m.setSize(4);
		m.setWindow(3);
		m.newMap();
		const params = m.toParams();
		expect(params).toEqual({ p: '3.46', pt: '0.12,-1.5', size: 4, seed: 4, w: 3 });
		const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
		expect(new PNormModel(new ParamReader(query)).toParams()).toEqual(params);
	});
	it('setSize(4) keeps the window inside the 2×2 output; setSize(3) is refused', () => {
		const m = new PNormModel(reader('w=15'));
		expect(m.window).toBe(15);
		m.setSize(4);
		expect(m.window).toBe(3);
		m.setSize(3);
		expect(m.size).toBe(4);
		m.moveWindow(-1, 1);
		expect(m.window).toBe(0);
	});
});
