import type { Step } from '../types';

export interface MatchedFilterStep extends Step {
	/** The output below the signal: none yet, built up to the filter's position, or whole. */
	readonly output: 'none' | 'so-far' | 'full';
	/** The threshold line and the peak are shown. */
	readonly detect: boolean;
	/** The hidden position is shown. */
	readonly reveal: boolean;
	/** Signal length, template length and a paste field. */
	readonly ownData: boolean;
}

export const steps: readonly MatchedFilterStep[] = [
	{
		title: 'A pattern hidden in noise',
		narration:
			'Blue is the signal: somewhere in this noise sits the red pattern, and we do not know where. Turn the SNR down and it vanishes to the eye.',
		output: 'none',
		detect: false,
		reveal: false,
		ownData: false
	},
	{
		title: 'Slide the filter along',
		narration:
			'Drag the red filter along the blue signal: at each position, multiply and sum. The output below builds up as you go.',
		output: 'so-far',
		detect: false,
		reveal: false,
		ownData: false
	},
	{
		title: 'The matched peak',
		narration:
			'If the filter matches our pattern it shows up as a nice peak, even in noise. Drag the threshold: what crosses it is a detection.',
		output: 'full',
		detect: true,
		reveal: false,
		ownData: false
	},
	{
		title: 'Reveal',
		narration:
			'Where was it really hidden? The peak sits where the pattern starts. Press “new noise” a few times, and lower the SNR until the peak gets lost.',
		output: 'full',
		detect: true,
		reveal: true,
		ownData: false
	},
	{
		title: 'Longer signals, your own data',
		narration:
			'A longer signal or template, or paste your own numbers: the same filter finds the pattern wherever it is. Normalised output is a correlation coefficient between −1 and 1.',
		output: 'full',
		detect: true,
		reveal: true,
		ownData: true
	}
];
