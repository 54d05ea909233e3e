import type { Concept } from '../types';
import { steps } from './steps';

export const concept: Concept = {
	slug: 'parameter-sharing',
	title: 'Parameter sharing',
	description: 'A dense layer needs a neuron per location; a convolution shares one filter.',
	slides: 'Parameter sharing: fully connected needs a neuron per location, a CNN shares one filter',
	shows:
		'The same detector as a dense layer and as a convolution, with live parameter counts for the lecture’s sizes.',
	steps,
	load: () => import('./Explainer.svelte')
};
