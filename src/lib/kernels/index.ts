/**
 * flipshift's kernel set: convolution, correlation, matched filtering and CNN layers on GPU.js
 * (webgpu, webgl2, webgl, headlessgl, webasm, cpu) or hand-tuned TypeScript ('js'), with the
 * reference implementation as the oracle. See design.md, "The kernel set's public API".
 */
import type { Backend, KernelSet } from './types';
import { CHAIN, tryCreate, type EngineEntry } from './backends';
import { AutoProber } from './auto';
import { Dispatcher } from './dispatch';
import { asyncOps, syncOps } from './ops';

export type * from './types';
export { availableBackends, CHAIN, probeBackends } from './backends';

const dispatchers = new WeakMap<KernelSet, Dispatcher>();

/** The dispatcher behind a set (tests use it to simulate failures). */
export function dispatcherOf(set: KernelSet): Dispatcher | undefined {
	return dispatchers.get(set);
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

export async function createKernelSet(opts?: { backend?: Backend | 'auto' }): Promise<KernelSet> {
	const requested = opts?.backend ?? 'auto';
	if (requested !== 'auto' && !CHAIN.includes(requested)) {
		throw new RangeError(
			`createKernelSet: unknown backend ${JSON.stringify(requested)}; allowed: 'auto', ${CHAIN.join(', ')}`
		);
	}
	let dispatcher: Dispatcher;
	if (requested === 'auto') {
		// js at once; every other backend is measured in the background and joins when ready (auto.ts)
		const js = (await tryCreate('js'))!;
		dispatcher = new Dispatcher([js], new Map());
		const prober = new AutoProber(dispatcher, js);
		dispatcher.background = prober.done;
		dispatcher.onDispose = () => prober.cancel();
	} else {
		dispatcher = new Dispatcher(await explicitEntries(requested), requested);
	}
	const set: KernelSet = {
		get backend() {
			return dispatcher.last;
		},
		get dropped() {
			return dispatcher.dropped;
		},
		...syncOps((part) => dispatcher.exec(part)),
		async: asyncOps((part) => dispatcher.execAsync(part)),
		dispose: () => dispatcher.dispose()
	};
	dispatchers.set(set, dispatcher);
	return set;
}
