import type { Concept } from '../types';
import { steps } from './steps';

export const concept: Concept = {
	slug: 'activations',
	title: 'Non-linearities',
	description: 'Sigmoid, tanh, ReLU and leaky ReLU, and where their gradients vanish.',
	slides: 'Notes on non-linearity: sigmoid, tanh, ReLU, leaky ReLU',
	shows:
		'f(x) and f′(x) side by side; drag x and watch the gradient; where sigmoid and tanh saturate; ReLU’s zero-gradient side; a leaky-ReLU slope slider.',
	steps,
	load: () => import('./Explainer.svelte')
};
