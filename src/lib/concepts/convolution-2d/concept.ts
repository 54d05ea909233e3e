import type { Concept } from '../types';
import { steps } from './steps';

export const concept: Concept = {
	slug: 'convolution-2d',
	title: '2-D convolution',
	description: 'A 3×3 filter slides over an image: 4·1 + 5·2 + 6·3 = 32.',
	slides: '2-D convolution; “we no longer flip”; convolutional filters',
	shows:
		'An image and a 3×3 filter dragged over it; the patch, filter and products written out; several filters on a 100×100 input giving 98×98 outputs; preset and editable filters; your own image.',
	steps,
	load: () => import('./Explainer.svelte')
};
