import type { Concept } from '../types';
import { steps } from './steps';

export const concept: Concept = {
	slug: 'lstm',
	title: 'LSTM',
	description: 'Forget, input and output gates around a cell state that carries memory.',
	slides: 'CNN, RNN, LSTM, GRU ← this class',
	shows:
		'The LSTM cell with its forget, input and output gates and the cell state; train on a sequence task in the browser and watch every gate and the cell state per time step.',
	steps,
	load: () => import('./Explainer.svelte')
};
