import type { Concept } from '../types';
import { steps } from './steps';

export const concept: Concept = {
	slug: 'architectures',
	title: 'CNN architectures',
	description: 'INPUT → [CONV → RELU → POOL]×N → [FC → RELU]×M → FC, with every shape.',
	slides: 'CNN overview; common schemes',
	shows:
		'Build a network from the common blocks and see every layer’s output shape and parameter count; invalid shapes explained.',
	steps,
	load: () => import('./Explainer.svelte')
};
