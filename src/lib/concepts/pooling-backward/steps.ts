import type { Step } from '../types';

/** A pool and a focused cell a step opens with (the teacher's controls can change them afterwards). */
export interface StepPreset {
	readonly size: number;
	readonly stride: number;
	/** "o4": output cell 4; "i21": input cell 21. */
	readonly focus: string;
}

export interface PoolingBackwardStep extends Step {
	/** Show the backward pass (upstream ∂L/∂y and the routed ∂L/∂x). */
	readonly backward: boolean;
	/** Routing arrows for the focused window only, or for every window. */
	readonly arrows: 'focus' | 'all';
	/** State the tie rule and mark the tied cells that lose. */
	readonly ties: boolean;
	/** Size/stride controls and "new numbers". */
	readonly controls: boolean;
	readonly preset?: StepPreset;
}

export const steps: readonly PoolingBackwardStep[] = [
	{
		title: 'Forward: the max remembers where it was',
		narration:
			'Max pooling keeps the largest value of each window, and the kernel set also returns where it was: the arg-max. Hover or focus a cell of y to see its window.',
		notes:
			'Point at the outlined winner in the focused window of x, then at the same number in y. Ask: if we nudge a value that lost, does y change at all? (No: only the winner reaches y.) Misconception: pooling averages; it does not, it copies one value.',
		backward: false,
		arrows: 'focus',
		ties: false,
		controls: false,
		preset: { size: 2, stride: 2, focus: 'o0' }
	},
	{
		title: 'Backward: the gradient goes to the arg-max',
		narration:
			'An upstream gradient ∂L/∂y arrives for each pooled cell. It flows back only to the cell that won the max; every other cell of the window gets 0.',
		notes:
			'Before revealing, ask: which of the four cells should get this gradient? Point at the arrow from the window to its winner and the zeros around it. Misconception: the gradient is split evenly over the window (that is average pooling).',
		backward: true,
		arrows: 'focus',
		ties: false,
		controls: false,
		preset: { size: 2, stride: 2, focus: 'o0' }
	},
	{
		title: 'Every window routes its gradient',
		narration:
			'Do it for every window: ∂L/∂x is 0 except at the winners, and nothing is lost, since the sum of ∂L/∂x equals the sum of ∂L/∂y.',
		notes:
			'Count the non-zero cells of ∂L/∂x with the class: one per window here. Point at the two sums agreeing. Ask what fraction of x learns anything in this step (a quarter for 2×2 pooling).',
		backward: true,
		arrows: 'all',
		ties: false,
		controls: false,
		preset: { size: 2, stride: 2, focus: 'o4' }
	},
	{
		title: 'Ties: the first maximum wins',
		narration:
			'When two cells share the maximum, the first in row-major window order (left to right, then top to bottom) takes the whole gradient. Other libraries may pick differently.',
		notes:
			'The focused window holds two 7s: point at the outlined winner and the marked loser. Ask: would splitting the gradient between them be wrong? (It is a valid subgradient too, but the kernel set and most libraries pick one.) The rule matters for reproducible tests, not for learning.',
		backward: true,
		arrows: 'focus',
		ties: true,
		controls: false,
		preset: { size: 2, stride: 2, focus: 'o1' }
	},
	{
		title: 'Overlapping windows add up',
		narration:
			'With stride smaller than the size, windows overlap and one cell can win several of them. Its gradient is the sum of everything routed to it.',
		notes:
			'The 9 is focused: it wins every window that contains it, so all their gradients land on it. Ask before revealing: how many windows of size 3, stride 1 contain this cell? (Nine.) Misconception: the backward pass overwrites; it accumulates.',
		backward: true,
		arrows: 'all',
		ties: true,
		controls: true,
		preset: { size: 3, stride: 1, focus: 'i21' }
	},
	{
		title: 'Your own numbers',
		narration:
			'Focus a cell and type a digit (− flips the sign) to edit x or ∂L/∂y; arrows move between cells. Change size and stride, or draw new numbers.',
		notes:
			'Let a student choose a size and stride and predict which cells of ∂L/∂x stay 0. Try stride 1 with size 2: many cells win several windows. Edit a loser up past the winner and watch its arrow move.',
		backward: true,
		arrows: 'all',
		ties: true,
		controls: true
	}
];
