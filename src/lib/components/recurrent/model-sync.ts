/**
 * Keeps a training worker's model in step with a page's settings: a change of what the model is
 * built from (task, sizes, keep-gate bias, seed, epochs, starting weights) asks for a fresh model;
 * a change of the batch size or learning rate only is sent as `hyper`, from the next step on
 * (the inspected sequence is not part of the model).
 */
import type { TrainerClient } from '$lib/components/trainer-client.svelte';
import type { InitCommand } from '$lib/nn/worker/protocol';

export type SyncResult = 'init' | 'hyper' | null;

export class ModelSync {
	private key = '';
	private live = '';

	constructor(private readonly client: TrainerClient) {}

	/** Sends what changed since the last call: a fresh model, the live hyperparameters, or nothing. */
	send(init: InitCommand): SyncResult {
		const { batchSize, learningRate } = init.hyper;
		const key = JSON.stringify({
			...init,
			hyper: { ...init.hyper, batchSize: 0, learningRate: 0 },
			weights: init.weights !== undefined,
			inspect: undefined
		});
		const live = JSON.stringify({ batchSize, learningRate });
		if (key !== this.key) {
			this.key = key;
			this.live = live;
			this.client.send(init);
			return 'init';
		}
		if (live === this.live) return null;
		this.live = live;
		this.client.remember({ hyper: init.hyper });
		this.client.send({ type: 'hyper', hyper: { batchSize, learningRate } });
		return 'hyper';
	}

	/** The next `send` builds a fresh model whatever it holds (after a reset). */
	forget(): void {
		this.key = '';
	}
}
