import type { Concept } from '../types';
import { steps } from './steps';

export const concept: Concept = {
	slug: 'gru',
	title: 'GRU',
	description: 'Update and reset gates; the GRU next to the plain RNN and the LSTM.',
	slides: 'CNN, RNN, LSTM, GRU ← this class',
	shows: 'The GRU cell: update and reset gates; side by side with RNN and LSTM on the same task.',
	steps,
	load: () => import('./Explainer.svelte')
};
