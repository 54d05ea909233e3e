import type { Step } from '../types';

/** What the live view draws at a step; the pattern's position is the user's and stays. */
export type ShiftView = 'template' | 'moved' | 'rows' | 'convolution';

export interface ShiftStep extends Step {
	readonly view: ShiftView;
}

export const steps: readonly ShiftStep[] = [
	{
		title: 'A template is a weight vector',
		narration:
			'Use the pattern we want to find as the weights w of one neuron. When the person stands in the middle of the image x, wᵀx is large: the pattern lines up with the weights.',
		view: 'template'
	},
	{
		title: 'What if the person is off-frame?',
		narration:
			'Drag the person sideways. The weights stay where they are, so wᵀx drops: the same person, a different answer.',
		view: 'moved'
	},
	{
		title: 'Need another filter that is shifted',
		narration:
			'Add one shifted copy of w per position: the rows of a matrix W. Wx gives one number per position, and the row that lines up with the person wins.',
		view: 'rows'
	},
	{
		title: 'Answer: convolution with w as the filter',
		narration:
			'Sliding one small filter along x computes every row of W at once: it is cross-correlation (what CNNs call convolution). The row-by-row numbers and the kernel’s output are the same.',
		view: 'convolution'
	}
];
