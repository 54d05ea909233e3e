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
		notes:
			"Point at the blue signal and ask the class where the red pattern is hidden; give them ten seconds. Turn the SNR down to −5 dB and ask again. Misconception: if you cannot see the pattern, it is not recoverable; the filter will find it below the eye's threshold.",
		output: 'none',
		detect: false,
		reveal: false,
		ownData: false
	},
	{
		title: 'Slide the filter along',
		narration:
			'Drag the red filter along the blue signal: at each position, multiply and sum. The output below builds up as you go.',
		notes:
			"Drag the red filter along the blue signal and point at the output growing under it: each value is multiply-and-sum at one position. Ask: what will the output do when the filter sits exactly on the hidden pattern? Misconception: the filter removes the noise; it does not, it adds up the pattern's energy coherently while the noise partly cancels.",
		output: 'so-far',
		detect: false,
		reveal: false,
		ownData: false
	},
	{
		title: 'The matched peak',
		narration:
			'If the filter matches our pattern it shows up as a nice peak, even in noise. Drag the threshold: what crosses it is a detection.',
		notes:
			'Point at the peak standing out of the noisy output, then drag the threshold: above it is a detection. Ask: what happens with the threshold too low? Too high? (False alarms versus misses.) Misconception: the biggest sample of the raw signal marks the pattern; only the filter output has a clear peak.',
		output: 'full',
		detect: true,
		reveal: false,
		ownData: false
	},
	{
		title: 'Reveal',
		narration:
			'Where was it really hidden? The peak sits where the pattern starts. Press “new noise” a few times, and lower the SNR until the peak gets lost.',
		notes:
			'Reveal the hidden position and point at the peak sitting where the pattern starts. Press ‘new noise’ a few times and lower the SNR until the peak is lost: ask the class to call the moment it fails. Misconception: a matched filter always finds the pattern; at low enough SNR the noise wins.',
		output: 'full',
		detect: true,
		reveal: true,
		ownData: false
	},
	{
		title: 'Longer signals, your own data',
		narration:
			'A longer signal or template, or paste your own numbers: the same filter finds the pattern wherever it is. Normalised output is a correlation coefficient between −1 and 1.',
		notes:
			'Make the signal longer and switch on the normalised output: it is a correlation coefficient between −1 and 1, so one threshold works for any scale. Ask: why would a longer template help at low SNR? (More samples add up coherently.) Misconception: normalising changes where the peak is; it changes the scale, the best match stays the same.',
		output: 'full',
		detect: true,
		reveal: true,
		ownData: true
	}
];
