/**
 * The page's side of the recurrent training worker: the latest progress and trace as state, and
 * the commands. A problem (bad settings, broken file, NaN loss) lands in `message`; the worker
 * keeps its last good model, so nothing the class has trained is lost.
 */
import type { RecurrentJob } from '$lib/nn/recurrent/experiment';
import type { ProgressReport, TrainerReply, TrainerRequest } from '$lib/nn/recurrent/protocol';
import type { SequenceTrace } from '$lib/nn/recurrent/session';
import type { ModelJSON } from '$lib/nn/serialize';

export class TrainingClient {
	progress = $state.raw<ProgressReport | null>(null);
	trace = $state.raw<SequenceTrace | null>(null);
	/** What went wrong last, in words for the class; null when all is well. */
	message = $state<string | null>(null);
	private worker: Worker | null = null;
	private saving: ((file: ModelJSON) => void) | null = null;
	private job: RecurrentJob | null = null;
	private configured = '';

	get running(): boolean {
		return this.progress?.running ?? false;
	}

	private send(msg: TrainerRequest): void {
		if (!this.worker) {
			this.worker = new Worker(new URL('../../nn/recurrent/worker.ts', import.meta.url), { type: 'module' });
			this.worker.onmessage = (e: MessageEvent<TrainerReply>) => this.receive(e.data);
			this.worker.onerror = (e) => (this.message = `The training worker failed: ${e.message}`);
		}
		this.worker.postMessage(msg);
	}

	private receive(reply: TrainerReply): void {
		if (reply.type === 'progress') {
			this.progress = reply.progress;
			this.trace = reply.trace;
		} else if (reply.type === 'model') {
			this.saving?.(reply.file);
			this.saving = null;
		} else if (reply.type === 'stopped') this.message = reply.message;
		else
			this.message =
				reply.request === 'load' ? `That model file was not loaded: ${reply.message}` : reply.message;
	}

	/** (Re)builds the model when the settings changed (a fresh, untrained model); `model` preloads weights. */
	configure(job: RecurrentJob, traceIndex = 0, model?: unknown): void {
		const key = JSON.stringify(job) + (model === undefined ? '' : ' with a model file');
		if (key === this.configured) return;
		this.configured = key;
		this.job = job;
		this.message = null;
		this.send({ type: 'configure', job, traceIndex, model });
	}

	reset(): void {
		if (!this.job) return;
		this.message = null;
		this.send({ type: 'configure', job: this.job, traceIndex: this.trace?.index ?? 0 });
	}

	start(): void {
		this.message = null;
		this.send({ type: 'start' });
	}

	pause(): void {
		this.send({ type: 'pause' });
	}

	step(): void {
		this.message = null;
		this.send({ type: 'step', count: 1 });
	}

	showSequence(index: number): void {
		this.send({ type: 'trace', index });
	}

	/** Loads a model file's text; a broken or foreign file leaves the current model as it is. */
	load(text: string): void {
		let parsed: unknown;
		try {
			parsed = JSON.parse(text);
		} catch {
			this.message = 'That file is not a model file (it is not valid JSON); nothing was changed.';
			return;
		}
		this.message = null;
		this.send({ type: 'load', model: parsed });
	}

	save(): Promise<ModelJSON> {
		return new Promise((resolve) => {
			this.saving = resolve;
			this.send({ type: 'save' });
		});
	}

	dispose(): void {
		this.worker?.terminate();
		this.worker = null;
	}
}
