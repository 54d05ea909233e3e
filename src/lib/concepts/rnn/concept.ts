import type { Concept } from '../types';
import { steps } from './steps';

export const concept: Concept = {
	slug: 'rnn',
	title: 'Recurrent networks',
	description: 'The same weights at every time step, and why gradients vanish.',
	slides: 'CNN, RNN, LSTM, GRU ← this class',
	shows:
		'The unrolled recurrent net with shared weights and the hidden state carried forward; gradients shrinking over long sequences.',
	steps,
	load: () => import('./Explainer.svelte')
};
