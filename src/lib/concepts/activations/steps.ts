import type { Step } from '../types';
import type { ActivationName } from './functions';

export interface ActivationStep extends Step {
	/** Which functions the step draws: one in focus, or all four for comparison. */
	readonly show: ActivationName | 'all';
}

export const steps: readonly ActivationStep[] = [
	{
		title: 'Why a non-linearity?',
		narration:
			'Stacked linear layers collapse into one linear map, so every neuron bends its input with a non-linearity f. Learning follows the slope f′(x): drag x and watch it.',
		notes:
			'Point at the dot on f(x) and the matching dot on f′(x) below it. Ask first: what would two linear layers with nothing in between be able to do that one cannot? (Nothing: they multiply into one matrix.) Then drag x far left and far right and let the class call out which curves go flat. Misconception: the non-linearity is there to squash outputs into a range; its real job is to stop the layers merging.',
		show: 'all'
	},
	{
		title: 'Sigmoid',
		narration:
			'Output always positive, between 0 and 1. Far from 0 the curve goes flat: the gradient vanishes and the model gets stuck.',
		notes:
			'Drag x to ±5 and point at f′(x) lying on the axis. Ask: if the gradient here is 0.007, how far does a weight move in one update? Point out that f′ is never above 0.25, so every sigmoid layer shrinks the gradient by at least four. Misconception: ‘sigmoid outputs are probabilities, so it is the right choice inside a network’; inside, its always-positive, saturating outputs slow learning.',
		show: 'sigmoid'
	},
	{
		title: 'Tanh',
		narration:
			'Output can be + or −, centred on 0, with a steeper slope at 0 than sigmoid. It still saturates: far from 0 the gradient is almost nothing.',
		notes:
			"Put the tanh curve beside the memory of sigmoid: same S shape, but centred on 0 and four times as steep there (f′(0) = 1 against sigmoid's 0.25). Ask before dragging: does being zero-centred fix the flat ends? Drag x out and show it does not. Misconception: tanh ‘solves’ vanishing gradients; it only makes them less bad near 0.",
		show: 'tanh'
	},
	{
		title: 'ReLU',
		narration:
			'High gradient (exactly 1) for positive inputs and fast to compute. For negative inputs the gradient is 0: that neuron does not move.',
		notes:
			'Point at the shaded left half: gradient exactly 0, so a neuron whose input is always negative never learns again (a ‘dead’ ReLU). Ask: what is the gradient at x = 2? At x = 200? (Both 1: no saturation on the right.) Mention it is also the cheapest to compute: a comparison. Misconception: ReLU is not differentiable at 0, so it cannot be trained; in practice any sub-gradient (0 or 1) works.',
		show: 'relu'
	},
	{
		title: 'Leaky ReLU',
		narration:
			'The negative side gets a small slope α, so some gradient always flows. In real tasks it is often not much better than ReLU. Try α.',
		notes:
			'Move the α slider from 0 up to 0.3 and point at the left-hand slope of f′ lifting off zero. Ask: does a small slope on the negative side bring a dead neuron back? (Yes, gradient α keeps flowing.) Be honest with the slide: on real tasks it is often no better than plain ReLU. Misconception: a bigger α is always better; at α = 1 it is linear again and the layers merge.',
		show: 'leaky'
	}
];
