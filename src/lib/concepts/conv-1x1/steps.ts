import type { Step } from '../types';

export interface Conv1x1Step extends Step {
	/** The output: none yet, the focused filter's map, or all F maps. */
	readonly output: 'none' | 'one' | 'all';
	/** The weighted sum at the focused pixel written out. */
	readonly sum: boolean;
	/** The focused filter's weights and bias can be edited. */
	readonly weights: boolean;
	/** Parameter and multiply–add counts. */
	readonly counts: boolean;
	/** K and F controls and "new maps". */
	readonly controls: boolean;
}

export const steps: readonly Conv1x1Step[] = [
	{
		title: 'A stack of K channels',
		narration:
			'A feature map has K channels: K numbers at every pixel. Hover or focus a pixel to light up its K values, one per channel.',
		notes:
			'Point at one pixel and follow it through every channel: that column of K numbers is what a 1×1 filter sees. Ask: what could a filter of size 1×1 possibly do, if it cannot see any neighbours?',
		output: 'none',
		sum: false,
		weights: false,
		counts: false,
		controls: false
	},
	{
		title: 'A 1×1×K filter: a weighted sum over channels',
		narration:
			'A 1×1 filter has one weight per channel. At each pixel it multiplies the K values by the K weights and sums them, plus a bias.',
		notes:
			'Read the products aloud for the focused pixel and find the result in the output map. Edit one weight to 0 and ask which channel the filter now ignores. Misconception: a 1×1 convolution does nothing; it mixes channels.',
		output: 'one',
		sum: true,
		weights: true,
		counts: false,
		controls: false
	},
	{
		title: 'The same weights at every pixel',
		narration:
			'The filter slides over the pixels with the same K weights: one output map, the same height and width as the input. Move the pixel with the arrow keys.',
		notes:
			'Move the focused pixel around: the weights stay, only the K input values change. Ask: how many numbers does this filter learn? (K + 1, however big the image.)',
		output: 'one',
		sum: true,
		weights: false,
		counts: false,
		controls: false
	},
	{
		title: 'F < K filters reduce the depth',
		narration:
			'F filters give F output maps. With F < K the depth shrinks while height and width stay: a cheap way to reduce dimensions before an expensive layer.',
		notes:
			'Point at K input maps on the left and F output maps on the right. Click another output map to focus its filter. Ask: where would you put this in a network? (Before a 3×3 or 5×5 convolution, as in Inception.)',
		output: 'all',
		sum: true,
		weights: false,
		counts: true,
		controls: true
	},
	{
		title: 'Counting parameters and work',
		narration:
			'Parameters: F·K weights plus F biases. Multiply–adds: H·W·F·K, one per weight per pixel. A 3×3 filter would cost nine times the weights and the work.',
		notes:
			'Change K and F and read the counts together. Ask the class to compute F(K + 1) before revealing. Misconception: the bias is free; it is one parameter per filter.',
		output: 'all',
		sum: false,
		weights: false,
		counts: true,
		controls: true
	},
	{
		title: 'Try it',
		narration:
			'Choose K and F, edit the focused filter’s weights and bias, draw new maps. Every number comes from the kernel set.',
		notes:
			'Make a filter that averages the channels (all weights 1/K) and one that takes the difference of two channels. Ask what each output map looks like before looking.',
		output: 'all',
		sum: true,
		weights: true,
		counts: true,
		controls: true
	}
];
