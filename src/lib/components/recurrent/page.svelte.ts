/**
 * The state of a recurrent page: its settings (in the URL), its training worker, and a model
 * trained beforehand with the CLI that it may start from, so the gates mean something at once.
 */
import { asset } from '$app/paths';
import type { ParamReader, ParamValue } from '$lib/deck/params';
import type { RecurrentKind } from '$lib/nn/recurrent/models';
import type { TaskName } from '$lib/nn/tasks/types';
import { TrainerClient } from '$lib/components/trainer-client.svelte';
import type { InitCommand } from '$lib/nn/worker/protocol';
import { ModelSync } from './model-sync';
import { RecurrentPageSettings } from './settings.svelte';

/** A training worker (src/lib/nn/worker) for a recurrent page; it starts at the first `init`. */
export const recurrentTrainer = () =>
	new TrainerClient(
		null,
		() => new Worker(new URL('../../nn/worker/trainer-worker.ts', import.meta.url), { type: 'module' })
	);

export interface Pretrained {
	/** A file in static/ made by `npm run train`. */
	readonly file: string;
	/** The settings it was trained with: it is offered only while the page's match them. */
	readonly task: TaskName;
	readonly length: number;
	readonly hidden: number;
	readonly keepBias: number;
}

export class RecurrentPage {
	readonly settings: RecurrentPageSettings;
	readonly client = recurrentTrainer();
	readonly tasks: readonly TaskName[];
	readonly pretrained: Pretrained | null;
	/** Start from the pretrained model (URL `pre`). */
	usePretrained = $state(false);
	private cache: unknown = null;
	private readonly model: ModelSync;

	constructor(
		model: RecurrentKind,
		params: ParamReader,
		tasks: readonly TaskName[],
		task: TaskName,
		pretrained: Pretrained | null = null
	) {
		this.settings = new RecurrentPageSettings(model, params, tasks, task);
		this.model = new ModelSync(this.client);
		this.tasks = tasks;
		this.pretrained = pretrained;
		this.usePretrained = pretrained !== null && params.boolean('pre', true);
	}

	/** The pretrained model fits the current settings. */
	get pretrainedFits(): boolean {
		const p = this.pretrained;
		const s = this.settings;
		return (
			p !== null &&
			s.task === p.task &&
			s.length === p.length &&
			s.hidden === p.hidden &&
			s.keepBias === p.keepBias
		);
	}

	/** Sends the settings to the worker (a fresh model when they changed), pretrained weights where asked. */
	async sync(): Promise<void> {
		if (this.usePretrained && this.pretrainedFits && this.pretrained) {
			try {
				this.cache ??= await (await fetch(asset(this.pretrained.file as `/${string}`))).json();
				this.configure(this.settings.init(this.settings.model, this.cache));
				return;
			} catch (e) {
				this.client.message = `The trained model could not be read (${(e as Error).message}); starting from random weights.`;
			}
		}
		this.configure(this.settings.init());
	}

	/** Builds a model in the worker when its settings changed, else passes on a new batch size or rate. */
	private configure(init: InitCommand): void {
		if (this.model.send({ ...init, inspect: this.settings.sequence }) === 'init') this.client.message = '';
	}

	startPretrained(): void {
		this.usePretrained = true;
		void this.sync();
	}

	reset(): void {
		this.usePretrained = false;
		this.model.forget();
		this.client.message = '';
		this.client.send({ type: 'reset' });
	}

	pick(index: number): void {
		this.settings.sequence = index;
		this.client.send({ type: 'inspect', index });
	}

	toParams(): Record<string, ParamValue> {
		return { ...this.settings.toParams(), ...(this.pretrained ? { pre: this.usePretrained ? 1 : 0 } : {}) };
	}

	dispose(): void {
		this.client.dispose();
	}
}
