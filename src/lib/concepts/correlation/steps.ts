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
		preset: 'asymmetric',
		editor: false,
		cnnNote: false
	},
	{
		title: 'Symmetric kernel: the same',
		narration:
			'They are the same if g is symmetric (an even function): flipping [1, 2, 1] changes nothing, so both outputs are identical.',
		preset: 'even',
		editor: false,
		cnnNote: false
	},
	{
		title: 'Asymmetric kernel: mirrored',
		narration:
			'With [1, 2, 3] the flip matters: correlation with h is convolution with h mirrored. Correlation peaks where the signal looks like the kernel.',
		preset: 'asymmetric',
		editor: false,
		cnnNote: false
	},
	{
		title: 'Try your own kernel',
		narration:
			'Edit the taps: any symmetric kernel gives two equal outputs, anything else two different ones.',
		preset: null,
		editor: true,
		cnnNote: false
	},
	{
		title: 'What CNNs call convolution',
		narration:
			'For some unknown reason, people use “convolution” in CNNs to mean cross-correlation. From this point onwards, when we say convolution we mean cross-correlation.',
		preset: null,
		editor: false,
		cnnNote: true
	}
];
