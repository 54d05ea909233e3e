import type { Step } from '../types';

export interface CnnStep extends Step {
	/** The feature maps: not yet, hidden behind a question, or shown with their peaks. */
	readonly maps: 'none' | 'predict' | 'shown';
	/** The max-pooled maps and the "found it?" answer. */
	readonly pooled: boolean;
	/** The pool-size choice (global or coarser grids). */
	readonly poolChoice: boolean;
}

export const steps: readonly CnnStep[] = [
	{
		title: 'The same cat, two places',
		narration:
			'Two images with the same seeded noise and the same small cat, once here and once there. Drag either cat, or focus an image and use the arrow keys.',
		notes:
			'Point at the two cats: same pixels, only the position differs. Ask: should a network say the same thing about both images? Yes if the question is “is there a cat?”, no if it is “where is it?”.',
		maps: 'none',
		pooled: false,
		poolChoice: false
	},
	{
		title: 'Predict: where will the peak be?',
		narration:
			'We slide the cat detector (a 5×5 filter shaped like the cat) over each image: cross-correlation, as CNNs do. Where will each feature map be largest?',
		notes:
			'Let the class point at the hidden maps before pressing →. Good answers name the cat’s top-left corner, since a valid correlation’s output (r, c) covers the window starting at (r, c). Common guess: the cat’s centre, which is off by two.',
		maps: 'predict',
		pooled: false,
		poolChoice: false
	},
	{
		title: 'Peaks at two different places',
		narration:
			'The peaks sit where the cats are. The feature maps differ: from the point of view of the network these are two different things.',
		notes:
			'Drag a cat and let the class watch its peak follow. The peak value is the same for both cats, only its place differs. Misconception: convolution alone makes the answer shift-invariant; it is shift-equivariant, the map moves with the cat.',
		maps: 'shown',
		pooled: false,
		poolChoice: false
	},
	{
		title: 'Max pooling: “yes, I found a cat somewhere”',
		narration:
			'Combine all locations into one with a max. Both images now give the same number: yes, I found a cat somewhere.',
		notes:
			'Ask before revealing: after the max over the whole map, can you still tell the two images apart? No: the answers are identical. Drag a cat anywhere and the pooled value does not move; that is the shift invariance pooling buys.',
		maps: 'shown',
		pooled: true,
		poolChoice: false
	},
	{
		title: 'Coarser pooling keeps a rough place',
		narration:
			'A smaller window keeps a coarse grid: the cat was found, and roughly where. The strongest answer is still the same for both images.',
		notes:
			'Switch between global, 14×14, 7×7 and 4×4 windows. Ask what the 2×2 result tells us (which quarter). This is why real networks pool a little at a time: some invariance, some position.',
		maps: 'shown',
		pooled: true,
		poolChoice: true
	}
];
