import type { Concept } from '../types';

export const concept: Concept = {
	slug: 'gru',
	title: 'GRU',
	description: 'Update and reset gates, side by side with the RNN and the LSTM.',
	slides: 'CNN, RNN, LSTM, GRU ← this class',
	shows:
		'The GRU cell’s update and reset gates, trained side by side with an RNN and an LSTM on the same task.',
	steps: []
};
