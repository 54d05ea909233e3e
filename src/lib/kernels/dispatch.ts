/**
 * Runs each engine call on the chosen backend and, when that backend fails (throws, loses its
 * context, returns the wrong number of values), releases it and recomputes the same call on the
 * next backend down the chain. The caller sees only the result and, through `last`, who ran it.
 */
import type { Part } from './engine';
import type { Backend } from './types';
import { CHAIN, type EngineEntry } from './backends';
import { predictMs, type CostModel } from './calibrate';

export class Dispatcher {
	/** What ran the most recent call. */
	last: Backend;
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
		this.last = this.candidates('correlate2d', 1, false)[0]?.backend ?? 'js';
	}

	get backends(): Backend[] {
		return this.entries.map((e) => e.backend);
	}

	entry(backend: Backend): EngineEntry | undefined {
		return this.entries.find((e) => e.backend === backend);
	}

	/** The chosen backend first, then the rest of the chain below it. */
	private candidates(op: Part['op'], work: number, allowAsync: boolean): EngineEntry[] {
		const usable = this.entries.filter((e) => e.sync || (allowAsync && e.async));
		let first: EngineEntry | undefined;
		if (typeof this.preferred === 'string') {
			const rank = CHAIN.indexOf(this.preferred);
			first = usable.find((e) => CHAIN.indexOf(e.backend) >= rank);
		} else {
			let best = Infinity;
			for (const e of usable) {
				const model = this.preferred.get(e.backend);
				const t = model ? predictMs(model, work) : Infinity;
				if (t < best) [best, first] = [t, e];
			}
		}
		if (!first) return usable;
		const rank = CHAIN.indexOf(first.backend);
		return [first, ...usable.filter((e) => CHAIN.indexOf(e.backend) > rank)];
	}

	private fail(entry: EngineEntry): void {
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
		for (const entry of this.candidates(part.op, part.work, false)) {
			try {
				const result = this.check(part, part.call(entry.sync!), entry.backend);
				this.last = entry.backend;
				return result;
			} catch (e) {
				lastError = e;
				if (entry.backend === 'js') break; // the last resort failing is a bug, not a backend problem
				this.fail(entry);
			}
		}
		throw lastError instanceof Error ? lastError : new Error(`${part.op}: no backend could run it`);
	}

	async execAsync(part: Part): Promise<Float32Array> {
		if (this.disposed) throw new Error('KernelSet: used after dispose()');
		let lastError: unknown;
		for (const entry of this.candidates(part.op, part.work, true)) {
			try {
				const raw = entry.sync ? part.call(entry.sync) : await part.call(entry.async!);
				const result = this.check(part, raw, entry.backend);
				this.last = entry.backend;
				return result;
			} catch (e) {
				lastError = e;
				if (entry.backend === 'js') break;
				this.fail(entry);
			}
		}
		throw lastError instanceof Error ? lastError : new Error(`${part.op}: no backend could run it`);
	}

	dispose(): void {
		if (this.disposed) return;
		this.disposed = true;
		for (const e of this.entries) e.dispose();
		this.entries = [];
	}
}
