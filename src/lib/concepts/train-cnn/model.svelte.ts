import type { ParamReader, ParamValue } from '$lib/deck/params';
import type { Hyper } from '$lib/nn/worker/protocol';
import type { OptimizerKind } from '$lib/nn/optim';
import { parseField } from '$lib/components/number-field';
import { FIELDS } from './functions';

export const OPTIMIZERS: readonly OptimizerKind[] = ['sgd', 'momentum', 'adam'];
export const SMALL_SET = 300;
export const TEST_DIGITS = 2000;

/** The trainer page's settings (all in the URL) and the messages for refused input. */
export class TrainCnnModel {
	hyper = $state<Hyper>({
		optimizer: 'adam',
		learningRate: 0.006,
		batchSize: 32,
		weightDecay: 0,
		dropout: 0,
		batchNorm: false
	});
	seed = $state(1);
	/** The test digit whose feature maps are shown. */
	digit = $state(0);
	/** Pixels the pooling demo shifts the digit by. */
	shift = $state(1);
	/** Train on the first SMALL_SET digits only (overfitting demo). */
	small = $state(false);
	/** Why the last typed value was refused; empty when it was accepted. */
	refused = $state('');

	constructor(params: ParamReader) {
		const h = this.hyper;
		h.learningRate = params.number('lr', { min: 1e-5, max: 10, fallback: 0.006 });
		h.batchSize = params.number('batch', { min: 1, max: 1024, integer: true, fallback: 32 });
		h.optimizer = params.choice('opt', OPTIMIZERS, 'adam');
		h.dropout = params.number('dropout', { min: 0, max: 0.9, fallback: 0 });
		h.weightDecay = params.number('l2', { min: 0, max: 1, fallback: 0 });
		h.batchNorm = params.boolean('bn', false);
		this.seed = params.number('seed', { min: 0, max: 1e6, integer: true, fallback: 1 });
		this.digit = params.number('digit', { min: 0, max: TEST_DIGITS - 1, integer: true, fallback: 0 });
		this.shift = params.number('shift', { min: 0, max: 6, integer: true, fallback: 1 });
		this.small = params.boolean('small', false);
	}

	/** Applies a typed number; returns the accepted patch, or null (and sets `refused`). */
	apply(field: keyof typeof FIELDS, text: string): Partial<Hyper> | null {
		const r = parseField(text, FIELDS[field]);
		if (!r.ok) {
			this.refused = r.message;
			return null;
		}
		this.refused = '';
		this.hyper[field] = r.value;
		return { [field]: r.value };
	}

	toParams(): Record<string, ParamValue> {
		const h = this.hyper;
		return {
			lr: h.learningRate,
			batch: h.batchSize,
			opt: h.optimizer,
			dropout: h.dropout,
			l2: h.weightDecay,
			bn: h.batchNorm ? 1 : 0,
			seed: this.seed,
			digit: this.digit,
			shift: this.shift,
			small: this.small ? 1 : 0
		};
	}
}
