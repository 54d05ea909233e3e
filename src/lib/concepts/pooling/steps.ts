import type { Step } from '../types';

export interface PoolingStep extends Step {
	/** The 7×7 numeric example instead of the 98×98 feature map. */
	readonly example: boolean;
	/** The floor / ceil switch is offered. */
	readonly ceilControl: boolean;
	/** Size and stride sliders. */
	readonly sizeControls: boolean;
}

export const steps: readonly PoolingStep[] = [
	{
		example: true,
		ceilControl: false,
		sizeControls: false,
		title: 'Max pooling: keep the largest value of each window',
		narration:
			'A 3×3 window steps over the feature map without overlap (stride 3) and keeps only its maximum: max(1, 0, 2, 4, 5, 6, 0, 2, 1) = 6. Drag the window or press play; the ring marks where the max came from.',
		notes:
			'Ask: what does the output lose, and what does it keep? (Where exactly the 6 was inside the window is lost; that it was there is kept.) This is the "I found a cat somewhere" idea. Point out that pooling has no weights to learn.'
	},
	{
		example: true,
		ceilControl: true,
		sizeControls: false,
		title: 'The edge: drop or keep the partial window',
		narration:
			'7 is not a multiple of 3: the last row and column only fill partial windows. Floor mode drops them (2×2 output); ceil mode keeps them and takes the max of what is there (3×3).',
		notes:
			'Ask the class for the output size before switching on ceil mode. The misconception: that the partial window is padded with zeros and could output 0; it takes the max of the real values only. Frameworks differ in their default (PyTorch: floor).'
	},
	{
		example: false,
		ceilControl: true,
		sizeControls: false,
		title: '98×98 → 32×32, or 33×33 in ceil mode',
		narration:
			'The deck’s 98×98 convolution output pooled by 3×3 windows with no overlap: ⌊(98 − 3)/3⌋ + 1 = 32 drops the last partial windows, ⌈(98 − 3)/3⌉ + 1 = 33 keeps them. The deck’s 33 is the ceil rule.',
		notes:
			'Write 98 / 3 = 32.67 on the board and ask: 32 or 33? Both are right under different rules: say which one a framework uses. The feature map is an edge filter (Sobel x) on shapes: its peaks survive pooling.'
	},
	{
		example: false,
		ceilControl: true,
		sizeControls: true,
		title: 'Window size and stride',
		narration:
			'Stride smaller than the window makes windows overlap (a value can win several times); stride equal to the size tiles the map. The output size always follows ⌊(n − k)/s⌋ + 1, or ⌈…⌉ + 1 in ceil mode.',
		notes:
			'Try size 2, stride 2 (the usual choice: halves each side). Then size 3, stride 2 (overlapping, as in AlexNet) and ask which cells now feed two outputs: hover an input cell to see them.'
	}
];
