/**
 * flipshift's kernel set: convolution, correlation, matched filtering and CNN layers on GPU.js
 * (webgpu, webgl2, webgl, headlessgl, webasm, cpu) or hand-tuned TypeScript ('js'), with the
 * reference implementation as the oracle. See design.md, "The kernel set's public API".
 */
import type { Backend, KernelSet } from './types';
import { CHAIN, createEntry, type EngineEntry } from './backends';
import { costModel, type CostModel } from './calibrate';
import { Dispatcher } from './dispatch';
import { asyncOps, syncOps } from './ops';

export type * from './types';
export { availableBackends, CHAIN, probeBackends } from './backends';

const dispatchers = new WeakMap<KernelSet, Dispatcher>();

/** The dispatcher behind a set (tests use it to simulate failures). */
export function dispatcherOf(set: KernelSet): Dispatcher | undefined {
	return dispatchers.get(set);
}

async function tryCreate(backend: Backend): Promise<EngineEntry | undefined> {
	try {
		return await createEntry(backend);
	} catch {
		return undefined; // not present here: the chain goes on without it
	}
}

/** Entries for an explicit backend: it (or the first one below it that works), a synchronous one for webgpu, and js. */
async function explicitEntries(backend: Backend): Promise<EngineEntry[]> {
	const entries: EngineEntry[] = [];
	for (const b of CHAIN.slice(CHAIN.indexOf(backend))) {
		const entry = await tryCreate(b);
		if (!entry) continue;
		entries.push(entry);
		if (entry.sync) break;
	}
	if (!entries.some((e) => e.backend === 'js')) entries.push((await tryCreate('js'))!);
	return entries;
}

/**
 * 'auto' does not consider two modes that can never win here, so it neither builds nor measures
 * them: GPU.js 'cpu' runs generated JavaScript on the same CPU as 'js' plus GPU.js's per-call cost
 * (slower than js on every benchmark workload, BENCHMARKS.md), and 'webgl' is the same GPU as
 * 'webgl2' through an older API, needed only where webgl2 is missing.
 */
function dominated(b: Backend, entries: EngineEntry[]): boolean {
	return b === 'cpu' || (b === 'webgl' && entries.some((e) => e.backend === 'webgl2'));
}

/** Every backend present here that could win, each measured (cached per page load). */
async function autoEntries(): Promise<{ entries: EngineEntry[]; models: Map<Backend, CostModel> }> {
	const entries: EngineEntry[] = [];
	const models = new Map<Backend, CostModel>();
	for (const b of CHAIN) {
		if (dominated(b, entries)) continue;
		const entry = await tryCreate(b);
		if (!entry) continue;
		try {
			models.set(b, await costModel(b, (entry.sync ?? entry.async)!, entry.overhead));
			entries.push(entry);
		} catch {
			entry.dispose(); // it failed while measuring: it would fail for the caller too
		}
	}
	return { entries, models };
}

export async function createKernelSet(opts?: { backend?: Backend | 'auto' }): Promise<KernelSet> {
	const requested = opts?.backend ?? 'auto';
	if (requested !== 'auto' && !CHAIN.includes(requested)) {
		throw new RangeError(
			`createKernelSet: unknown backend ${JSON.stringify(requested)}; allowed: 'auto', ${CHAIN.join(', ')}`
		);
	}
	let dispatcher: Dispatcher;
	if (requested === 'auto') {
		const { entries, models } = await autoEntries();
		dispatcher = new Dispatcher(entries, models);
	} else {
		dispatcher = new Dispatcher(await explicitEntries(requested), requested);
	}
	const set: KernelSet = {
		get backend() {
			return dispatcher.last;
		},
		...syncOps((part) => dispatcher.exec(part)),
		async: asyncOps((part) => dispatcher.execAsync(part)),
		dispose: () => dispatcher.dispose()
	};
	dispatchers.set(set, dispatcher);
	return set;
}
