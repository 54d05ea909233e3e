/** Registers the feed-forward layer kinds, so saved models that use them can be rebuilt. */
import { registerLayer } from '../registry';
import type { InitKind } from '../init';
import { LeakyReLU, ReLU, Sigmoid, Tanh } from './activations';
import { Conv2d } from './conv';
import { Dense } from './dense';
import { Flatten, MaxPool2d, PNormPool2d } from './pool';
import { BatchNorm, Dropout } from './regularize';

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

registerLayer(
	'conv2d',
	(c, rng) =>
		new Conv2d(
			{
				inChannels: c.inChannels as number,
				outChannels: c.outChannels as number,
				kernelSize: c.kernelSize as number,
				stride: c.stride as number,
				padding: c.padding as number,
				init: c.init as InitKind
			},
			rng
		)
);
registerLayer('max-pool2d', (c) => new MaxPool2d({ size: c.size as number, stride: c.stride as number }));
registerLayer(
	'pnorm-pool2d',
	(c) =>
		new PNormPool2d({
			size: c.size as number,
			stride: c.stride as number,
			p: c.p === 'Infinity' ? Infinity : (c.p as number)
		})
);
registerLayer('flatten', () => new Flatten());
registerLayer('dropout', (c) => new Dropout(c.rate as number));
registerLayer(
	'batch-norm',
	(c) =>
		new BatchNorm({
			features: c.features as number,
			momentum: c.momentum as number,
			epsilon: c.epsilon as number
		})
);
