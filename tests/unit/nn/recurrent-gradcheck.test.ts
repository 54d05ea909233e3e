import { describe, expect, it } from 'vitest';
import { GRU } from '../../../src/lib/nn/recurrent/gru';
import { LSTM } from '../../../src/lib/nn/recurrent/lstm';
import { SimpleRNN } from '../../../src/lib/nn/recurrent/rnn';
import type { RecurrentLayer } from '../../../src/lib/nn/recurrent/base';
import { createRng, uniformArray } from '../../../src/lib/signal/random';

/** Float32 forward passes: central differences with this step agree to about 1e-3 relative. */
const EPS = 1e-2;
const TOL = 2e-2;
const ctx = { training: true, rng: createRng(0) };

/** L = Σ w ⊙ layer(x), in float64 so the differences see only the layer's own rounding. */
function lossOf(layer: RecurrentLayer, x: Float32Array, shape: number[], w: Float32Array): number {
	const y = layer.forward({ shape, data: x }, ctx).data;
	let s = 0;
	for (let i = 0; i < y.length; i++) s += y[i] * w[i];
	return s;
}

function check(make: () => RecurrentLayer, N: number, T: number, D: number): void {
	const layer = make();
	const shape = [N, T, D];
	const rng = createRng(11);
	const x = uniformArray(rng, N * T * D, -1.5, 1.5);
	const outSize = layer.outputShape(shape).reduce((a, b) => a * b, 1);
	const w = uniformArray(rng, outSize, -1, 1);
	lossOf(layer, x, shape, w);
	const dx = layer.backward({ shape: layer.outputShape(shape), data: w }).data;
	const targets: { name: string; value: Float32Array; grad: Float32Array }[] = [
		...layer.params().map((p) => ({ name: p.name, value: p.value, grad: p.grad })),
		{ name: 'input', value: x, grad: dx }
	];
	for (const { name, value, grad } of targets) {
		let worst = 0;
		for (let i = 0; i < value.length; i++) {
			const keep = value[i];
			value[i] = keep + EPS;
			const up = lossOf(layer, x, shape, w);
			value[i] = keep - EPS;
			const down = lossOf(layer, x, shape, w);
			value[i] = keep;
			const fd = (up - down) / (2 * EPS);
			worst = Math.max(worst, Math.abs(fd - grad[i]) / Math.max(1, Math.abs(fd)));
		}
		expect(worst, `${layer.kind} ∂L/∂${name}`).toBeLessThan(TOL);
	}
}

const makers = {
	rnn: (o: { returnSequences: boolean }) =>
		new SimpleRNN({ inputSize: 3, hiddenSize: 4, ...o }, createRng(1)),
	lstm: (o: { returnSequences: boolean }) => new LSTM({ inputSize: 3, hiddenSize: 4, ...o }, createRng(2)),
	gru: (o: { returnSequences: boolean }) => new GRU({ inputSize: 3, hiddenSize: 4, ...o }, createRng(3))
};

describe('recurrent layers: finite-difference gradients through time', () => {
	for (const [kind, make] of Object.entries(makers)) {
		it(`${kind} N=2 T=6 D=3 H=4 last step`, () => check(() => make({ returnSequences: false }), 2, 6, 3));
		it(`${kind} N=2 T=5 D=3 H=4 every step`, () => check(() => make({ returnSequences: true }), 2, 5, 3));
	}
});
