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
		notes:
			'Point at the two curves and name them: f(τ) is the signal, g(τ) the kernel, both over τ, a dummy time axis. Ask: what do you expect box ∗ box to look like? Keep the guesses for step 5. Misconception: convolution is pointwise multiplication f(t)·g(t); it is a sum (integral) over all τ for each t.',
		view: 'signals'
	},
	{
		title: 'Flip: g(−τ)',
		narration:
			'The meaning of (t − τ), part one: with t = 0, g(t − τ) = g(−τ) is g mirrored about τ = 0. The exponential shows it best.',
		notes:
			'Point at the exponential and its mirror image: g(−τ) is g read backwards around τ = 0. Ask before showing: which way does the exponential face after the flip? Symmetric shapes hide the flip, so choose the exponential. Misconception: the minus sign in t − τ shifts the kernel; with t = 0 it only mirrors it.',
		view: 'flip'
	},
	{
		title: 'Then shift: g(t − τ)',
		narration:
			'Part two: t slides the flipped copy along τ, so its mirror point sits at τ = t. Drag t (or press play) and watch the flipped g travel.',
		notes:
			'Drag t (or press play) and point at the mirror point travelling to τ = t. Ask: if t increases, does the flipped kernel move left or right? Many expect left because of the minus sign. Misconception: g(t − τ) moves opposite to t; it moves with t, the flip is already done.',
		view: 'shift'
	},
	{
		title: 'Multiply: f(τ) g(t − τ)',
		narration:
			'At each τ multiply the two curves. The shaded area under the product is one number: the output at this t.',
		notes:
			'Point at the shaded area: the product f(τ)g(t − τ) at every τ, and its area is one number, the output at this t. Ask: where is the product zero, and why? (Where either curve is zero.) Drag t to where the overlap is largest and ask what the output is doing there. Misconception: the output is the height of the product at τ = t; it is the whole area.',
		view: 'product'
	},
	{
		title: 'Integrate: (f ∗ g)(t)',
		narration:
			'Sweep t and the area traces out the whole output. Box ∗ box gives a triangle; try the others.',
		notes:
			'Press play and let the area trace the output curve. Ask for the earlier guess: box ∗ box is a triangle, because the overlap grows linearly and then shrinks. Try box ∗ exponential next: a smoothed, delayed box. Misconception: the output has the width of the input; it is as wide as both supports added together.',
		view: 'output'
	}
];
