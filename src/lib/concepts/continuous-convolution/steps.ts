import type { Step } from '../types';

/** What the τ-plot draws at a step; the presets and t are the user's and stay. */
export type ContinuousView = 'signals' | 'flip' | 'shift' | 'product' | 'output';

export interface ContinuousStep extends Step {
	readonly view: ContinuousView;
}

export const steps: readonly ContinuousStep[] = [
	{
		title: 'Two functions f(τ) and g(τ)',
		narration:
			'Convolution combines two functions into a third. Pick a shape for each: box, triangle, one-sided exponential or Gaussian.',
		view: 'signals'
	},
	{
		title: 'Flip: g(−τ)',
		narration:
			'The meaning of (t − τ), part one: with t = 0, g(t − τ) = g(−τ) is g mirrored about τ = 0. The exponential shows it best.',
		view: 'flip'
	},
	{
		title: 'Then shift: g(t − τ)',
		narration:
			'Part two: t slides the flipped copy along τ, so its mirror point sits at τ = t. Drag t (or press play) and watch the flipped g travel.',
		view: 'shift'
	},
	{
		title: 'Multiply: f(τ) g(t − τ)',
		narration:
			'At each τ multiply the two curves. The shaded area under the product is one number: the output at this t.',
		view: 'product'
	},
	{
		title: 'Integrate: (f ∗ g)(t)',
		narration:
			'Sweep t and the area traces out the whole output. Box ∗ box gives a triangle; try the others.',
		view: 'output'
	}
];
