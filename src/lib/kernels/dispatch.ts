/**
 * Runs each engine call on the chosen backend and, when that backend fails (throws, loses its
 * context, returns the wrong number of values), releases it and recomputes the same call on the
 * next backend down the chain. The caller sees only the result and, through `last`, who ran it.
 */
import type { Part } from './engine';
import type { Backend, DroppedBackend } from './types';
import { CHAIN, type EngineEntry } from './backends';
import { observe, predictMs, type CostModel } from './calibrate';

/** Every this many calls of one operation, 'auto' runs the runner-up once to re-measure it... */
export const EXPLORE_PERIOD = 16;
/** ...if it is predicted at most this many times slower than the best (the cost of looking: ≤ 1/16). */
export const EXPLORE_RATIO = 2;
/** js is looked at regardless of its prediction until this many of its real calls were timed. */
export const EXPLORE_UNSEEN = 8;
/** After that, js is re-timed on calls 2^k while predicted at most this many times slower. */
export const JS_EXPLORE_RATIO = 50;

/**
 * Backends whose shading language lets the compiler assume finite floats (WGSL, GLSL ES): there a
 * NaN or ±∞ may come out as any number (a max drops NaN, webgpu gave 9 for a window's NaN). A call
 * that reads one runs on the first other backend instead, so every backend gives the same numbers.
 */
const FINITE_ONLY: ReadonlySet<Backend> = new Set(['webgpu', 'webgl2', 'webgl', 'headlessgl']);

/** Whether any value the call reads is NaN or ±∞ (v − v is 0 exactly for finite v). */
function readsNonFinite(part: Part): boolean {
	for (const data of part.inputs ?? [])
		for (let i = 0; i < data.length; i++) if (data[i] - data[i] !== 0) return true;
	return false;
}

export class Dispatcher {
	/** What ran the most recent call. */
	last: Backend;
	/** 'auto': resolves when the background measurement (auto.ts) has finished. */
	background: Promise<void> = Promise.resolve();
	/** Called once by dispose() ('auto' stops its background work). */
	onDispose?: () => void;
	/** Backends released after a failure, in order, with the error that ended them. */
	readonly dropped: DroppedBackend[] = [];
	private calls = new Map<Part['op'], number>();
	private entries: EngineEntry[];
	private disposed = false;

	/**
	 * @param entries created engines (sorted here into chain order)
	 * @param preferred an explicit backend, or cost models to choose per call ('auto')
	 */
	constructor(
		entries: EngineEntry[],
		private preferred: Backend | Map<Backend, CostModel>
	) {
		this.entries = [...entries].sort((a, b) => CHAIN.indexOf(a.backend) - CHAIN.indexOf(b.backend));
		this.last = this.chain('correlate2d', 1, false)[0]?.backend ?? 'js';
		this.calls.clear(); // that was no call: the first real call of each operation is call 1
	}

	get backends(): Backend[] {
		return this.entries.map((e) => e.backend);
	}

	entry(backend: Backend): EngineEntry | undefined {
		return this.entries.find((e) => e.backend === backend);
	}

	/** 'auto': a backend's cost model, used from the next call on. */
	setModel(backend: Backend, model: CostModel): void {
		if (typeof this.preferred !== 'string') this.preferred.set(backend, model);
	}

	/** 'auto': a measured engine joins; false (and nothing changes) once disposed. */
	add(entry: EngineEntry, model: CostModel): boolean {
		if (this.disposed) return false;
		this.setModel(entry.backend, model);
		this.entries = [...this.entries, entry].sort(
			(a, b) => CHAIN.indexOf(a.backend) - CHAIN.indexOf(b.backend)
		);
		return true;
	}

	/** The chosen backend first, then the rest of the chain below it; no shader backend for NaN or ±∞. */
	private candidates(part: Part, allowAsync: boolean): EngineEntry[] {
		const chain = this.chain(part.op, part.work, allowAsync);
		if (!chain.length || !FINITE_ONLY.has(chain[0].backend) || !readsNonFinite(part)) return chain;
		return chain.filter((e) => !FINITE_ONLY.has(e.backend));
	}

	private chain(op: Part['op'], work: number, allowAsync: boolean): EngineEntry[] {
		const usable = this.entries.filter((e) => e.sync || (allowAsync && e.async));
		let first: EngineEntry | undefined;
		if (typeof this.preferred === 'string') {
			const rank = CHAIN.indexOf(this.preferred);
			first = usable.find((e) => CHAIN.indexOf(e.backend) >= rank);
		} else {
			first = this.pick(this.preferred, usable, op, work);
		}
		if (!first) return usable;
		const rank = CHAIN.indexOf(first.backend);
		return [first, ...usable.filter((e) => CHAIN.indexOf(e.backend) > rank)];
	}

	/**
	 * The backend with the smallest predicted time, except that every EXPLORE_PERIOD-th call of an
	 * operation goes to the runner-up when it is predicted within EXPLORE_RATIO of the best (a near
	 * tie, so looking again is cheap), and js is looked at until timed: start-up probes can catch js
	 * still interpreted or a GPU busy, and only calls that run refine a model.
	 */
	private pick(models: Map<Backend, CostModel>, usable: EngineEntry[], op: Part['op'], work: number) {
		const ranked = usable
			.map((e) => ({ e, t: models.has(e.backend) ? predictMs(models.get(e.backend)!, op, work) : Infinity }))
			.filter((r) => r.t < Infinity)
			.sort((a, b) => a.t - b.t);
		const n = (this.calls.get(op) ?? 0) + 1;
		this.calls.set(op, n);
		if (ranked.length < 2) return ranked[0]?.e;
		// js's figures can only be too slow, never too fast: V8 runs a kernel's first calls unoptimised
		// (for tens of calls on a loaded machine). Look at it every other call until timed a few
		// times, then on calls 2^k (a logarithmic cost) while it is predicted within JS_EXPLORE_RATIO
		const js = ranked.find((r) => r.e.backend === 'js');
		if (js && js !== ranked[0]) {
			const seen = models.get('js')?.seen?.[op] ?? 0;
			if (seen < EXPLORE_UNSEEN) return n % 2 === 0 ? js.e : ranked[0].e;
			if ((n & (n - 1)) === 0 && js.t <= JS_EXPLORE_RATIO * ranked[0].t) return js.e;
		}
		if (n % EXPLORE_PERIOD === 0 && ranked[1].t <= EXPLORE_RATIO * ranked[0].t) return ranked[1].e;
		return ranked[0].e;
	}

	/** 'auto' keeps measuring: each long enough call refines the model of whoever ran it. */
	private learn(backend: Backend, part: Part, ms: number): void {
		if (typeof this.preferred === 'string') return;
		const model = this.preferred.get(backend);
		if (model) observe(model, part.op, part.work, ms);
	}

	/** Releases a backend that failed, and says why (console and `dropped`, which the backend badge shows). */
	private fail(entry: EngineEntry, op: Part['op'], error: unknown): void {
		const reason = error instanceof Error ? error.message : String(error);
		this.dropped.push({ backend: entry.backend, op, reason });
		const next = this.entries.find(
			(e) => e !== entry && CHAIN.indexOf(e.backend) > CHAIN.indexOf(entry.backend)
		);
		console.warn(
			`flipshift kernels: ${entry.backend} dropped after ${op} failed (${reason}); continuing on ${next?.backend ?? 'nothing'}`
		);
		this.entries = this.entries.filter((e) => e !== entry);
		try {
			entry.dispose();
		} catch {
			// a lost context may refuse to clean up; it is gone either way
		}
	}

	private check(part: Part, result: Float32Array, backend: Backend): Float32Array {
		if (!(result instanceof Float32Array) || result.length !== part.expected) {
			throw new Error(
				`${backend} returned ${result?.length} values for ${part.op}, expected ${part.expected}`
			);
		}
		return result;
	}

	exec(part: Part): Float32Array {
		if (this.disposed) throw new Error('KernelSet: used after dispose()');
		let lastError: unknown;
		for (const entry of this.candidates(part, false)) {
			try {
				const t0 = performance.now();
				const result = this.check(part, part.call(entry.sync!), entry.backend);
				this.learn(entry.backend, part, performance.now() - t0);
				this.last = entry.backend;
				return result;
			} catch (e) {
				lastError = e;
				if (entry.backend === 'js') break; // the last resort failing is a bug, not a backend problem
				this.fail(entry, part.op, e);
			}
		}
		throw lastError instanceof Error ? lastError : new Error(`${part.op}: no backend could run it`);
	}

	async execAsync(part: Part): Promise<Float32Array> {
		if (this.disposed) throw new Error('KernelSet: used after dispose()');
		let lastError: unknown;
		for (const entry of this.candidates(part, true)) {
			try {
				const raw = entry.sync ? part.call(entry.sync) : await part.call(entry.async!);
				const result = this.check(part, raw, entry.backend);
				this.last = entry.backend;
				return result;
			} catch (e) {
				lastError = e;
				if (entry.backend === 'js') break;
				this.fail(entry, part.op, e);
			}
		}
		throw lastError instanceof Error ? lastError : new Error(`${part.op}: no backend could run it`);
	}

	dispose(): void {
		if (this.disposed) return;
		this.disposed = true;
		this.onDispose?.();
		for (const e of this.entries) e.dispose();
		this.entries = [];
	}
}
