import type { Concept } from '../types';
import { steps } from './steps';

export const concept: Concept = {
	slug: 'p-norm',
	title: 'p-norms and p-norm pooling',
	description: 'Unit balls for p = 1, 2, 4, ∞, and pooling that moves from sum to max.',
	slides: 'Norms (p-norm); p-norm pooling',
	shows:
		'The unit ball of ‖x‖ₚ for a p slider; p-norm pooling on a feature map from p = 1 (sum) through p = 2 to p → ∞ (max).',
	steps,
	load: () => import('./Explainer.svelte')
};
