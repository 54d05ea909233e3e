/** Finite-difference gradient checks for layers and losses (float32 maths, central differences). */
import { expect } from 'vitest';
import { createRng, uniformArray } from '$lib/signal/random';
import type { Layer, Loss, Tensor } from '$lib/nn/types';

/** Central-difference step; float32 rounding limits how small it can be. */
export const FD_STEP = 1e-2;
/** |analytic − numeric| ≤ ABS + REL·|numeric|. */
export const FD_ABS = 2e-3;
export const FD_REL = 2e-2;

function objective(layer: Layer, x: Tensor, r: Float32Array, training = false, seed = 7): number {
	const y = layer.forward(x, { training, rng: createRng(seed) });
	let s = 0;
	for (let i = 0; i < y.data.length; i++) s += r[i] * y.data[i];
	return s;
}

function close(analytic: number, numeric: number, what: string) {
	const tol = FD_ABS + FD_REL * Math.abs(numeric);
	if (Math.abs(analytic - numeric) > tol) expect.fail(`${what}: analytic ${analytic} vs numeric ${numeric}`);
}

/**
 * Checks dL/dx and every dL/dθ of L = Σ r ⊙ layer(x), r random.
 */
export function checkLayerGradients(
	layer: Layer,
	inputShape: number[],
	seed = 3,
	training = false,
	input?: Float32Array
) {
	const rng = createRng(seed);
	const n = inputShape.reduce((a, b) => a * b, 1);
	const x: Tensor = { shape: inputShape, data: input ?? uniformArray(rng, n, -1, 1) };
	const y = layer.forward(x, { training, rng: createRng(7) });
	const r = uniformArray(rng, y.data.length, -1, 1);
	for (const p of layer.params()) p.grad.fill(0);
	layer.forward(x, { training, rng: createRng(7) });
	const dx = layer.backward({ shape: y.shape, data: r });
	expect(dx.shape).toEqual(inputShape);
	for (let i = 0; i < n; i++) {
		const keep = x.data[i];
		x.data[i] = keep + FD_STEP;
		const up = objective(layer, x, r, training);
		x.data[i] = keep - FD_STEP;
		const down = objective(layer, x, r, training);
		x.data[i] = keep;
		close(dx.data[i], (up - down) / (2 * FD_STEP), `d/dx[${i}]`);
	}
	for (const p of layer.params()) {
		const grad = Float32Array.from(p.grad);
		for (let i = 0; i < p.value.length; i++) {
			const keep = p.value[i];
			p.value[i] = keep + FD_STEP;
			const up = objective(layer, x, r, training);
			p.value[i] = keep - FD_STEP;
			const down = objective(layer, x, r, training);
			p.value[i] = keep;
			close(grad[i], (up - down) / (2 * FD_STEP), `d/d${p.name}[${i}]`);
		}
	}
}

/** Checks a loss's gradient with respect to its prediction. */
export function checkLossGradient(loss: Loss, prediction: Tensor, target: Tensor | Int32Array) {
	loss.forward(prediction, target);
	const g = loss.backward();
	expect(g.shape).toEqual(prediction.shape);
	for (let i = 0; i < prediction.data.length; i++) {
		const keep = prediction.data[i];
		prediction.data[i] = keep + FD_STEP;
		const up = loss.forward(prediction, target);
		prediction.data[i] = keep - FD_STEP;
		const down = loss.forward(prediction, target);
		prediction.data[i] = keep;
		close(g.data[i], (up - down) / (2 * FD_STEP), `dLoss/dp[${i}]`);
	}
}
