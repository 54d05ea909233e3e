import type { Concept } from '../types';
import { steps } from './steps';

export const concept: Concept = {
	slug: 'correlation',
	title: 'Convolution vs cross-correlation',
	description: 'Equal for an even kernel, mirrored otherwise; CNNs mean cross-correlation.',
	slides: 'Convolution and cross-correlation; “same if g is even”',
	shows:
		'The same signal and kernel under both operations side by side; a symmetric kernel gives equal outputs, an asymmetric one mirrored.',
	steps,
	load: () => import('./Explainer.svelte')
};
