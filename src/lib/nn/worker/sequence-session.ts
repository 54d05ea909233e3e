/**
 * The training worker's session for a recurrent model on a sequence task (an `init` with
 * `sequence`): the same commands and events as TrainingSession, over a SequenceRun. It trains in
 * slices between messages, so pause and step answer at once, reports progress with an ETA and
 * the inspected sequence's trace about four times a second, and scores the held-out sequences
 * every few steps. A refused command answers with an error and changes nothing.
 */
import { checkKind } from '../recurrent/models';
import type { TaskName } from '../tasks';
import { checkHyper } from './hyper';
import type { Command, Hyper, InitCommand, WorkerEvent } from './protocol';
import { SequenceRun } from './sequence-run';

const SLICE_MS = 40;
const REPORT_MS = 250;
/** Held-out sequences are scored every this many steps while training. */
const SCORE_EVERY = 25;

export class SequenceSession {
	private run: SequenceRun | null = null;
	private init: InitCommand | null = null;
	private running = false;
	private inspect = 0;
	private elapsedMs = 0;
	private lastReport = 0;

	constructor(
		private readonly post: (e: WorkerEvent) => void,
		private readonly schedule: (f: () => void) => unknown = (f) => setTimeout(f, 0),
		private readonly now: () => number = () => performance.now()
	) {}

	async handle(cmd: Command): Promise<void> {
		try {
			this.dispatch(cmd);
		} catch (e) {
			const message = (e as Error).message;
			this.post({
				type: 'error',
				message: cmd.type === 'load' ? `That model file was not loaded: ${message}` : message
			});
		}
	}

	private dispatch(cmd: Command): void {
		if (cmd.type === 'init') {
			this.build({ ...cmd }, cmd.weights);
			return;
		}
		const run = this.run;
		if (!run) throw new Error('Choose a model and a task first');
		switch (cmd.type) {
			case 'start':
				if (!this.running && !run.done) {
					this.running = true;
					this.loop();
				}
				return;
			case 'pause':
				this.running = false;
				this.report();
				return;
			case 'step':
				if (this.running) return;
				if (this.train(1)) run.scoreHeldOut();
				this.report();
				return;
			case 'reset':
				if (cmd.seed !== undefined) this.init!.seed = cmd.seed;
				this.build(this.init!);
				return;
			case 'inspect':
				run.trace(cmd.index);
				this.inspect = cmd.index;
				this.report();
				return;
			case 'load':
				run.load(typeof cmd.json === 'string' ? JSON.parse(cmd.json) : cmd.json);
				run.scoreHeldOut();
				this.post({ type: 'loaded', name: String((cmd.json as { name?: unknown })?.name ?? 'model') });
				this.report();
				return;
			case 'save':
				this.post({ type: 'saved', json: run.modelFile() });
				return;
			case 'hyper':
				this.setHyper(run, cmd.hyper);
				return;
			default:
				throw new Error(`A recurrent model cannot answer '${cmd.type}'.`);
		}
	}

	/**
	 * The batch size and learning rate apply from the next step, the model and its progress stay;
	 * a reset keeps them. The other hyperparameters have no meaning here and are refused.
	 */
	private setHyper(run: SequenceRun, patch: Partial<Hyper>): void {
		const other = Object.keys(patch).filter((k) => k !== 'batchSize' && k !== 'learningRate');
		if (other.length) throw new Error(`A recurrent model cannot change ${other.join(', ')} while it trains.`);
		checkHyper(patch);
		if (patch.batchSize !== undefined) run.trainer.batchSize = patch.batchSize;
		if (patch.learningRate !== undefined) run.trainer.optimizer.opts.learningRate = patch.learningRate;
		this.init!.hyper = { ...this.init!.hyper, ...patch };
		this.report();
	}

	/** A fresh model for the settings (the weights of `weights` where given); the old one stays on error. */
	private build(init: InitCommand, weights?: unknown): void {
		const o = init.sequence;
		if (!o)
			throw new TypeError('A sequence session needs the sequence settings (length, hidden size, epochs).');
		const next = new SequenceRun({
			model: checkKind(init.model),
			task: init.task as TaskName,
			seed: init.seed,
			taskOptions: { length: o.length },
			settings: {
				hiddenSize: o.hiddenSize,
				learningRate: init.hyper.learningRate,
				batchSize: init.hyper.batchSize,
				epochs: o.epochs,
				...(o.keepBias === undefined ? {} : { keepBias: o.keepBias })
			}
		});
		if (weights !== undefined) next.load(weights);
		this.running = false;
		this.run = next;
		this.init = { ...init, weights: undefined };
		this.inspect = init.inspect ?? 0;
		this.elapsedMs = 0;
		next.scoreHeldOut();
		this.post({
			type: 'ready',
			parameters: next.model.parameterCount(),
			trainSize: next.train.shape[0],
			testSize: next.test.shape[0],
			stepsPerEpoch: next.trainer.stepsPerEpoch,
			classes: next.task.kind === 'classification' ? next.task.outputSize : 0
		});
		this.report();
	}

	/** Up to `count` steps within a time slice; false when a step was refused (NaN loss). */
	private train(count: number): boolean {
		const run = this.run!;
		const t0 = this.now();
		for (let i = 0; i < count && !run.done; i++) {
			const refused = run.advance();
			if (refused) {
				this.running = false;
				this.post({ type: 'stopped', message: refused });
				return false;
			}
			if (run.step % SCORE_EVERY === 0 || run.done) run.scoreHeldOut();
			if (this.now() - t0 > SLICE_MS) break;
		}
		this.elapsedMs += this.now() - t0;
		return true;
	}

	private loop(): void {
		const run = this.run;
		if (!this.running || !run) return;
		const ok = this.train(Infinity);
		if (!ok || run.done) {
			this.running = false;
			run.scoreHeldOut();
			this.report();
			return;
		}
		if (this.now() - this.lastReport > REPORT_MS) this.report();
		this.schedule(() => this.loop());
	}

	private report(): void {
		const run = this.run!;
		const p = run.progress();
		const t = run.trainer;
		const perStep = p.step ? this.elapsedMs / p.step : null;
		this.post({
			type: 'progress',
			running: this.running,
			epoch: p.epoch,
			stepInEpoch: Math.round(t.epochProgress * t.stepsPerEpoch),
			stepsPerEpoch: t.stepsPerEpoch,
			seen: t.seen,
			examplesPerSecond: this.elapsedMs ? (t.seen * 1000) / this.elapsedMs : 0,
			trainLoss: p.loss,
			trainAccuracy: p.accuracy ?? undefined,
			step: p.step,
			totalSteps: p.totalSteps,
			etaMs: perStep === null ? null : perStep * (p.totalSteps - p.step),
			heldOut: p.heldOut
		});
		const index = Math.min(this.inspect, run.test.shape[0] - 1);
		this.post({ type: 'trace', trace: run.trace(index) });
		this.lastReport = this.now();
	}

	dispose(): void {
		this.running = false;
	}
}
