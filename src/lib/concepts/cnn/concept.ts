import type { Concept } from '../types';
import { steps } from './steps';

export const concept: Concept = {
	slug: 'cnn',
	title: 'Convolutional networks',
	description: 'The same object at two places gives peaks at two places; pooling finds it anywhere.',
	slides: 'CNNs: peaks at different locations; pooling: “yes, I found a cat somewhere”',
	shows:
		'The same object at two positions gives peaks at two places in the feature map, and the same answer after max pooling.',
	steps,
	load: () => import('./Explainer.svelte')
};
