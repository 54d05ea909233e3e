import type { Step } from '../types';

/** What the kernel row shows: h[k] as given, flipped h[−k], or flipped and shifted h[n − k] over x. */
export type KernelView = 'h[k]' | 'h[-k]' | 'h[n-k]';

export interface DiscreteConvolutionStep extends Step {
	readonly kernel: KernelView;
	/** The lower plot: the kernel itself, the products at shift n, or the output traced so far. */
	readonly lower: 'kernel' | 'products' | 'output';
	/** The sum of products written out in numbers. */
	readonly sum: boolean;
	/** Kernel taps and the signal can be edited. */
	readonly editor: boolean;
	/** Play/pause/step sweep n. */
	readonly player: boolean;
}

export const steps: readonly DiscreteConvolutionStep[] = [
	{
		title: 'A signal and a kernel',
		narration:
			'Same concept as the continuous version, with samples: a signal x[k] and a short kernel h[k]. Edit the kernel’s taps or paste your own signal.',
		kernel: 'h[k]',
		lower: 'kernel',
		sum: false,
		editor: true,
		player: false
	},
	{
		title: 'Flip',
		narration:
			'First flip the kernel: h[−k] is h read backwards around k = 0. Change a tap and watch where it lands after the flip.',
		kernel: 'h[-k]',
		lower: 'kernel',
		sum: false,
		editor: true,
		player: false
	},
	{
		title: 'Shift and multiply',
		narration:
			'Then shift it by n so h[n − k] sits over x[k]: drag it along. Where they overlap, multiply sample by sample; the products are below.',
		kernel: 'h[n-k]',
		lower: 'products',
		sum: true,
		editor: false,
		player: true
	},
	{
		title: 'Sum: one output sample per shift',
		narration:
			'The sum of the products is y[n]. Every shift gives one output sample: press play to sweep n and trace the whole output.',
		kernel: 'h[n-k]',
		lower: 'output',
		sum: true,
		editor: false,
		player: true
	},
	{
		title: 'Your own numbers',
		narration:
			'Try your own kernel ([1, −1] gives differences, [1, 1, 1] running sums) and paste your own signal. The output always has N + M − 1 samples.',
		kernel: 'h[n-k]',
		lower: 'output',
		sum: true,
		editor: true,
		player: true
	}
];
