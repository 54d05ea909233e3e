import type { Step } from '../types';

export interface GruStep extends Step {
	readonly view: 'cell' | 'gates' | 'compare';
	readonly active: 'reset' | 'update' | 'candidate' | null;
}

export const steps: readonly GruStep[] = [
	{
		title: 'The GRU cell',
		narration:
			'The GRU keeps one state, h. The update gate z mixes the old state with a candidate: h_t = (1 − z)·n + z·h_{t−1}. The reset gate r decides how much of the old state the candidate may look at.',
		notes:
			'Compare with the LSTM diagram: the forget and input gates have merged into one update gate, z and 1 − z, and there is no separate cell state. Ask: which value of z keeps the memory unchanged? (1.) Misconception: the reset gate erases the memory; it only hides h_{t−1} from the candidate, the update gate decides what is kept.',
		view: 'cell',
		active: 'update'
	},
	{
		title: 'Update and reset over time',
		narration:
			'A GRU learning to remember the first symbol across 50 noisy steps (the task menu has two more). Press Train: on remember, the update gate learns to stay near 1 after step 0, so the state holds the symbol to the end.',
		notes:
			'It starts with the update gate’s bias at 3 (z ≈ 0.95), a head start to keep things, as the LSTM’s forget bias. Type 2 in the update-gate bias field (a new model) and train: at length 50 it sits near chance (26 % after 400 steps), where 3 reaches 99 % in 200 (BENCHMARKS.md). Let it train for a few hundred steps and point at the update map going bright after column 0. Ask what the reset map should look like when the candidate has nothing useful to add.',
		view: 'gates',
		active: 'update'
	},
	{
		title: 'RNN, LSTM and GRU side by side',
		narration:
			'The same task, length, seed and learning rate for all three. The plain RNN has the fewest parameters and stays at chance at length 50 for the whole run of 500 steps; the LSTM and the GRU pass 90 % within about 250 and 450 steps, the GRU with a quarter fewer weights than the LSTM.',
		notes:
			'Start all three and ask for bets first. Parameter counts: the RNN has one block of weights, the GRU three, the LSTM four. Lower the length to 10 and reset: now the plain RNN learns too. The misconception is that the LSTM wins because it is bigger; a plain RNN with as many weights is still stuck for far longer, because the gradient that reaches step 0 is tiny (tiny, not zero: give it 1 000 steps and one or two seeds in ten break out).',
		view: 'compare',
		active: null
	}
];
