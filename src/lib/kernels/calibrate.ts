/**
 * Measuring instead of assuming, cheaply. `auto` predicts each call's time as
 * overhead + cost-per-work(op) · work and runs it where that is smallest.
 *
 * - `js` has no per-call setup and no kernels to build, so every operation is timed on its own
 *   small probe (its speed per multiply-add differs 2× between a GEMM-like conv and a pool).
 * - A GPU.js backend's overhead is timed on the 4-element probe kernel its creation already built,
 *   and its throughput on ONE medium 2-D correlation (one more kernel build); the other operations
 *   are assumed to cost the same per multiply-add (every GPU.js kernel is one loop per output).
 *
 * Chromium coarsens performance.now() to 0.1 ms on pages that are not cross-origin isolated, so
 * each timing is a batch of calls of at least BATCH_STEPS timer steps. Results are cached per page load (per
 * process in Node). All of it runs in the background after the set is created (auto.ts).
 */
import type { Engine, OpName, Part } from './engine';
import type { Backend, Tensor } from './types';
import { planners } from './plans';

export interface CostModel {
	overheadMs: number;
	/** ms per unit of `Part.work`, for operations without their own entry in `perOp`. */
	msPerWork: number;
	perOp?: Partial<Record<OpName, number>>;
	/** How many real calls per operation refined the model (`observe`). */
	seen?: Partial<Record<OpName, number>>;
}

/** A timing is a batch of calls lasting at least this many timer steps (a 10 % quantisation error at most)... */
export const BATCH_STEPS = 10;
/** ...and at least this long (ms), so that Node's sub-µs timer still times whole calls. */
export const BATCH_MIN_MS = 0.05;
/**
 * Batches per timing; the fastest is kept: on a loaded machine most short windows are clean, and
 * the others met preemption, JIT tier-ups or GC (a median was 300× off under load 8 on 2 cores).
 */
const BATCHES = 3;

/** Warm-up before timing: this many calls, or this long (ms) if that comes first. */
const WARM_CALLS = 30;
const WARM_MAX_MS = 8;

const cache = new Map<Backend, CostModel>();
const now = () => performance.now();

/** The timer's step: ~0.1 ms in Chromium pages without cross-origin isolation, < 1 µs in Node. */
function timerStepMs(): number {
	let step = Infinity;
	for (let i = 0; i < 3; i++) {
		const t0 = now();
		let t1 = now();
		while (t1 === t0) t1 = now();
		step = Math.min(step, t1 - t0);
	}
	return step;
}
let timerStep = 0;
const step = () => (timerStep ||= timerStepMs());

/** Fastest per-call time of `f` (awaited: webgpu answers with Promises) over BATCHES batches. */
async function perCallMs(f: () => unknown): Promise<number> {
	const batchMs = Math.max(BATCH_MIN_MS, BATCH_STEPS * step());
	// builds (and compiles) a kernel outside the timing, then calls it until V8 has optimised the
	// loops: a js kernel's first ~25 calls run in the interpreter or baseline code, 10–100× slower
	// (measured: conv2d 4×16²→8 took 1–7 ms per call for 25 calls, then 0.034 ms)
	const w0 = now();
	for (let i = 0; i < WARM_CALLS && now() - w0 < WARM_MAX_MS; i++) await f();
	let best = Infinity;
	let calls = 1;
	for (let b = 0; b < BATCHES; b++) {
		let done = 0;
		const t0 = now();
		let elapsed = 0;
		while (elapsed < batchMs || done < calls) {
			await f();
			done++;
			elapsed = now() - t0;
		}
		calls = done;
		best = Math.min(best, elapsed / done);
	}
	return best;
}

function seq(n: number, seed: number): Float32Array {
	return Float32Array.from({ length: n }, (_, i) => (((i + seed) * 7919) % 101) / 101 - 0.5);
}
const t = (shape: number[], seed: number): Tensor => ({
	shape,
	data: seq(
		shape.reduce((a, b) => a * b, 1),
		seed
	)
});

/** One small engine call per operation, described by the public planners (same geometry and work). */
function jsProbes(): Part[] {
	// each about 10 000 multiply-adds: a few µs once optimised, so the warm-up stays short
	const image = t([4, 24, 24], 1);
	const pool = planners.maxPool2d(image, { size: 2 });
	const argmax = new Int32Array(4 * 12 * 12); // all 0: a valid argmax of the 12×12 gradient below
	const convIn = t([4, 8, 8], 10);
	const convW = t([8, 4, 3, 3], 11);
	const convBack = planners.conv2dBackward(convIn, convW, t([8, 6, 6], 17)).parts;
	const plans = [
		planners.correlate1d(seq(700, 2), seq(16, 3), 'valid'),
		planners.correlate2d(t([20, 20], 4), t([5, 5], 5), 'same'),
		planners.flipShiftProducts(seq(96, 6), seq(16, 7)),
		planners.matchedFilter(seq(700, 8), seq(16, 9)),
		planners.conv2d(convIn, convW),
		pool,
		planners.maxPool2dValues(image, { size: 2 }),
		planners.maxPool2dBackward(t([4, 12, 12], 12), argmax, [4, 24, 24]),
		planners.pNormPool2d(image, { size: 2, p: 2 }),
		planners.pNormPool2dBackward(image, t([4, 12, 12], 18), { size: 2, p: 2 }),
		planners.conv1x1(t([16, 8, 8], 13), t([8, 16], 14))
	];
	return [...plans.map((p) => p.parts[0]), ...convBack];
}

function correlateProbe(n: number, k: number): Part {
	return planners.correlate2d(t([n, n], 15), t([k, k], 16), 'same').parts[0];
}

/**
 * js's model as separate steps, one operation each (run in separate idle periods by auto.ts: each
 * takes up to WARM_MAX_MS plus three short batches); the last step caches the model. None when cached.
 */
export function jsMeasureSteps(engine: Engine<unknown>): (() => Promise<void>)[] {
	if (cache.has('js')) return [];
	const perOp: Partial<Record<OpName, number>> = {};
	const parts = jsProbes();
	return parts.map((part, i) => async () => {
		perOp[part.op] = (await perCallMs(() => part.call(engine))) / part.work;
		if (i === parts.length - 1 && !cache.has('js'))
			cache.set('js', { overheadMs: 0, msPerWork: perOp.correlate2d!, perOp });
	});
}

async function measureJs(engine: Engine<unknown>): Promise<CostModel> {
	for (const step of jsMeasureSteps(engine)) await step();
	return cache.get('js')!;
}

/**
 * @param overhead a call of the backend's already-built probe kernel (no work to speak of)
 */
async function measureGpu(engine: Engine<unknown>, overhead: () => unknown): Promise<CostModel> {
	const overheadMs = await perCallMs(overhead);
	const probe = correlateProbe(32, 5);
	const ms = await perCallMs(() => probe.call(engine));
	return { overheadMs, msPerWork: Math.max(0, ms - overheadMs) / probe.work };
}

export async function costModel(
	backend: Backend,
	engine: Engine<unknown>,
	overhead?: () => unknown
): Promise<CostModel> {
	let model = cache.get(backend);
	if (!model) {
		model = overhead ? await measureGpu(engine, overhead) : await measureJs(engine);
		cache.set(backend, model);
	}
	return model;
}

export function predictMs(model: CostModel, op: OpName, work: number): number {
	return model.overheadMs + (model.perOp?.[op] ?? model.msPerWork) * work;
}

/**
 * Refines a model with a real call: the cost per work of `op` becomes the smallest seen. The
 * calibration probes are small and may meet a busy machine or unoptimised code; real calls in
 * steady state are the better measurement (they only ever lower an estimate, so one slow call
 * changes nothing).
 */
export function observe(model: CostModel, op: OpName, work: number, ms: number): void {
	if (work <= 0) return;
	// the true time is at most the reading plus one timer step: an upper bound even for calls
	// shorter than Chromium's 0.1 ms step, and lowering an estimate to an upper bound is safe
	const rate = Math.max(0, ms + step() - model.overheadMs) / work;
	model.perOp ??= {};
	model.seen ??= {};
	model.seen[op] = (model.seen[op] ?? 0) + 1;
	if (rate < (model.perOp[op] ?? model.msPerWork)) model.perOp[op] = rate;
}

/**
 * A js model with nothing measured yet ('auto' starts with it): unmeasured operations predict
 * Infinity, and real calls fill it in through `observe` until the background probes are done.
 */
export function emptyModel(): CostModel {
	return { overheadMs: 0, msPerWork: Infinity, perOp: {}, seen: {} };
}

/** Folds what real calls taught `early` into `model`: per operation the smaller cost, the calls summed. */
export function mergeObserved(model: CostModel, early: CostModel): void {
	model.perOp ??= {};
	model.seen ??= {};
	for (const [op, rate] of Object.entries(early.perOp ?? {}) as [OpName, number][])
		model.perOp[op] = Math.min(rate, model.perOp[op] ?? model.msPerWork);
	for (const [op, n] of Object.entries(early.seen ?? {}) as [OpName, number][])
		model.seen[op] = (model.seen[op] ?? 0) + n;
}

/** The cost models measured so far in this page load (for reports and tests). */
export function calibration(): Map<Backend, CostModel> {
	return new Map(cache);
}
