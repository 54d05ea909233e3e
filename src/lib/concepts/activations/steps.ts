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
		show: 'all'
	},
	{
		title: 'Sigmoid',
		narration:
			'Output always positive, between 0 and 1. Far from 0 the curve goes flat: the gradient vanishes and the model gets stuck.',
		show: 'sigmoid'
	},
	{
		title: 'Tanh',
		narration:
			'Output can be + or −, centred on 0, with a steeper slope at 0 than sigmoid. It still saturates: far from 0 the gradient is almost nothing.',
		show: 'tanh'
	},
	{
		title: 'ReLU',
		narration:
			'High gradient (exactly 1) for positive inputs and fast to compute. For negative inputs the gradient is 0: that neuron does not move.',
		show: 'relu'
	},
	{
		title: 'Leaky ReLU',
		narration:
			'The negative side gets a small slope α, so some gradient always flows. In real tasks it is often not much better than ReLU. Try α.',
		show: 'leaky'
	}
];
