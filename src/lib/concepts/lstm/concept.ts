import type { Concept } from '../types';

export const concept: Concept = {
	slug: 'lstm',
	title: 'LSTM',
	description: 'Forget, input and output gates around a cell state.',
	slides: 'CNN, RNN, LSTM, GRU ← this class',
	shows:
		'The LSTM cell’s gates and cell state; training on a sequence task in the page with every gate visible per time step.',
	steps: []
};
