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
			'Train a plain RNN, first to remember the first symbol of a short noisy sequence (the task menu has two more). The heat map is its hidden state for one sequence: a row per unit, a column per step. On remember, watch it learn to keep something from step 0.',
		notes:
			'Press Train and let it run to about 100 %. Then point at column 0 and ask: where in the map is the answer stored? Change the sequence number to show another symbol. Misconception: the hidden state is not a copy of the input; it is whatever code the net finds useful. The batch size can be changed while it trains (from the next step): 8 gives more, noisier steps per epoch. Switch the task to “Predict the next value” to show the net’s guess against the true next value, and its RMSE against the naive guess “next = current”.',
		view: 'hidden'
	},
	{
		title: 'Why gradients vanish',
		narration:
			'The bars show how large the gradient of the loss is at each hidden state, going back in time. In a plain RNN it shrinks by a factor at every step. Slide the length up: at 5 it always learns, at 10 usually, at 20 and 30 it depends on the seed, at 40 and 50 it stays at chance for the whole run of 500 steps, where an LSTM passes 90 % in about 250.',
		notes:
			'Before raising the length, ask the class to predict what happens to accuracy at T = 50. Point at the log scale: each grid line is a factor of ten. Misconception: the plain RNN cannot learn it at all; the gradient at step 0 is tiny, not zero, and with twice the steps or the learning rate at 0.01 some seeds suddenly latch the symbol (which ones, and when, is luck). Started with an orthogonal W_h (Keras’s default, gain 1 per step) it learns this too: what vanishes is a gain below 1 raised to the 50th power, a product the LSTM’s cell state avoids.',
		view: 'vanishing'
	}
];
