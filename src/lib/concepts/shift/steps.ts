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
		notes:
			'Point at the template bars (the weights w) and the image x above them: with the person centred, wᵀx is large. Ask: what is the neuron actually looking for? (Exactly this pattern at exactly this place.) Misconception: a neuron ‘knows’ what a person is; it only measures overlap with its weights.',
		view: 'template'
	},
	{
		title: 'What if the person is off-frame?',
		narration:
			'Drag the person sideways. The weights stay where they are, so wᵀx drops: the same person, a different answer.',
		notes:
			'Before dragging, ask: if the same person steps two pixels to the left, will the neuron still fire? Let the class vote, then drag and watch wᵀx drop. Point out that nothing about the person changed, only the position. Misconception: a fully connected layer is shift-invariant; it is not, every position is a different input.',
		view: 'moved'
	},
	{
		title: 'Need another filter that is shifted',
		narration:
			'Add one shifted copy of w per position: the rows of a matrix W. Wx gives one number per position, and the row that lines up with the person wins.',
		notes:
			'Point at the rows of W: each is the same template moved one step. Ask: how many rows do we need for an image 100 wide? And how many weights is that? (Many copies of the same numbers.) Drag the person and point at the row whose number is now the largest. Misconception: the shifted filters need to be learned separately; they are one filter copied.',
		view: 'rows'
	},
	{
		title: 'Answer: convolution with w as the filter',
		narration:
			'Sliding one small filter along x computes every row of W at once: it is cross-correlation (what CNNs call convolution). The row-by-row numbers and the kernel’s output are the same.',
		notes:
			'Point at the two readouts: row by row from W, and one small filter slid along x; the numbers match. Ask: what operation slides a small pattern along a signal and multiplies? Let them say convolution, then correct gently: without the flip it is cross-correlation, which CNNs call convolution. Misconception: convolution here needs a big matrix; the sliding filter is what saves the memory.',
		view: 'convolution'
	}
];
