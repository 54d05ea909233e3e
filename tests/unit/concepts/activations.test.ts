import { describe, expect, it } from 'vitest';
import {
	ACTIVATIONS,
	ACTIVATION_NAMES,
	saturationThreshold,
	sigmoid
} from '$lib/concepts/activations/functions';
import { ActivationsModel } from '$lib/concepts/activations/model.svelte';
import { steps } from '$lib/concepts/activations/steps';
import { ParamReader, withParams } from '$lib/deck/params';

const GRADIENT_TOLERANCE = 1e-6;
const H = 1e-5;

describe('activation functions', () => {
	it.each(ACTIVATION_NAMES)('%s: f′ matches a central difference away from the kink', (name) => {
		const a = ACTIVATIONS[name];
		for (const x of [-4.3, -1.1, -0.2, 0.3, 1.7, 5.2]) {
			const numeric = (a.f(x + H, 0.1) - a.f(x - H, 0.1)) / (2 * H);
			expect(a.df(x, 0.1)).toBeCloseTo(numeric, -Math.log10(GRADIENT_TOLERANCE));
		}
	});

	it('sigmoid values, symmetry and no overflow at ±1000', () => {
		expect(sigmoid(0)).toBe(0.5);
		expect(sigmoid(2)).toBeCloseTo(0.8807970779778823, 12);
		expect(sigmoid(-2) + sigmoid(2)).toBeCloseTo(1, 12);
		expect(sigmoid(1000)).toBe(1);
		expect(sigmoid(-1000)).toBe(0);
		for (const x of [-30, -5, 0, 5]) expect(sigmoid(x)).toBeGreaterThan(0);
	});

	it('ReLU gradient is 0 at and below 0; leaky ReLU uses α there', () => {
		expect(ACTIVATIONS.relu.df(0, 0)).toBe(0);
		expect(ACTIVATIONS.relu.df(-3, 0)).toBe(0);
		expect(ACTIVATIONS.leaky.df(-3, 0.2)).toBe(0.2);
		expect(ACTIVATIONS.leaky.f(-3, 0.2)).toBeCloseTo(-0.6, 12);
	});

	it.each([
		['sigmoid', 0.25],
		['tanh', 1]
	] as const)('saturationThreshold(%s): f′ there is 10 %% of its peak %d', (name, peak) => {
		const t = saturationThreshold(name);
		expect(ACTIVATIONS[name].df(t, 0)).toBeCloseTo(0.1 * peak, 10);
		expect(ACTIVATIONS[name].df(-t, 0)).toBeCloseTo(0.1 * peak, 10);
	});
});

describe('activations steps and model', () => {
	it('steps walk the slides: overview, sigmoid, tanh, ReLU, leaky ReLU', () => {
		expect(steps.map((s) => s.show)).toEqual(['all', 'sigmoid', 'tanh', 'relu', 'leaky']);
	});

	it('model reads x and α from the URL, clamps them, and round-trips', () => {
		const model = new ActivationsModel(new ParamReader(new URLSearchParams('x=-2.5&alpha=0.3')));
		expect(model.x).toBe(-2.5);
		expect(model.alpha).toBe(0.3);
		const again = new ActivationsModel(new ParamReader(withParams(new URLSearchParams(), model.toParams())));
		expect(again.x).toBe(-2.5);
		expect(again.alpha).toBe(0.3);
	});

	it('model clamps out-of-range values and reports bad ones', () => {
		const reader = new ParamReader(new URLSearchParams('x=40&alpha=oops'));
		const model = new ActivationsModel(reader);
		expect(model.x).toBe(6);
		expect(model.alpha).toBe(0.1);
		expect(reader.problems).toHaveLength(2);
	});
});
