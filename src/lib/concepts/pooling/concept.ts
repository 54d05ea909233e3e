import type { Concept } from '../types';
import { steps } from './steps';

export const concept: Concept = {
	slug: 'pooling',
	title: 'Pooling',
	description: 'A 3×3 max window with no overlap: 98×98 becomes 32×32, or 33×33 in ceil mode.',
	slides: 'Pooling/subsampling: 98×98 → 33×33 with a 3×3 max filter with no overlap',
	shows:
		'The window sliding and the max picked; the output size rule with its rounding (floor 32, ceil 33); size and stride controls.',
	steps,
	load: () => import('./Explainer.svelte')
};
