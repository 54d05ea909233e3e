/**
 * 'auto' without a start-up cost: a set starts on 'js' at once (no GPU.js, nothing measured), and
 * this background task measures js and then builds and measures each GPU.js mode that could win,
 * one small step per idle period. A mode joins the dispatcher only once it is measured, so a call
 * never waits for GPU.js and never runs on an unmeasured backend; the dispatcher then moves an
 * operation to it only where its measurement predicts it faster (dispatch.ts, `pick`).
 *
 * Why: building GPU.js kernels costs 70–100 ms for webasm alone and V8's warm-up of the js loops a
 * few ms per operation (BENCHMARKS.md); blocking `createKernelSet` on them cost 160 ms in Node and
 * ~550 ms in Chromium, while js wins every workload on a machine without a GPU.
 */
import type { Backend } from './types';
import { CHAIN, loadGpu, tryCreate, type EngineEntry } from './backends';
import { costModel, emptyModel, jsMeasureSteps, mergeObserved } from './calibrate';
import type { Dispatcher } from './dispatch';
import type { CostModel } from './calibrate';
import { idle, watchInput } from './background';

/** Modes that failed to start here: not tried again in this page load (process, in Node). */
const absent = new Set<Backend>();

/**
 * 'auto' does not consider two modes that can never win here, so it neither builds nor measures
 * them: GPU.js 'cpu' runs generated JavaScript on the same CPU as 'js' plus GPU.js's per-call cost
 * (slower than js on every benchmark workload, BENCHMARKS.md), and 'webgl' is the same GPU as
 * 'webgl2' through an older API, needed only where webgl2 is missing.
 */
function dominated(b: Backend, present: Backend[]): boolean {
	return b === 'js' || b === 'cpu' || (b === 'webgl' && present.includes('webgl2'));
}

export class AutoProber {
	/** Resolves when every candidate was measured (or the set was disposed). */
	readonly done: Promise<void>;
	private cancelled = false;
	private early: CostModel;

	constructor(
		private dispatcher: Dispatcher,
		js: EngineEntry
	) {
		// js's real calls are timed from the first one (they are the best measurement there is)
		this.early = emptyModel();
		dispatcher.setModel('js', this.early);
		watchInput();
		this.done = this.run(js);
	}

	cancel(): void {
		this.cancelled = true;
	}

	private async run(js: EngineEntry): Promise<void> {
		// js first: a GPU mode can only be compared with a measured js
		for (const step of jsMeasureSteps(js.sync!)) {
			await idle();
			if (this.cancelled) return;
			await step();
		}
		const model = await costModel('js', js.sync!);
		mergeObserved(model, this.early);
		this.dispatcher.setModel('js', model);
		let gpuLoaded = false;
		for (const b of CHAIN) {
			if (dominated(b, this.dispatcher.backends) || absent.has(b)) continue;
			if (!gpuLoaded) {
				// GPU.js's module alone evaluates for 30–70 ms (~300 ms on a loaded machine): its own step
				await idle();
				if (this.cancelled) return;
				gpuLoaded = await loadGpu().then(
					() => true,
					() => false
				);
			}
			await idle();
			if (this.cancelled) return;
			const entry = await tryCreate(b);
			if (!entry) {
				absent.add(b);
				continue;
			}
			await idle();
			try {
				if (this.cancelled) throw new Error('disposed');
				const model = await costModel(b, (entry.sync ?? entry.async)!, entry.overhead);
				if (this.cancelled || !this.dispatcher.add(entry, model)) throw new Error('disposed');
			} catch {
				entry.dispose(); // failed while measuring (it would fail for the caller too), or not wanted any more
			}
		}
	}
}
