import type { Step } from '../types';

/** Which panel a step puts beside the controls and the loss curves. */
export type Panel = 'filters' | 'curves' | 'pooling' | 'overfit' | 'confusion' | 'draw';

export interface TrainStep extends Step {
	readonly panel: Panel;
}

export const steps: readonly TrainStep[] = [
	{
		title: 'From random filters to edge detectors',
		narration:
			'Press Start. The eight 3×3 filters of the first layer begin as random numbers; within seconds of training they turn into edge and stroke detectors, and the feature maps of the test digit light up on its strokes.',
		notes:
			'Start training before you speak, then point at the eight small filter squares. Ask: what would a filter that finds a vertical stroke look like? Misconception: the filters are designed by someone. Nobody wrote them; the gradient did, starting from noise.',
		panel: 'filters'
	},
	{
		title: 'Loss and accuracy while it learns',
		narration:
			'Training loss (on the batches it learns from) and test loss (on 2 000 digits it never sees) fall together. Change the learning rate while it runs: too large and the loss jumps; too small and it crawls.',
		notes:
			'Point at the gap between the train and test curves. Ask the class to predict what a learning rate of 1 will do before you type it. Misconception: lower loss on training data always means a better model: watch the test curve, not the training curve.',
		panel: 'curves'
	},
	{
		title: 'Why pooling helps',
		narration:
			'Shift the digit by a few pixels. The feature maps move with it, pixel for pixel; after 2×2 max pooling much less changes, because a maximum over a window does not care where inside the window the stroke is.',
		notes:
			'Move the shift slider from 0 to 1 and 2 and read the two percentages aloud. Ask: why does a one-pixel shift change the raw maps so much? Misconception: pooling makes the net fully shift-invariant. It only tolerates small shifts, about the window size.',
		panel: 'pooling'
	},
	{
		title: 'Overfitting on a small training set',
		narration:
			'Train on only 300 digits: training accuracy reaches 100 % while test accuracy stalls. Reset with dropout 0.5 and compare: the gap narrows, because the network cannot rely on any single unit.',
		notes:
			'Run the small set without dropout first and let the class watch train and test separate. Ask: the model is perfect on its data, so why is it wrong on new digits? Misconception: dropout makes training accuracy better. It makes it worse on purpose; the test accuracy is what improves.',
		panel: 'overfit'
	},
	{
		title: 'Which digits get confused',
		narration:
			'Rows are the true digit, columns the prediction, counted on the held-out digits. The diagonal is right; the bright cells off it are the mistakes: 4 and 9, 3 and 5, 7 and 1.',
		notes:
			'Load the pretrained model so the matrix is meaningful, then point at the largest off-diagonal cell. Ask which pairs the class expects before revealing. Misconception: accuracy tells you everything. Two models with 97 % can fail on very different digits.',
		panel: 'confusion'
	},
	{
		title: 'Draw a digit',
		narration:
			'Draw a digit with the mouse or a pen. It is scaled and centred like the training digits, then the network answers with ten probabilities, one per digit.',
		notes:
			'Invite a student to draw a 7 with and without a crossbar. Ask what the net will say for a digit drawn very small in a corner: the centring step is why it still works. Misconception: the probabilities are confidence you can trust; a scribble still gets one class near 100 %.',
		panel: 'draw'
	}
];
