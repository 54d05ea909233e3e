import type { Step } from '../types';

export interface Convolution2dStep extends Step {
	/** The deck's small numeric example instead of an image. */
	readonly example: boolean;
	/** The convolution / cross-correlation switch is offered. */
	readonly flipControl: boolean;
	/** Presets, kernel size and editable weights. */
	readonly editor: boolean;
	/** Several filters on the same input side by side. */
	readonly bank: boolean;
	/** Stride and zero-padding controls with the output-size formula. */
	readonly geometry: boolean;
	/** Image choice and the user's own file. */
	readonly picker: boolean;
}

const base = {
	example: false,
	flipControl: false,
	editor: false,
	bank: false,
	geometry: false,
	picker: false
};

export const steps: readonly Convolution2dStep[] = [
	{
		...base,
		example: true,
		title: 'A window of products: 4·1 + 5·2 + 6·3 = 32',
		narration:
			'A 3×3 filter sits on a 3×3 patch of the input. Multiply cell by cell and add: here 4·1 + 5·2 + 6·3 = 32 is one output number. Drag the window (or focus it and use the arrow keys) to fill in the others.',
		notes:
			'Point at the middle row of the patch (4 5 6) and of the filter (1 2 3). Ask: what number goes in the output cell before you show it? Stress that the six zero weights still take part; they just add nothing. Then drag one cell right and ask the class to predict the new sum.'
	},
	{
		...base,
		example: true,
		flipControl: true,
		title: 'Flip or not: convolution and cross-correlation',
		narration:
			'True convolution flips the filter (rows and columns reversed) before sliding it: here 4·3 + 5·2 + 6·1 = 28. CNNs do not flip: they compute cross-correlation and call it convolution. Switch between the two.',
		notes:
			'Ask: if the network learns its weights, does the flip matter? (No: it would just learn the flipped filter.) The misconception to kill: that CNN layers compute mathematical convolution. Show that symmetric filters (box, Gaussian) give the same answer either way.'
	},
	{
		...base,
		title: 'An image and a 3×3 filter',
		narration:
			'The same window on a 100×100 grey image (0 black, 1 white). Drag it with the pointer or the arrow keys; the output map fills in as it moves. Press play to sweep it row by row. Hover an output cell to see its window.',
		notes:
			'Point at the patch numbers and the sum: the output cell is the same sum of nine products as before. Ask: where will the Sobel x output be large? (At vertical edges: left-to-right brightness changes.) Red is positive, blue negative, white zero.'
	},
	{
		...base,
		editor: true,
		flipControl: true,
		title: 'Filters: blur, sharpen, edges',
		narration:
			'Choose a preset or type your own weights. Box and Gaussian blur average; sharpen boosts a pixel against its neighbours; Sobel finds edges in one direction; the Laplacian finds them in all; emboss looks lit from one corner.',
		notes:
			'Ask before switching: what will the box blur do to the edges of the cat? Point out that weights summing to 1 keep the brightness, and weights summing to 0 (Sobel, Laplacian) give 0 on flat areas. For Sobel x with the flip on, the sign of every edge swaps.'
	},
	{
		...base,
		bank: true,
		title: 'Several filters: 100×100 → 98×98 each',
		narration:
			'A convolutional layer runs several filters over the same input. Each 3×3 filter on a 100×100 image gives a 98×98 map: the window fits 98 times across, because it cannot hang over the edge.',
		notes:
			'Ask: why 98 and not 100? (The 3×3 window has only 98 positions per row.) Each map answers a different question about the same pixels: point at the cat’s back in all three.'
	},
	{
		...base,
		geometry: true,
		title: 'Stride and zero padding',
		narration:
			'Stride moves the window more than one cell at a time; zero padding adds a border of zeros so the window can hang over the edge. The output size is ⌊(n + 2p − k) / s⌋ + 1.',
		notes:
			'Ask the class for the size with padding 1 and stride 1 (100: same size as the input). Then stride 2 (50). The common mistake: forgetting the floor, or the +1. The zeros at the border are real inputs to the sum: watch the patch at a corner.'
	},
	{
		...base,
		picker: true,
		editor: true,
		title: 'Your own image',
		narration:
			'Drop a PNG or JPEG on the page or pick a file: it is turned grey, and large images are scaled down. An uploaded image stays in this browser; a link cannot carry it.',
		notes:
			'Invite a student to send a photo. Try the 512×512 resolution to show that the filters run live on a quarter of a million pixels. If a file is not an image the page says so and keeps the current one.'
	}
];
