import type { Concept } from '../types';
import { steps } from './steps';

export const concept: Concept = {
	slug: 'continuous-convolution',
	title: 'Continuous convolution',
	description: 'Flip, then shift: g(t − τ) slides over f(τ) and the overlap is the output.',
	slides: 'Continuous convolution, “flip then shift”, (t − τ)',
	shows:
		'f(τ) and g(τ), the flip g(−τ), the shift g(t − τ) with a draggable t, the shaded product and the output traced as t moves; box, triangle, exponential and Gaussian presets.',
	steps,
	load: () => import('./Explainer.svelte')
};
