import type { Concept } from '../types';
import { steps } from './steps';

export const concept: Concept = {
	slug: 'discrete-convolution',
	title: 'Discrete convolution',
	description: 'The same flip and shift with samples: a sum of products at every shift.',
	slides: 'Discrete convolution: same concept as the continuous version',
	shows:
		'Stems instead of curves; the sum of products written out at the current shift; editable kernel values.',
	steps,
	load: () => import('./Explainer.svelte')
};
