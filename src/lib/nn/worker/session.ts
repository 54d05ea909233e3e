/**
 * What the training worker does, without the Worker: a session owns the model, the trainer and the
 * data, runs steps in time slices, and reports through `post`. trainer-worker.ts wires it to
 * `self`; unit tests drive it directly.
 */
import { createRng } from '$lib/signal/random';
import '../index';
import { Optimizer } from '../optim';
import { Sequential } from '../sequential';
import { loadWeights, modelFromJSON, modelToJSON } from '../serialize';
import { Dropout } from '../layers/regularize';
import { Trainer, evaluate } from '../train';
import { getModel, getTask, type ReadFile, type TaskData } from '../zoo';
import type { Command, Hyper, InitCommand, WorkerEvent } from './protocol';
import { checkHyper, checkModelFits } from './hyper';
import { evaluateClasses, inspectImage, testSubset } from './views';

/** Milliseconds of training between two progress messages (keeps the worker responsive to pause). */
const SLICE_MS = 60;
/** Milliseconds between test evaluations and view updates while running. */
const METRICS_MS = 1500;

export class TrainingSession {
	private init: InitCommand | null = null;
	private task: TaskData | null = null;
	private model: Sequential | null = null;
	private trainer: Trainer | null = null;
	private running = false;
	private inspect = 0;
	private lossSum = 0;
	private accSum = 0;
	private steps = 0;
	private lastMetrics = 0;
	private rate = { t: 0, seen: 0, value: 0 };
	private timer: unknown = null;
	private loadedLimit: number | undefined = undefined;
	private measuredEpoch = 0;

	constructor(
		private readonly post: (e: WorkerEvent) => void,
		private readonly read: (init: InitCommand) => ReadFile,
		private readonly schedule: (f: () => void) => unknown = (f) => setTimeout(f, 0),
		private readonly now: () => number = () => performance.now()
	) {}

	async handle(cmd: Command): Promise<void> {
		try {
			await this.dispatch(cmd);
		} catch (e) {
			if (cmd.type === 'crash') throw e;
			this.post({ type: 'error', message: (e as Error).message });
		}
	}

	private async dispatch(cmd: Command): Promise<void> {
		if (cmd.type === 'crash') throw new Error('The training worker was asked to crash.');
		if (cmd.type === 'init') {
			checkHyper(cmd.hyper);
			this.init = { ...cmd, hyper: { ...cmd.hyper } };
			this.inspect = cmd.inspect ?? 0;
			return this.build();
		}
		if (!this.init || !this.trainer || !this.model || !this.task)
			throw new Error('The trainer is not set up yet.');
		switch (cmd.type) {
			case 'start':
				if (!this.running) {
					this.running = true;
					this.rate = { t: this.now(), seen: this.trainer.seen, value: this.rate.value };
					this.loop();
				}
				return;
			case 'pause':
				this.running = false;
				this.report();
				return;
			case 'step':
				this.running = false;
				this.runSteps(1);
				this.report();
				this.measure();
				return;
			case 'reset':
				if (cmd.seed !== undefined) this.init.seed = cmd.seed;
				if (cmd.trainLimit !== undefined) this.init.trainLimit = cmd.trainLimit ?? undefined;
				this.running = false;
				return this.build();
			case 'hyper':
				return this.setHyper(cmd.hyper);
			case 'inspect':
				if (!Number.isInteger(cmd.index) || cmd.index < 0 || cmd.index >= this.task.test.size)
					throw new RangeError(`test digit must be 0..${this.task.test.size - 1}, got ${cmd.index}`);
				this.inspect = cmd.index;
				this.postView();
				return;
			case 'probe': {
				const v = inspectImage(this.model, cmd.image, this.init.hyper, this.task.inputShape);
				this.post({ type: 'probe', id: cmd.id, ...v });
				return;
			}
			case 'load':
				return this.load(cmd.json);
			case 'save':
				this.post({
					type: 'saved',
					json: modelToJSON(this.model, `${this.init.model}-${this.init.task}`, {
						task: this.init.task,
						seen: this.trainer.seen
					})
				});
				return;
		}
	}

	private async build(): Promise<void> {
		const init = this.init!;
		const spec = getModel(init.model);
		if (!this.task || this.loadedLimit !== init.trainLimit) {
			this.task = await getTask(init.task).load(this.read(init), { trainLimit: init.trainLimit });
			this.loadedLimit = init.trainLimit;
		}
		const model = spec.build(this.task, createRng(init.seed), {
			dropout: init.hyper.dropout,
			batchNorm: init.hyper.batchNorm
		});
		if (!(model instanceof Sequential)) throw new Error(`model ${init.model} is not a Sequential model`);
		this.install(model);
		this.post({
			type: 'ready',
			parameters: model.parameterCount(),
			trainSize: this.task.train.size,
			testSize: this.task.test.size,
			stepsPerEpoch: this.trainer!.stepsPerEpoch,
			classes: this.task.classes ?? 0
		});
		this.measure(true);
	}

	private install(model: Sequential): void {
		const h = this.init!.hyper;
		this.model = model;
		this.trainer = new Trainer({
			model,
			loss: this.task!.makeLoss(),
			optimizer: new Optimizer({
				kind: h.optimizer,
				learningRate: h.learningRate,
				weightDecay: h.weightDecay
			}),
			data: this.task!.train,
			batchSize: h.batchSize,
			seed: this.init!.seed
		});
		this.lossSum = this.accSum = this.steps = 0;
	}

	private setHyper(next: Partial<Hyper>): Promise<void> | void {
		checkHyper(next);
		const h = this.init!.hyper;
		const rebuild = next.batchNorm !== undefined && next.batchNorm !== h.batchNorm;
		const dropoutLayerChange = next.dropout !== undefined && (next.dropout === 0) !== (h.dropout === 0);
		Object.assign(h, next);
		if (rebuild || dropoutLayerChange) {
			// a new layer appears or disappears: the model is built again from the same seed
			const wasRunning = this.running;
			this.running = false;
			return this.build().then(() => {
				this.post({ type: 'error', message: 'The model changed shape, so training started over.' });
				if (wasRunning) void this.dispatch({ type: 'start' });
			});
		}
		const t = this.trainer!;
		t.batchSize = h.batchSize;
		const same = t.optimizer.opts.kind === h.optimizer;
		if (same) {
			t.optimizer.opts.learningRate = h.learningRate;
			t.optimizer.opts.weightDecay = h.weightDecay;
		} else
			t.optimizer = new Optimizer({
				kind: h.optimizer,
				learningRate: h.learningRate,
				weightDecay: h.weightDecay
			});
		for (const l of this.model!.layers) if (l instanceof Dropout) l.rate = h.dropout;
		this.report();
	}

	private load(json: unknown): void {
		const { model, json: file } = modelFromJSON(json);
		checkModelFits(model, this.task!);
		const current = this.model!;
		const sameLayers =
			current.layers.length === model.layers.length &&
			current.layers.every((l, i) => l.kind === model.layers[i].kind);
		if (sameLayers) {
			loadWeights(current, file);
			this.trainer!.markGood();
		} else this.install(model);
		this.post({ type: 'loaded', name: file.name, meta: file.meta });
		this.measure(true);
	}

	private runSteps(limit: number, deadline = Infinity): void {
		const t = this.trainer!;
		for (let i = 0; i < limit && this.now() < deadline; i++) {
			const r = t.step();
			if (!r.ok) {
				this.running = false;
				this.post({ type: 'stopped', message: r.message ?? 'Training stopped.' });
				return;
			}
			this.lossSum += r.loss;
			this.accSum += r.accuracy ?? 0;
			this.steps++;
		}
	}

	private loop(): void {
		if (!this.running) return;
		this.runSteps(Infinity, this.now() + SLICE_MS);
		this.report();
		const epochEnded = this.trainer!.epoch !== this.measuredEpoch;
		if (epochEnded || this.now() - this.lastMetrics > METRICS_MS) this.measure(epochEnded);
		if (this.running) this.timer = this.schedule(() => this.loop());
	}

	private report(): void {
		const t = this.trainer!;
		const now = this.now();
		if (now - this.rate.t > 500) {
			this.rate = { t: now, seen: t.seen, value: ((t.seen - this.rate.seen) * 1000) / (now - this.rate.t) };
		}
		const n = Math.max(1, this.steps);
		this.post({
			type: 'progress',
			running: this.running,
			epoch: t.epoch,
			stepInEpoch: Math.round(t.epochProgress * t.stepsPerEpoch),
			stepsPerEpoch: t.stepsPerEpoch,
			seen: t.seen,
			examplesPerSecond: this.rate.value,
			trainLoss: this.steps ? this.lossSum / n : NaN,
			trainAccuracy: this.steps ? this.accSum / n : undefined
		});
	}

	/** Test metrics (a fixed subset while running), the view of the inspected digit, the confusion matrix. */
	private measure(full = false): void {
		const t = this.trainer!;
		const task = this.task!;
		const test = full ? task.test : testSubset(task.test, 500);
		const m = task.classes
			? evaluateClasses(this.model!, t.loss, test, task.classes)
			: { ...evaluate(this.model!, t.loss, test, 250), matrix: null };
		this.post({
			type: 'metrics',
			point: {
				seen: t.seen,
				epoch: t.epoch,
				trainLoss: this.steps ? this.lossSum / this.steps : m.loss,
				trainAccuracy: this.steps ? this.accSum / this.steps : m.accuracy,
				testLoss: m.loss,
				testAccuracy: m.accuracy,
				testSize: test.size
			}
		});
		this.lossSum = this.accSum = this.steps = 0;
		this.lastMetrics = this.now();
		this.measuredEpoch = t.epoch;
		this.postView();
		if (m.matrix && task.classes) this.post({ type: 'confusion', matrix: m.matrix, classes: task.classes });
	}

	private postView(): void {
		const b = this.task!.test.batch([this.inspect]);
		const target = b.target as Int32Array;
		const v = inspectImage(this.model!, b.input.data, this.init!.hyper, this.task!.inputShape);
		const first = this.model!.layers[0].params()[0];
		this.post({
			type: 'view',
			filters: Float32Array.from(first?.value ?? []),
			filterShape: [...(first?.shape ?? [])],
			image: Float32Array.from(b.input.data),
			imageShape: [...this.task!.inputShape],
			maps: v.maps,
			mapShape: v.mapShape,
			probs: v.probs,
			label: target[0]
		});
	}

	dispose(): void {
		this.running = false;
		void this.timer;
	}
}
