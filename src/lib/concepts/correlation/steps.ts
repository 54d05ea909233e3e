import type { Step } from '../types';
import type { PresetName } from './functions';

export interface CorrelationStep extends Step {
	/** The kernel the step shows, unless the user typed their own (which is never overwritten). */
	readonly preset: PresetName | null;
	/** Kernel taps can be edited. */
	readonly editor: boolean;
	/** The closing statement about CNN vocabulary. */
	readonly cnnNote: boolean;
}

export const steps: readonly CorrelationStep[] = [
	{
		title: 'Convolution and cross-correlation',
		narration:
			'Convolution flips the kernel, then shifts it; cross-correlation only shifts. Drag n in either panel: both move together.',
		notes:
			'Point at the two panels: the top flips the kernel then shifts it (convolution), the bottom only shifts (cross-correlation). Drag n and show both move together. Ask: for which kernels would the two give the same answer? Keep the answer for the next step. Misconception: they are unrelated operations; they differ only by the flip.',
		preset: 'asymmetric',
		editor: false,
		cnnNote: false
	},
	{
		title: 'Symmetric kernel: the same',
		narration:
			'They are the same if g is symmetric (an even function): flipping [1, 2, 1] changes nothing, so both outputs are identical.',
		notes:
			'With [1, 2, 1], flipping changes nothing, so both outputs are identical: point at the two curves lying on each other. Ask: what do symmetric kernels have in common? (Even functions: g(t) = g(−t).) Misconception: this holds for any kernel with a single peak; it needs exact symmetry.',
		preset: 'even',
		editor: false,
		cnnNote: false
	},
	{
		title: 'Asymmetric kernel: mirrored',
		narration:
			'With [1, 2, 3] the flip matters: correlation with h is convolution with h mirrored. Correlation peaks where the signal looks like the kernel.',
		notes:
			'With [1, 2, 3] the two outputs differ: point at where each one peaks. Correlating with h is convolving with h reversed. Ask: which output peaks where the signal looks like the kernel? (Correlation: that is the matched filter.) Misconception: convolution is the one that finds patterns; correlation does, convolution finds the mirrored pattern.',
		preset: 'asymmetric',
		editor: false,
		cnnNote: false
	},
	{
		title: 'Try your own kernel',
		narration:
			'Edit the taps: any symmetric kernel gives two equal outputs, anything else two different ones.',
		notes:
			'Invite a student to type a kernel: any symmetric one gives equal outputs, anything else two different ones. Ask before each try: same or different? Misconception: small asymmetries do not matter; any asymmetry makes the outputs differ.',
		preset: null,
		editor: true,
		cnnNote: false
	},
	{
		title: 'What CNNs call convolution',
		narration:
			'For some unknown reason, people use “convolution” in CNNs to mean cross-correlation. From this point onwards, when we say convolution we mean cross-correlation.',
		notes:
			"Read the slide's sentence out loud: CNNs say convolution and mean cross-correlation. Ask: does it matter for a network that learns its filters? (No, it would just learn the flipped filter.) From here on, ‘convolution’ means correlation. Misconception: libraries flip the kernel in conv2d; PyTorch and TensorFlow do not.",
		preset: null,
		editor: false,
		cnnNote: true
	}
];
