import type { Concept } from '../types';
import { steps } from './steps';

export const concept: Concept = {
	slug: 'pooling-backward',
	title: 'Max-pool backward',
	description: 'The gradient flows to the arg-max cell and is 0 everywhere else.',
	slides: 'Backward pass: gradient passes through the max location, 0 otherwise',
	shows:
		'An upstream gradient map routed to each window’s arg-max cell; overlapping windows accumulate; the tie rule stated.',
	steps,
	load: () => import('./Explainer.svelte')
};
