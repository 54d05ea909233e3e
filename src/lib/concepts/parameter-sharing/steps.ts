import type { Step } from '../types';
import type { Wiring } from './functions';

export interface SharingStep extends Step {
	/** The wirings whose counts are on screen, in order. */
	readonly counts: readonly Wiring[];
	/** The wiring the weight picture shows. */
	readonly picture: Wiring;
	/** Ratios and memory against the convolution. */
	readonly compare: boolean;
}

export const steps: readonly SharingStep[] = [
	{
		title: 'A neuron per location',
		narration:
			'To find a cat anywhere in a 100×100 image with a fully connected layer, we need one neuron per location: 98×98 of them, each with a weight for every one of the 100·100 inputs.',
		notes:
			'Ask the class to estimate the count before the number is read out: 100·100·98·98 is about 96 million weights for one detector. Point at the three locations: each neuron has its own full weight map, and nothing says they should look for the same thing.',
		counts: ['dense'],
		picture: 'dense',
		compare: false
	},
	{
		title: 'Each neuron only needs its window',
		narration:
			'A detector for a small object only needs the 3×3 window under it. Drop the other weights: still a neuron per location, but 3·3 weights each.',
		notes:
			'This is local connectivity without sharing (a “locally connected” layer): the count falls by a factor of about a thousand. Ask: the three windows still have different weights; should they? The same cat looks the same wherever it sits.',
		counts: ['dense', 'local'],
		picture: 'local',
		compare: false
	},
	{
		title: 'Share one filter: a convolution',
		narration:
			'Use the same 3×3 weights at every location: that is a convolution. One filter and one bias: 3·3 + 1 = 10 parameters, whatever the size of the image.',
		notes:
			'Point at the three windows: the numbers are now identical. Misconception: sharing loses information; it does not, every location still gets its own output, only the weights are the same. The network is no longer fully connected.',
		counts: ['dense', 'local', 'conv'],
		picture: 'conv',
		compare: false
	},
	{
		title: 'Your sizes',
		narration:
			'Change the input size, filter size, channels and number of filters. The dense count grows with the square of the image, the convolution’s not at all.',
		notes:
			'Try 224×224 with 3 channels and 64 filters: the dense layer needs tens of terabytes, the convolution 1 792 parameters. Ask what doubling the image side does to each count (×4·×4 ≈ 16 for dense, nothing for conv).',
		counts: ['dense', 'local', 'conv'],
		picture: 'conv',
		compare: true
	}
];
