import type { Step } from '../types';

/** What the live view draws at a step; the user's settings stay as they are. */
export type ProjectionView = 'one' | 'two' | 'lda' | 'collapse' | 'relu';

export interface ProjectionStep extends Step {
	readonly view: ProjectionView;
}

export const steps: readonly ProjectionStep[] = [
	{
		title: 'A neuron is a projection wᵀx',
		narration:
			'Each point x is dropped onto the direction of w; the number wᵀx is where it lands. Drag the arrow head of w₁ and watch the two class histograms slide apart or overlap.',
		view: 'one'
	},
	{
		title: 'A layer: Wᵀx',
		narration:
			'Two neurons w₁ and w₂ give every point two numbers, Wᵀx with W = [w₁ w₂]: a new set of features. Drag either arrow.',
		view: 'two'
	},
	{
		title: 'The best direction: Fisher / LDA',
		narration:
			'Fisher’s projection picks w to maximise J(w): the gap between the class means over the spread within each class. The dashed arrow is (within-class spread)⁻¹ × (μ₁ − μ₀); compare its J with yours.',
		view: 'lda'
	},
	{
		title: 'Two linear layers are one',
		narration:
			'Apply V (the LDA direction v in the new features) after W: VᵀWᵀx = (WV)ᵀx, so the two layers merge into the single weight vector Wv. Click a point to check the numbers.',
		view: 'collapse'
	},
	{
		title: 'A non-linearity stops the merge',
		narration:
			'Put a ReLU between the layers: Vᵀ ReLU(Wᵀx) is no longer (WV)ᵀx wherever a feature is negative. Non-linearity is what makes depth worth having.',
		view: 'relu'
	}
];
