import type { Step } from '../types';

export interface PNormStep extends Step {
	/** The unit-ball picture: the ball for the current p alone, or with the 1, 2, 4, ∞ balls behind it. */
	readonly ball: 'one' | 'family';
	/** The feature map and its p-norm pooling (with sum and max beside it when `compare`). */
	readonly pooling: boolean;
	readonly compare: boolean;
	/** Pool size and "new map" controls. */
	readonly controls: boolean;
	/** The p a step opens with (the slider can change it afterwards). */
	readonly presetP?: number;
}

export const steps: readonly PNormStep[] = [
	{
		title: 'The p-norm and its unit ball',
		narration:
			'‖x‖ₚ = (|x₁|ᵖ + |x₂|ᵖ)^(1/p). The unit ball is every point with ‖x‖ₚ = 1; drag the point and watch its norm.',
		notes:
			'Start at p = 2: the circle everyone knows. Drag the point onto the curve and show the read-out reach 1. Ask: which points have norm 1 if p = 1? Let them guess the diamond before moving the slider.',
		ball: 'one',
		pooling: false,
		compare: false,
		controls: false,
		presetP: 2
	},
	{
		title: 'p = 1, 2, 4, ∞',
		narration:
			'p = 1 gives a diamond, p = 2 a circle, p = 4 a rounded square, and p → ∞ the square max(|x₁|, |x₂|) = 1. Slide p up to 100 and watch the ball grow towards the square.',
		notes:
			'Slide slowly from 1 to ∞ with the four reference balls in the background. Ask: why does the ball only grow with p? (For a fixed point the norm only shrinks as p grows.) Misconception: p = ∞ is undefined; it is the limit, the max.',
		ball: 'family',
		pooling: false,
		compare: false,
		controls: false
	},
	{
		title: 'p-norm pooling',
		narration:
			'p-norm pooling replaces each window by the p-norm of its values. Hover or focus a window to see its numbers written out.',
		notes:
			'Point at one window and its pooled value. Ask: what is the pooled value at p = 1? (The sum of |x|, not the sum of x: negatives count too.) Then move the slider and watch every pooled value fall.',
		ball: 'one',
		pooling: true,
		compare: false,
		controls: false,
		presetP: 2
	},
	{
		title: 'From sum to max',
		narration:
			'p = 1 pools the sum of |x| and p = ∞ the max: the pooled map at p sits between them. Slide p up: the largest |x| comes to dominate the sum, so the p-norm approaches the max (within 3 % at p = 100).',
		notes:
			'Three maps side by side: sum, the current p, max. At p = 8 most cells are within a few percent of the max; slide on to 64 and 100 and the middle map reads like the max map. Ask: which p does max pooling correspond to, and how far above the max can the p-norm be? (At most n^(1/p) times it, when all n values tie.) Misconception: p-norm pooling is a different operation; it is one family with sum and max at its ends.',
		ball: 'one',
		pooling: true,
		compare: true,
		controls: false,
		presetP: 4
	},
	{
		title: 'Try it',
		narration:
			'Change p, the pool size and the feature map. Arrow keys move between windows; the slider and the link keep p exactly, ∞ included.',
		notes:
			'Let the class pick p. With a 4 × 4 pool the sum and the max are far apart, so the approach is slower: ask why (more terms of similar size).',
		ball: 'family',
		pooling: true,
		compare: true,
		controls: true
	}
];
