import { describe, expect, it } from 'vitest';
import { ParamReader, withParams } from '$lib/deck/params';
import {
	classStats,
	fisherCriterion,
	footOnLine,
	ldaDirection,
	makeCloud,
	merge,
	twoLayers,
	type LabelledPoint,
	type Vec2
} from '$lib/concepts/projections/functions';
import { constrain, MIN_LENGTH, PLANE, ProjectionsModel } from '$lib/concepts/projections/model.svelte';
import { steps } from '$lib/concepts/projections/steps';

/** Float64 maths against numpy: agreement to rounding. */
const TOL = 1e-9;

const reader = (query: string) => new ParamReader(new URLSearchParams(query));
const labelled = (pts: number[][], label: 0 | 1): LabelledPoint[] => pts.map(([x, y]) => ({ x, y, label }));

// The dataset and expected values of scripts/fixtures_lda.py (numpy: np.linalg.solve(S_w, mu1 - mu0), unit length).
const FIXTURE = [
	...labelled(
		[
			[0, 1],
			[1, 2],
			[-1, 0.5],
			[0.5, 0],
			[-0.5, 1.5]
		],
		0
	),
	...labelled(
		[
			[2, 0],
			[3, 1.5],
			[2.5, -1],
			[1.5, 0.5],
			[3.5, 0]
		],
		1
	)
];

describe('projections: Fisher / LDA', () => {
	it('classStats(fixture) gives numpy’s means and S_w = [[0.5, 0.1], [0.1, 0.58]]', () => {
		const s = classStats(FIXTURE);
		expect(s.mean0[0]).toBeCloseTo(0, 12);
		expect(s.mean0[1]).toBeCloseTo(1, 12);
		expect(s.mean1[0]).toBeCloseTo(2.5, 12);
		expect(s.mean1[1]).toBeCloseTo(0.2, 12);
		expect(s.scatter[0][0]).toBeCloseTo(0.5, 12);
		expect(s.scatter[0][1]).toBeCloseTo(0.1, 12);
		expect(s.scatter[1][1]).toBeCloseTo(0.58, 12);
	});

	it('ldaDirection(fixture) = numpy (0.9203850467554819, -0.3910132551575577)', () => {
		const v = ldaDirection(classStats(FIXTURE));
		expect(Math.abs(v[0] - 0.9203850467554819)).toBeLessThan(TOL);
		expect(Math.abs(v[1] - -0.3910132551575577)).toBeLessThan(TOL);
	});

	it('fisherCriterion on the fixture: J(lda)=15.517857…, J([1,0])=12.5, J([0,1])=1.1034482…', () => {
		const s = classStats(FIXTURE);
		expect(Math.abs(fisherCriterion(ldaDirection(s), s) - 15.517857142857146)).toBeLessThan(TOL);
		expect(Math.abs(fisherCriterion([1, 0], s) - 12.5)).toBeLessThan(TOL);
		expect(Math.abs(fisherCriterion([0, 1], s) - 1.1034482758620692)).toBeLessThan(TOL);
	});

	it('fisherCriterion is largest at the LDA direction among 360 directions (seed 7 cloud)', () => {
		const s = classStats(makeCloud(7));
		const best = fisherCriterion(ldaDirection(s), s);
		for (let deg = 0; deg < 360; deg++) {
			const a = (deg * Math.PI) / 180;
			expect(fisherCriterion([Math.cos(a), Math.sin(a)], s)).toBeLessThanOrEqual(best + TOL);
		}
	});

	it('ldaDirection stays finite when all points lie on a line (singular S_w)', () => {
		const onLine = FIXTURE.map((p) => ({ ...p, y: 2 * p.x }));
		const v = ldaDirection(classStats(onLine));
		expect(Number.isFinite(v[0]) && Number.isFinite(v[1])).toBe(true);
		expect(Math.hypot(v[0], v[1])).toBeCloseTo(1, 9);
	});
});

describe('projections: geometry and layers', () => {
	it('footOnLine([3,4], w=[2,0]) = [3,0]; footOnLine([1,1], w=[1,-1]) = [0,0]', () => {
		expect(footOnLine([3, 4], [2, 0])).toEqual([3, 0]);
		const f = footOnLine([1, 1], [1, -1]);
		expect(Math.abs(f[0]) + Math.abs(f[1])).toBeLessThan(TOL);
	});

	it('makeCloud(seed=7) is reproducible, 60 per class; seed 8 differs', () => {
		const a = makeCloud(7);
		expect(a).toEqual(makeCloud(7));
		expect(a.filter((p) => p.label === 1)).toHaveLength(60);
		expect(makeCloud(8)[0]).not.toEqual(a[0]);
	});

	it('twoLayers without ReLU: vᵀ(Wᵀx) = (Wv)ᵀx for 100 cloud points and w1=[1.5,1] w2=[-0.6,1.6] v=[0.3,-0.8]', () => {
		const [w1, w2, v]: Vec2[] = [
			[1.5, 1],
			[-0.6, 1.6],
			[0.3, -0.8]
		];
		for (const p of makeCloud(3).slice(0, 100)) {
			const r = twoLayers(w1, w2, v, [p.x, p.y], false);
			expect(Math.abs(r.stacked - r.merged)).toBeLessThan(TOL);
		}
	});

	it('twoLayers with ReLU, x=[-1,0.2] w1=[1,0] w2=[0,1] v=[1,1]: stacked 0.2, merged -0.8', () => {
		const r = twoLayers([1, 0], [0, 1], [1, 1], [-1, 0.2], true);
		expect(r.hidden).toEqual([-1, 0.2]);
		expect(r.activated).toEqual([0, 0.2]);
		expect(r.stacked).toBeCloseTo(0.2, 12);
		expect(r.merged).toBeCloseTo(-0.8, 12);
	});

	it('merge(w1=[1,2], w2=[3,4], v=[5,6]) = W v = [23, 34]', () => {
		expect(merge([1, 2], [3, 4], [5, 6])).toEqual([23, 34]);
	});
});

describe('projections: steps', () => {
	it('has five steps in the slide’s order: one, two, lda, collapse, relu', () => {
		expect(steps.map((s) => s.view)).toEqual(['one', 'two', 'lda', 'collapse', 'relu']);
		for (const s of steps) {
			expect(s.title.length).toBeGreaterThan(3);
			expect(s.narration.length).toBeGreaterThan(20);
		}
	});
});

describe('ProjectionsModel', () => {
	it('defaults with an empty URL: seed 7, w1=[1.5,1], w2=[-0.6,1.6], relu on', () => {
		const m = new ProjectionsModel(reader(''));
		const { pt: _pt, ...rest } = m.toParams();
		expect(rest).toEqual({ seed: 7, w1x: 1.5, w1y: 1, w2x: -0.6, w2y: 1.6, relu: true });
	});

	it('the default probe is a point where the ReLU changes the output (so the last step shows ≠)', () => {
		const r = new ProjectionsModel(reader('')).probeResult(true);
		expect(Math.abs(r.stacked - r.merged)).toBeGreaterThan(1e-6);
	});

	it('URL round trip: toParams → withParams → new model gives the same settings', () => {
		const m = new ProjectionsModel(reader('seed=42&w1x=-2.25&w1y=0.5&w2x=1&w2y=-3&pt=77&relu=0'));
		const again = new ProjectionsModel(new ParamReader(withParams(new URLSearchParams(), m.toParams())));
		expect(again.toParams()).toEqual(m.toParams());
		expect(m.toParams()).toEqual({ seed: 42, w1x: -2.25, w1y: 0.5, w2x: 1, w2y: -3, pt: 77, relu: false });
	});

	it('bad URL values are clamped and reported: w1x=99 seed=abc pt=500', () => {
		const r = reader('w1x=99&seed=abc&pt=500');
		const m = new ProjectionsModel(r);
		expect(m.w1[0]).toBe(PLANE[1]);
		expect(m.seed).toBe(7);
		expect(m.probe).toBe(119);
		expect(r.problems).toHaveLength(3);
	});

	it('constrain([0.01, 0]) pushes the head out to MIN_LENGTH; constrain([0,0]) = [MIN_LENGTH, 0]', () => {
		expect(constrain([0.01, 0])[0]).toBeCloseTo(MIN_LENGTH, 12);
		expect(constrain([0, 0])).toEqual([MIN_LENGTH, 0]);
		expect(constrain([9, -9])).toEqual([PLANE[1], PLANE[0]]);
	});

	it('setVector("w2", [2,2]) moves w2 and the second layer v follows (LDA of the new features)', () => {
		const m = new ProjectionsModel(reader(''));
		const before = m.v;
		m.setVector('w2', [2, 2]);
		expect(m.w2).toEqual([2, 2]);
		expect(m.v).not.toEqual(before);
		expect(Math.hypot(...m.v)).toBeCloseTo(1, 9);
	});

	it('probeResult(false) agrees both ways; regenerate() changes the seed and the cloud', () => {
		const m = new ProjectionsModel(reader('pt=5'));
		const r = m.probeResult(false);
		expect(Math.abs(r.stacked - r.merged)).toBeLessThan(TOL);
		const first = m.points[0];
		m.regenerate();
		expect(m.seed).toBe(8);
		expect(m.points[0]).not.toEqual(first);
	});
});
