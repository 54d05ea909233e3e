/** Registers the feed-forward layer kinds, so saved models that use them can be rebuilt. */
import { registerLayer } from '../registry';
import type { InitKind } from '../init';
import { LeakyReLU, ReLU, Sigmoid, Tanh } from './activations';
import { Dense } from './dense';

registerLayer(
	'dense',
	(c, rng) =>
		new Dense(
			{
				inFeatures: c.inFeatures as number,
				outFeatures: c.outFeatures as number,
				init: c.init as InitKind,
				bias: c.bias as boolean
			},
			rng
		)
);
registerLayer('relu', () => new ReLU());
registerLayer('leaky-relu', (c) => new LeakyReLU(c.slope as number));
registerLayer('sigmoid', () => new Sigmoid());
registerLayer('tanh', () => new Tanh());
