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
		notes:
			'Point at the samples: x[k] above, the short kernel h[k] below, both on integer k. Ask: what is the discrete version of the integral we just saw? (A sum over k.) Mention the taps can be edited and signals pasted. Misconception: discrete convolution is a different operation; it is the same flip, shift, multiply, sum, with samples.',
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
		notes:
			'Change one tap, e.g. make the first tap large, and point at where it lands after the flip: at the other end. Ask before flipping: where will tap h[0] be, and h[2]? Misconception: the flip reverses the kernel about its own centre; it is about k = 0, which is why an output index shifts.',
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
		notes:
			'Drag the flipped kernel along and point at the overlap: multiply sample by sample, the products appear below. Ask: at n = 0, how many samples overlap? (Only one, at the edge.) Misconception: samples outside the signal are ignored; they count as zero, which is why the ends of the output ramp up and down.',
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
		notes:
			'Press play and point at y[n] being written one sample per shift. Ask before the sweep ends: how long will the output be? (N + M − 1.) Stop at one n and read the sum aloud to check it. Misconception: the output is as long as the input; that is only the ‘same’ mode, the full output is longer.',
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
		notes:
			'Hand the class control: [1, −1] gives differences (it fires on edges), [1, 1, 1] gives running sums (it smooths). Ask: what kernel would give a moving average? ([1/3, 1/3, 1/3].) Check the length rule on a pasted signal. Misconception: kernels must be symmetric or positive; any numbers work, and the sign pattern decides what the filter detects.',
		kernel: 'h[n-k]',
		lower: 'output',
		sum: true,
		editor: true,
		player: true
	}
];
