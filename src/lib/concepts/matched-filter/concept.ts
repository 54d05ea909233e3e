import type { Concept } from '../types';
import { steps } from './steps';

export const concept: Concept = {
	slug: 'matched-filter',
	title: 'Matched filters',
	description: 'Find a known pattern hidden in noise: the filter output peaks where it sits.',
	slides: 'Matched filters: detect a pattern in noise; red filter, blue signal, matched peak',
	shows:
		'A pattern hidden in seeded noise; an SNR slider; the filter output with its peak and a threshold; drag the filter by hand; regenerate the noise.',
	steps,
	load: () => import('./Explainer.svelte')
};
