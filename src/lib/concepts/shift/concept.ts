import type { Concept } from '../types';
import { steps } from './steps';

export const concept: Concept = {
	slug: 'shift',
	title: 'Shift in feature space',
	description: 'A template matches one position only; shifted copies become a convolution.',
	slides: 'Shift in feature space: a person off-frame needs another, shifted filter',
	shows:
		'A template used as a weight vector matches a centred pattern but not a shifted one; one shifted copy per position is convolution with W as the filter.',
	steps,
	load: () => import('./Explainer.svelte')
};
