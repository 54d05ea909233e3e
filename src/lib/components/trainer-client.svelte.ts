/**
 * The page's side of the training worker (src/lib/nn/worker): starts it, sends commands, keeps
 * what it reports as reactive state, and notices a crash (the worker's `error` event), after which
 * `restart()` builds a fresh worker with the same settings without reloading the page.
 * Any trainer page (CNN, recurrent) can use it with its own model and task names.
 */
import type {
	Command,
	InitCommand,
	MetricPoint,
	ProgressEvent,
	ViewEvent,
	WorkerEvent
} from '$lib/nn/worker/protocol';
import type { ModelJSON } from '$lib/nn/serialize';
import type { SequenceTrace } from '$lib/nn/worker/sequence-run';
import { holdBackgroundWork } from '$lib/kernels/background';

export type TrainerStatus = 'starting' | 'ready' | 'running' | 'paused' | 'stopped' | 'crashed';

type ProbeEvent = Extract<WorkerEvent, { type: 'probe' }>;

export class TrainerClient {
	status = $state<TrainerStatus>('starting');
	/** The latest message for the user (refused input, NaN stop, crash); empty when none. */
	message = $state('');
	progress = $state.raw<ProgressEvent | null>(null);
	history = $state.raw<MetricPoint[]>([]);
	view = $state.raw<ViewEvent | null>(null);
	/** The inspected sequence's gates and states per time step (recurrent models). */
	trace = $state.raw<SequenceTrace | null>(null);
	confusion = $state.raw<{ matrix: Int32Array; classes: number } | null>(null);
	info = $state.raw<Extract<WorkerEvent, { type: 'ready' }> | null>(null);
	/** Name of the model last loaded from a file, if any. */
	loaded = $state('');

	private worker: Worker | null = null;
	private init: InitCommand | null;
	private probes = new Map<string, (p: ProbeEvent) => void>();
	private saves: ((json: ModelJSON) => void)[] = [];
	private probeCount = 0;
	/**
	 * The kernel set's background measuring waits while a trainer page is open: the worker needs
	 * both cores, a measuring step stalled the live plots for up to 300 ms, and these pages draw
	 * nothing with the page's kernel set.
	 */
	private readonly releaseBackgroundWork = holdBackgroundWork();

	/** Without `init` the worker starts at the first `init` sent (a page that trains only on some steps). */
	constructor(
		init: InitCommand | null,
		private readonly makeWorker: () => Worker
	) {
		this.init = init;
		if (init) this.spawn();
	}

	private spawn(): void {
		if (!this.init) return;
		this.worker?.terminate();
		this.status = 'starting';
		this.history = [];
		const w = this.makeWorker();
		w.onmessage = (e: MessageEvent<WorkerEvent>) => this.receive(e.data);
		w.onerror = (e) => {
			e.preventDefault();
			this.status = 'crashed';
			this.message = `The training worker crashed (${e.message || 'no details'}). Restart it to continue.`;
		};
		this.worker = w;
		this.send(this.init);
	}

	private receive(e: WorkerEvent): void {
		switch (e.type) {
			case 'ready':
				this.info = e;
				this.history = [];
				this.status = 'ready';
				this.message = '';
				break;
			case 'progress':
				this.progress = e;
				if (this.status !== 'stopped') this.status = e.running ? 'running' : e.seen > 0 ? 'paused' : 'ready';
				break;
			case 'metrics':
				this.history = [...this.history, e.point];
				break;
			case 'view':
				this.view = e;
				break;
			case 'trace':
				this.trace = e.trace;
				break;
			case 'confusion':
				this.confusion = { matrix: e.matrix, classes: e.classes };
				break;
			case 'stopped':
				this.status = 'stopped';
				this.message = e.message;
				break;
			case 'error':
				this.message = e.message;
				break;
			case 'loaded':
				this.loaded = e.name;
				this.message = '';
				this.history = [];
				break;
			case 'saved':
				this.saves.shift()?.(e.json);
				break;
			case 'probe':
				this.probes.get(e.id)?.(e);
				this.probes.delete(e.id);
				break;
		}
	}

	get running(): boolean {
		return this.status === 'running';
	}

	send(cmd: Command): void {
		if (this.status === 'crashed' && cmd.type !== 'init') return;
		if (cmd.type === 'init') {
			this.init = cmd;
			if (!this.worker) return this.spawn();
		}
		if (cmd.type === 'start' && this.status === 'stopped') this.status = 'paused';
		this.worker?.postMessage(cmd);
	}

	/** Hyperparameters and settings that a restart keeps. */
	remember(patch: Partial<InitCommand>): void {
		if (!this.init) return;
		this.init = { ...this.init, ...patch, hyper: { ...this.init.hyper, ...patch.hyper } };
	}

	probe(image: Float32Array): Promise<ProbeEvent> {
		const id = `p${++this.probeCount}`;
		return new Promise((resolve) => {
			this.probes.set(id, resolve);
			this.send({ type: 'probe', id, image });
		});
	}

	save(): Promise<ModelJSON> {
		return new Promise((resolve) => {
			this.saves.push(resolve);
			this.send({ type: 'save' });
		});
	}

	clearMessage(): void {
		this.message = '';
	}

	restart(): void {
		this.message = '';
		this.spawn();
	}

	dispose(): void {
		this.worker?.terminate();
		this.worker = null;
		this.releaseBackgroundWork();
	}
}
