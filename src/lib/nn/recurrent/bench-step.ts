/**
 * The LSTM training step the benchmarks time: hidden 64, 50 steps, batch 32 on "remember"
 * (4 symbols): forward, cross-entropy, backpropagation through time and one Adam update.
 */
import { createRng } from '$lib/signal/random';
import { Optimizer } from '../optim';
import { RememberTask } from '../tasks/remember';
import { buildRecurrentModel, lossFor } from './models';

export const LSTM_BENCH = { hidden: 64, length: 50, batch: 32, symbols: 4 } as const;

/** A function that runs one training step on a fixed batch; also returns the batch for a second library. */
export function lstmTrainingStep() {
	const { hidden, length, batch, symbols } = LSTM_BENCH;
	const task = new RememberTask({ length, symbols });
	const data = task.generate(batch, 1);
	const model = buildRecurrentModel('lstm', task, { hiddenSize: hidden, keepBias: 1, seed: 1 });
	const loss = lossFor(task);
	const optimizer = new Optimizer({ kind: 'adam', learningRate: 0.001 });
	const input = { shape: [batch, length, symbols], data: data.inputs };
	const ctx = { training: true, rng: createRng(0) };
	const step = () => {
		model.zeroGrad();
		const value = loss.forward(model.forward(input, ctx), data.labels!);
		model.backward(loss.backward());
		optimizer.update(model.params());
		return value;
	};
	return { step, inputs: data.inputs, labels: data.labels! };
}
