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
		notes:
			"Point at w₁'s arrow head and drag it slowly round: the points drop onto the line, and the two histograms below are where they land. Ask before dragging: which direction will separate the classes best? Let someone guess, then find it. Misconception: wᵀx is just a number crunch; it is literally a projection, a shadow of x on the direction of w.",
		view: 'one'
	},
	{
		title: 'A layer: Wᵀx',
		narration:
			'Two neurons w₁ and w₂ give every point two numbers, Wᵀx with W = [w₁ w₂]: a new set of features. Drag either arrow.',
		notes:
			'Two arrows now: each point gets two numbers, one per neuron, and the scatter on the right is the data in the new features. Ask: what does a layer of 100 neurons do to a point? (Gives it 100 new coordinates.) Drag one arrow onto the other to show that two identical neurons add nothing. Misconception: neurons in a layer work in sequence; they all look at the same x side by side.',
		view: 'two'
	},
	{
		title: 'The best direction: Fisher / LDA',
		narration:
			'Fisher’s projection picks w to maximise J(w): the gap between the class means over the spread within each class. The dashed arrow is (within-class spread)⁻¹ × (μ₁ − μ₀); compare its J with yours.',
		notes:
			"The dashed arrow is Fisher's direction; its J is printed next to yours. Ask the class to beat it by dragging w₁, then reveal that they cannot: LDA maximises the gap between class means over the spread within the classes. Point at the histograms: narrow and far apart is the goal. Misconception: the best direction is the line joining the two class means; the within-class spread tilts it.",
		view: 'lda'
	},
	{
		title: 'Two linear layers are one',
		narration:
			'Apply V (the LDA direction v in the new features) after W: VᵀWᵀx = (WV)ᵀx, so the two layers merge into the single weight vector Wv. Click a point to check the numbers.',
		notes:
			'Click a point and read the two routes out loud: through W then v, and straight through the single vector Wv; the numbers are identical. Ask before clicking: how many layers does this two-layer network really have? Misconception: stacking more linear layers gives a more powerful model; without a non-linearity it is always one matrix.',
		view: 'collapse'
	},
	{
		title: 'A non-linearity stops the merge',
		narration:
			'Put a ReLU between the layers: Vᵀ ReLU(Wᵀx) is no longer (WV)ᵀx wherever a feature is negative. Non-linearity is what makes depth worth having.',
		notes:
			'Turn the ReLU on and click a point with a negative feature: now the two routes disagree, so the layers no longer merge. Ask: where do the two answers still agree? (Where both features are positive and ReLU does nothing.) This is the punchline of the first section, link it back to the activations slide. Misconception: the non-linearity is a detail; it is the whole reason depth helps.',
		view: 'relu'
	}
];
