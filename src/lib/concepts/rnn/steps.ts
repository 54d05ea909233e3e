import type { Step } from '../types';

export interface RnnStep extends Step {
	/** What the live view shows: the unrolled diagram, the hidden state while training, the gradient per step. */
	readonly view: 'unrolled' | 'hidden' | 'vanishing';
}

export const steps: readonly RnnStep[] = [
	{
		title: 'One cell, unrolled over time',
		narration:
			'A recurrent net reads a sequence one step at a time. Unrolled, it is a chain: every box is the same cell with the same weights W_x and W_h, and the hidden state h carries what it has seen to the next step.',
		notes:
			'Point at the W_h labels: they are one matrix, not five. Ask: how many weights does this net have for a sequence of length 5, and for length 500? (The same.) The common misconception is that each time step has its own layer; it is weight sharing over time, as a convolution shares its filter over space.',
		view: 'unrolled'
	},
	{
		title: 'The hidden state over time',
		narration:
			'Train a plain RNN to remember the first symbol of a short noisy sequence. The heat map is its hidden state for one sequence: a row per unit, a column per step. Watch it learn to keep something from step 0.',
		notes:
			'Press Train and let it run to about 100 %. Then point at column 0 and ask: where in the map is the answer stored? Change the sequence number to show another symbol. Misconception: the hidden state is not a copy of the input; it is whatever code the net finds useful. The batch size can be changed while it trains (from the next step): 8 gives more, noisier steps per epoch. Switch the task to “Predict the next value” to show the net’s guess against the true next value, and its RMSE against the naive guess “next = current”.',
		view: 'hidden'
	},
	{
		title: 'Why gradients vanish',
		narration:
			'The bars show how large the gradient of the loss is at each hidden state, going back in time. In a plain RNN it shrinks by a factor at every step: set the length to 50 and train. It sits at chance for many hundreds of steps, where an LSTM learns in about two hundred.',
		notes:
			'Before raising the length, ask the class to predict what happens to accuracy at T = 50. Point at the log scale: each grid line is a factor of ten. The misconception is that a bigger learning rate fixes it; it only makes the last steps explode while the first ones still get nothing. This is why the LSTM and GRU exist.',
		view: 'vanishing'
	}
];
