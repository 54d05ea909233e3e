import type { Concept } from '../types';
import { steps } from './steps';

export const concept: Concept = {
	slug: 'projections',
	title: 'Projections and weights',
	description: 'A layer is a projection wᵀx; two linear layers collapse into one.',
	slides: 'Projections and NN weights: wᵀx, Wᵀx, Fisher/LDA projection VᵀWᵀx = (WV)ᵀx',
	shows:
		'A two-class point cloud; drag w₁ and w₂ and see every projection and the class histograms; the LDA direction computed; (WV)ᵀx collapsing unless a non-linearity sits between the layers.',
	steps,
	load: () => import('./Explainer.svelte')
};
