import type { DeckEntry } from '$lib/deck/navigation';
import { steps as activationSteps } from './activations/steps';
import { steps as discreteConvolutionSteps } from './discrete-convolution/steps';
import { steps as matchedFilterSteps } from './matched-filter/steps';
import { steps as correlationSteps } from './correlation/steps';
import { steps as projectionSteps } from './projections/steps';
import { steps as continuousConvolutionSteps } from './continuous-convolution/steps';
import { steps as shiftSteps } from './shift/steps';
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
	{
		slug: 'activations',
		title: 'Non-linearities',
		description: 'Sigmoid, tanh, ReLU and leaky ReLU, and where their gradients vanish.',
		slides: 'Notes on non-linearity: sigmoid, tanh, ReLU, leaky ReLU',
		shows:
			'f(x) and f′(x) side by side; drag x and watch the gradient; where sigmoid and tanh saturate; ReLU’s zero-gradient side; a leaky-ReLU slope slider.',
		steps: activationSteps,
		load: () => import('./activations/Explainer.svelte')
	},
	{
		slug: 'projections',
		title: 'Projections and weights',
		description: 'A layer is a projection wᵀx; two linear layers collapse into one.',
		slides: 'Projections and NN weights: wᵀx, Wᵀx, Fisher/LDA projection VᵀWᵀx = (WV)ᵀx',
		shows:
			'A two-class point cloud; drag w₁ and w₂ and see every projection and the class histograms; the LDA direction computed; (WV)ᵀx collapsing unless a non-linearity sits between the layers.',
		steps: projectionSteps,
		load: () => import('./projections/Explainer.svelte')
	},
	{
		slug: 'shift',
		title: 'Shift in feature space',
		description: 'A template matches one position only; shifted copies become a convolution.',
		slides: 'Shift in feature space: a person off-frame needs another, shifted filter',
		shows:
			'A template used as a weight vector matches a centred pattern but not a shifted one; one shifted copy per position is convolution with W as the filter.',
		steps: shiftSteps,
		load: () => import('./shift/Explainer.svelte')
	},
	{
		slug: 'continuous-convolution',
		title: 'Continuous convolution',
		description: 'Flip, then shift: g(t − τ) slides over f(τ) and the overlap is the output.',
		slides: 'Continuous convolution, “flip then shift”, (t − τ)',
		shows:
			'f(τ) and g(τ), the flip g(−τ), the shift g(t − τ) with a draggable t, the shaded product and the output traced as t moves; box, triangle, exponential and Gaussian presets.',
		steps: continuousConvolutionSteps,
		load: () => import('./continuous-convolution/Explainer.svelte')
	},
	{
		slug: 'discrete-convolution',
		title: 'Discrete convolution',
		description: 'The same flip and shift with samples: a sum of products at every shift.',
		slides: 'Discrete convolution: same concept as the continuous version',
		shows:
			'Stems instead of curves; the sum of products written out at the current shift; editable kernel values.',
		steps: discreteConvolutionSteps,
		load: () => import('./discrete-convolution/Explainer.svelte')
	},
	{
		slug: 'matched-filter',
		title: 'Matched filters',
		description: 'Find a known pattern hidden in noise: the filter output peaks where it sits.',
		slides: 'Matched filters: detect a pattern in noise; red filter, blue signal, matched peak',
		shows:
			'A pattern hidden in seeded noise; an SNR slider; the filter output with its peak and a threshold; drag the filter by hand; regenerate the noise.',
		steps: matchedFilterSteps,
		load: () => import('./matched-filter/Explainer.svelte')
	},
	{
		slug: 'correlation',
		title: 'Convolution vs cross-correlation',
		description: 'Equal for an even kernel, mirrored otherwise; CNNs mean cross-correlation.',
		slides: 'Convolution and cross-correlation; “same if g is even”',
		shows:
			'The same signal and kernel under both operations side by side; a symmetric kernel gives equal outputs, an asymmetric one mirrored.',
		steps: correlationSteps,
		load: () => import('./correlation/Explainer.svelte')
	},
	{
		slug: 'convolution-2d',
		title: '2-D convolution',
		description: 'A 3×3 filter slides over an image: 4·1 + 5·2 + 6·3 = 32.',
		slides: '2-D convolution; “we no longer flip”; convolutional filters',
		shows:
			'An image and a 3×3 filter dragged over it; the patch, filter and products written out; several filters on a 100×100 input giving 98×98 outputs; preset and editable filters; your own image.',
		steps: []
	},
	{
		slug: 'cnn',
		title: 'Convolutional networks',
		description: 'The same object at two places gives peaks at two places; pooling finds it anywhere.',
		slides: 'CNNs: peaks at different locations; pooling: “yes, I found a cat somewhere”',
		shows:
			'The same object at two positions gives peaks at two places in the feature map, and the same answer after max pooling.',
		steps: []
	},
	{
		slug: 'pooling',
		title: 'Pooling',
		description: 'A 3×3 max window with no overlap: 98×98 becomes 32×32, or 33×33 in ceil mode.',
		slides: 'Pooling/subsampling: 98×98 → 33×33 with a 3×3 max filter with no overlap',
		shows:
			'The window sliding and the max picked; the output size rule with its rounding (floor 32, ceil 33); size and stride controls.',
		steps: []
	},
	{
		slug: 'pooling-backward',
		title: 'Max-pool backward',
		description: 'The gradient flows to the arg-max cell and is 0 everywhere else.',
		slides: 'Backward pass: gradient passes through the max location, 0 otherwise',
		shows:
			'An upstream gradient map routed to each window’s arg-max cell; overlapping windows accumulate; the tie rule stated.',
		steps: []
	},
	{
		slug: 'p-norm',
		title: 'p-norms and p-norm pooling',
		description: 'Unit balls for p = 1, 2, 4, ∞, and pooling that moves from sum to max.',
		slides: 'Norms (p-norm); p-norm pooling',
		shows:
			'The unit ball of ‖x‖ₚ for a p slider; p-norm pooling on a feature map from p = 1 (sum) through p = 2 to p → ∞ (max).',
		steps: []
	},
	{
		slug: 'conv-1x1',
		title: '1×1 convolutions',
		description: 'A 1×1×K filter sums channels per pixel; fewer filters reduce depth.',
		slides: '1×1 convolutions: 1×1×K filters, sum over channels, dimensionality reduction',
		shows:
			'A K-channel stack; one 1×1×K filter summing the channels at each pixel; F < K filters reducing depth; parameter and multiply counts.',
		steps: []
	},
	{
		slug: 'parameter-sharing',
		title: 'Parameter sharing',
		description: 'A dense layer needs a neuron per location; a convolution shares one filter.',
		slides: 'Parameter sharing: fully connected needs a neuron per location, a CNN shares one filter',
		shows:
			'The same detector as a dense layer and as a convolution, with live parameter counts for the lecture’s sizes.',
		steps: []
	},
	{
		slug: 'architectures',
		title: 'CNN architectures',
		description: 'INPUT → [CONV → RELU → POOL]×N → [FC → RELU]×M → FC, with every shape.',
		slides: 'CNN overview; common schemes',
		shows:
			'Build a network from the common blocks and see every layer’s output shape and parameter count; invalid shapes explained.',
		steps: []
	},
	{
		slug: 'train-cnn',
		title: 'Train a CNN',
		description: 'A small CNN learns handwritten digits in the page.',
		slides: 'The embedded trainer',
		shows:
			'Training on real handwritten digits with live loss and accuracy; first-layer filters and feature maps as it learns; pause, step, resume; learning rate, batch, dropout, batchnorm and L2 controls.',
		steps: []
	},
	{
		slug: 'rnn',
		title: 'Recurrent networks',
		description: 'The same weights at every time step, and why gradients vanish.',
		slides: 'CNN, RNN, LSTM, GRU ← this class',
		shows:
			'The unrolled recurrent net with shared weights and the hidden state carried forward; gradients shrinking over long sequences.',
		steps: []
	},
	{
		slug: 'lstm',
		title: 'LSTM',
		description: 'Forget, input and output gates around a cell state.',
		slides: 'CNN, RNN, LSTM, GRU ← this class',
		shows:
			'The LSTM cell’s gates and cell state; training on a sequence task in the page with every gate visible per time step.',
		steps: []
	},
	{
		slug: 'gru',
		title: 'GRU',
		description: 'Update and reset gates, side by side with the RNN and the LSTM.',
		slides: 'CNN, RNN, LSTM, GRU ← this class',
		shows:
			'The GRU cell’s update and reset gates, trained side by side with an RNN and an LSTM on the same task.',
		steps: []
	}
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
