/** Registers the recurrent layer kinds, so saved models that use them can be rebuilt. */
import { registerLayer } from '../registry';
import type { LayerConfig } from '../types';
import { GRU } from './gru';
import { LSTM } from './lstm';
import { SimpleRNN } from './rnn';

const sizes = (c: LayerConfig) => ({
	inputSize: c.inputSize as number,
	hiddenSize: c.hiddenSize as number,
	returnSequences: c.returnSequences as boolean | undefined
});

registerLayer('rnn', (c, rng) => new SimpleRNN(sizes(c), rng));
registerLayer(
	'lstm',
	(c, rng) => new LSTM({ ...sizes(c), forgetBias: c.forgetBias as number | undefined }, rng)
);
registerLayer(
	'gru',
	(c, rng) => new GRU({ ...sizes(c), updateBias: c.updateBias as number | undefined }, rng)
);
