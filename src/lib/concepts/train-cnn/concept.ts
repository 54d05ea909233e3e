import type { Concept } from '../types';
import { steps } from './steps';

export const concept: Concept = {
	slug: 'train-cnn',
	title: 'Train a CNN',
	description: 'A small CNN learns handwritten digits in the page.',
	slides: 'The embedded trainer',
	shows:
		'Training on real handwritten digits with live loss and accuracy; first-layer filters and feature maps as it learns; pause, step, resume; learning rate, batch, dropout, batchnorm and L2 controls.',
	steps,
	load: () => import('./Explainer.svelte')
};
