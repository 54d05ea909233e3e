import type { Concept } from '../types';
import { steps } from './steps';

export const concept: Concept = {
	slug: 'conv-1x1',
	title: '1×1 convolutions',
	description: 'A 1×1×K filter sums channels per pixel; fewer filters reduce depth.',
	slides: '1×1 convolutions: 1×1×K filters, sum over channels, dimensionality reduction',
	shows:
		'A K-channel stack; one 1×1×K filter summing the channels at each pixel; F < K filters reducing depth; parameter and multiply counts.',
	steps,
	load: () => import('./Explainer.svelte')
};
