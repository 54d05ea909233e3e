import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParamReader, withParams } from '$lib/deck/params';
import { createKernelSet, type KernelSet } from '$lib/kernels';
import {
	boxBoxClosedForm,
	convolutionIntegral,
	DT,
	flipped,
	OUTPUT_START,
	outputIndex,
	productRow,
	SAMPLES,
	sampled,
	shiftedFlip,
	snapT,
	tauAt,
	TAU_RANGE
} from '$lib/concepts/continuous-convolution/functions';
import { ContinuousConvolutionModel, T_TICK } from '$lib/concepts/continuous-convolution/model.svelte';
import { steps } from '$lib/concepts/continuous-convolution/steps';

/**
 * box ∗ box on the grid against 2 − |t|. The box's jumps fall on samples (value ½ there), so the
 * Riemann sum is within DT/2 of the triangle (numpy: max error 0.01, at t = 0); plus float32 rounding.
 */
const BOX_BOX_TOL = DT / 2 + 1e-4;
/** Two float32 sums of the same products in a different order. */
const SUM_TOL = 1e-4;
/** A Riemann sum with DT = 0.02 against a closed-form integral of smooth functions. */
const RIEMANN_TOL = 0.02;

const reader = (query: string) => new ParamReader(new URLSearchParams(query));
let kernels: KernelSet;
beforeAll(async () => {
	kernels = await createKernelSet({ backend: 'js' });
});
afterAll(() => kernels.dispose());

describe('continuous-convolution: sampling', () => {
	it(`grid: ${SAMPLES} samples from τ=${TAU_RANGE[0]} to τ=${TAU_RANGE[1]} every DT=${DT}`, () => {
		expect(SAMPLES).toBe(501);
		expect(tauAt(0)).toBe(-5);
		expect(tauAt(SAMPLES - 1)).toBeCloseTo(5, 12);
	});

	it('sampled("box") is 1 on τ ∈ (−1, 1), ½ on the edges τ = ±1, 0 outside', () => {
		const box = sampled('box');
		expect(box.reduce((a, v) => a + v, 0)).toBe(100);
		expect(box[200]).toBe(0.5); // τ = −1
		expect(box[201]).toBe(1);
		expect(box[300]).toBe(0.5); // τ = 1
		expect(box[301]).toBe(0);
	});

	it('sampled("exponential") is e^(−τ) for τ > 0, ½ at the jump, 0 before; sampled("triangle") peaks at τ=0', () => {
		const e = sampled('exponential');
		expect(e[249]).toBe(0);
		expect(e[250]).toBe(0.5); // the jump at τ = 0
		expect(e[251]).toBeCloseTo(Math.exp(-DT), 6);
		expect(e[300]).toBeCloseTo(Math.exp(-1), 6);
		const tri = sampled('triangle');
		expect(tri.indexOf(Math.max(...tri))).toBe(250);
	});

	it('flipped(g)[k] = g(−τ_k); shiftedFlip(g, t=0) = flipped(g); shiftedFlip(g, t=1) is it moved right by 1', () => {
		const g = sampled('exponential');
		const flip = flipped(g);
		expect(flip[250 - 50]).toBeCloseTo(Math.exp(-1), 6); // τ = −1
		expect(shiftedFlip(g, 0)).toEqual(flip);
		const moved = shiftedFlip(g, 1);
		for (let k = 50; k < SAMPLES; k++) expect(moved[k]).toBe(flip[k - 50]);
	});

	it('outputIndex(−10)=0, outputIndex(0)=500; snapT(3.337)=3.34, snapT(99)=5', () => {
		expect(outputIndex(OUTPUT_START)).toBe(0);
		expect(outputIndex(0)).toBe(500);
		expect(snapT(3.337)).toBe(3.34);
		expect(snapT(99)).toBe(5);
		expect(snapT(-99)).toBe(-5);
	});
});

describe('continuous-convolution: through the kernel set (js backend)', () => {
	it(`convolutionIntegral(box, box) = triangle 2 − |t| at every grid t within ${BOX_BOX_TOL}`, () => {
		const y = convolutionIntegral(kernels, sampled('box'), sampled('box'));
		expect(y).toHaveLength(2 * SAMPLES - 1);
		let worst = 0;
		for (let r = 0; r < y.length; r++) {
			worst = Math.max(worst, Math.abs(y[r] - boxBoxClosedForm(OUTPUT_START + r * DT)));
		}
		expect(worst).toBeLessThan(BOX_BOX_TOL);
		expect(y.indexOf(Math.max(...y))).toBe(outputIndex(0));
	});

	it(`convolutionIntegral(box, exponential)(t) = 1 − e^(−(t+1)) on [−1, 1] within ${RIEMANN_TOL}`, () => {
		const y = convolutionIntegral(kernels, sampled('box'), sampled('exponential'));
		for (const t of [-0.5, 0, 0.5, 1]) {
			expect(Math.abs(y[outputIndex(t)] - (1 - Math.exp(-(t + 1))))).toBeLessThan(RIEMANN_TOL);
		}
	});

	it('Σ productRow(flipShiftProducts(f, g), t)·DT = convolutionIntegral(f, g)(t) for t = −1.3, 0, 0.74', () => {
		const [f, g] = [sampled('triangle'), sampled('gaussian')];
		const products = kernels.flipShiftProducts(f, g);
		expect(products.shape).toEqual([2 * SAMPLES - 1, SAMPLES]);
		const y = convolutionIntegral(kernels, f, g);
		for (const t of [-1.3, 0, 0.74]) {
			const area = productRow(products, t).reduce((a, v) => a + v, 0) * DT;
			expect(Math.abs(area - y[outputIndex(t)])).toBeLessThan(SUM_TOL);
		}
	});

	it('productRow(f, g, t=0.5)[k] = f(τ_k)·g(0.5 − τ_k) for the box and the exponential', () => {
		const [f, g] = [sampled('box'), sampled('exponential')];
		const row = productRow(kernels.flipShiftProducts(f, g), 0.5);
		const moved = shiftedFlip(g, 0.5);
		for (let k = 0; k < SAMPLES; k++) expect(row[k]).toBeCloseTo(f[k] * moved[k], 6);
	});
});

describe('continuous-convolution: steps and model', () => {
	it('five steps in the slide’s order: signals, flip, shift, product, output', () => {
		expect(steps.map((s) => s.view)).toEqual(['signals', 'flip', 'shift', 'product', 'output']);
	});

	it('defaults: f=box, g=exponential, t=0.6, speed 1', () => {
		expect(new ContinuousConvolutionModel(reader('')).toParams()).toEqual({
			f: 'box',
			g: 'exponential',
			t: 0.6,
			speed: 1
		});
	});

	it('URL round trip f=triangle g=gaussian t=1.26 speed=4', () => {
		const m = new ContinuousConvolutionModel(reader('f=triangle&g=gaussian&t=1.26&speed=4'));
		const again = new ContinuousConvolutionModel(
			new ParamReader(withParams(new URLSearchParams(), m.toParams()))
		);
		expect(again.toParams()).toEqual({ f: 'triangle', g: 'gaussian', t: 1.26, speed: 4 });
	});

	it('bad values f=circle t=12 are reset or clamped and reported', () => {
		const r = reader('f=circle&t=12');
		const m = new ContinuousConvolutionModel(r);
		expect(m.f).toBe('box');
		expect(m.t).toBe(5);
		expect(r.problems).toHaveLength(2);
	});

	it(`advance() moves t by ${T_TICK} and wraps from the end back to the start`, () => {
		const m = new ContinuousConvolutionModel(reader('t=0'));
		expect(m.advance()).toBe(true);
		expect(m.t).toBeCloseTo(T_TICK, 9);
		m.setT(5);
		m.advance();
		expect(m.t).toBe(-5);
	});

	it('changing f re-samples: fSamples follows the preset', () => {
		const m = new ContinuousConvolutionModel(reader(''));
		m.f = 'triangle';
		expect(m.fSamples).toEqual(sampled('triangle'));
	});
});
