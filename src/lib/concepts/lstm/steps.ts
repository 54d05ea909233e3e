import type { Step } from '../types';

export interface LstmStep extends Step {
	readonly view: 'cell' | 'gates' | 'detect';
	/** The gate drawn in colour on the diagram. */
	readonly active: 'forget' | 'input' | 'candidate' | 'output' | 'cell' | null;
}

export const steps: readonly LstmStep[] = [
	{
		title: 'The LSTM cell',
		narration:
			'The cell state c runs along the top like a conveyor belt. Three gates decide what happens to it: the forget gate f scales what is kept, the input gate i lets new content g in, the output gate o decides what is shown as h.',
		notes:
			'Trace the top line with the pointer: only a multiplication and an addition touch it, so a gradient can travel along it without being squashed at every step. Ask: what must f be for the cell to remember forever? (1.) Misconception: the gates are not on/off switches; they are sigmoids between 0 and 1, learned like any weight.',
		view: 'cell',
		active: 'cell'
	},
	{
		title: 'Every gate over time',
		narration:
			'The LSTM opens trained to name the first symbol of a 50-step noisy sequence; another task from the menu starts from random weights. Each map is one gate or the cell state for the sequence above. Press Train to continue, Reset to start again.',
		notes:
			'The model opens already trained (made with npm run train). Point at the forget-gate map: about 0.96 at every step, so nothing the cell holds leaks away. Then the cell state: the first symbol leaves a faint pattern at step 0 (about ±0.1) that grows into bright stripes, a different pattern per symbol, by step 49 (±10 and more): the trained net feeds its state back and amplifies that first push, while the noise pushes every way and cancels. The input gate hovers near 0.55 all along: a gate does not have to slam shut to be useful. Ask the class which gate they expect to open at the end. Then the forget-gate bias: it is set when the weights are made, so changing it starts a new model. Ask first what a bias of 1 (f ≈ 0.73 at the start) does to a memory 50 steps long: with 1 the LSTM stays at chance (25 %) for 600 steps, with 3 (f ≈ 0.95) it learns within 200 (BENCHMARKS.md). Misconception: the LSTM remembers by design; it still has to be given a start where the gradient reaches step 0.',
		view: 'gates',
		active: 'forget'
	},
	{
		title: 'The matched filter’s question',
		narration:
			'Does this noisy sequence contain the Barker pattern? The matched filter answers with one correlation and a threshold. Train the LSTM on the same sequences and compare the two answers.',
		notes:
			'The matched filter is the optimal detector for a known pattern in white noise, so the network can at best equal it. Ask: what must the LSTM learn to do this? (Keep the last 13 samples and correlate.) Look at the input gate: it reacts to the pattern’s chips. Misconception: a neural net beats a classical detector at its own game; here it only learns to approximate it.',
		view: 'detect',
		active: 'input'
	}
];
