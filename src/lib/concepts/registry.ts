import type { DeckEntry } from '$lib/deck/navigation';
import { concept as activations } from './activations/concept';
import { concept as projections } from './projections/concept';
import { concept as shift } from './shift/concept';
import { concept as continuousConvolution } from './continuous-convolution/concept';
import { concept as discreteConvolution } from './discrete-convolution/concept';
import { concept as matchedFilter } from './matched-filter/concept';
import { concept as correlation } from './correlation/concept';
import { concept as convolution2d } from './convolution-2d/concept';
import { concept as cnn } from './cnn/concept';
import { concept as pooling } from './pooling/concept';
import { concept as poolingBackward } from './pooling-backward/concept';
import { concept as pNorm } from './p-norm/concept';
import { concept as conv1x1 } from './conv-1x1/concept';
import { concept as parameterSharing } from './parameter-sharing/concept';
import { concept as architectures } from './architectures/concept';
import { concept as trainCnn } from './train-cnn/concept';
import { concept as rnn } from './rnn/concept';
import { concept as lstm } from './lstm/concept';
import { concept as gru } from './gru/concept';
import type { Concept } from './types';

/** The lecture's own agenda (the deck's first slide); this class covers the last item. */
export const AGENDA: readonly { readonly item: string; readonly current: boolean }[] = [
	'Neural networks',
	'Fully connected networks',
	'Neuron',
	'Non-linearity',
	'Softmax layer',
	'DNN training',
	'Loss function and regularization',
	'SGD and backprop',
	'Learning rate',
	'Overfitting – dropout, batchnorm',
	'CNN, RNN, LSTM, GRU'
].map((item, i, all) => ({ item, current: i === all.length - 1 }));

export const LECTURE_TITLE = 'Convolutional and Recurrent Neural Networks';

/** The ordered deck: one entry per lecture concept. */
export const CONCEPTS: readonly Concept[] = [
	activations,
	projections,
	shift,
	continuousConvolution,
	discreteConvolution,
	matchedFilter,
	correlation,
	convolution2d,
	cnn,
	pooling,
	poolingBackward,
	pNorm,
	conv1x1,
	parameterSharing,
	architectures,
	trainCnn,
	rnn,
	lstm,
	gru
];

export function isAvailable(concept: Concept): boolean {
	return concept.load !== undefined && concept.steps.length > 0;
}

/** Steps as the deck counts them: an unavailable concept is one page. */
export function stepCount(concept: Concept): number {
	return isAvailable(concept) ? concept.steps.length : 1;
}

export function findConcept(slug: string): Concept | undefined {
	return CONCEPTS.find((c) => c.slug === slug);
}

export const DECK: readonly DeckEntry[] = CONCEPTS.map((c) => ({ slug: c.slug, stepCount: stepCount(c) }));
