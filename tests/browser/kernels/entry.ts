/** The kernel set inside Chromium, driven from node by page.evaluate (tests and bench-browser). */
import { availableBackends, createKernelSet, dispatcherOf, probeBackends } from '../../../src/lib/kernels';
import type { Backend, KernelSet } from '../../../src/lib/kernels';
import { calibration } from '../../../src/lib/kernels/calibrate';
import { decode, encode, type Wire } from './rpc';
import { sweep } from '../../unit/kernels/sweep';

const sets = new Map<string, KernelSet>();

async function open(backend: Backend | 'auto'): Promise<Backend> {
	let set = sets.get(backend);
	if (!set) {
		set = await createKernelSet({ backend });
		sets.set(backend, set);
	}
	return set.backend;
}

/** Runs one operation; webgpu only exists behind the async operations. */
async function call(
	backend: Backend | 'auto',
	op: string,
	args: Wire[]
): Promise<{ result: Wire; ran: Backend }> {
	await open(backend);
	const set = sets.get(backend)!;
	const decoded = args.map(decode);
	const result =
		backend === 'webgpu'
			? await (set.async as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[op](...decoded)
			: (set as unknown as Record<string, (...a: unknown[]) => unknown>)[op](...decoded);
	return { result: encode(result), ran: set.backend };
}

/** Loses the real WebGL context of one backend of a set (WEBGL_lose_context). */
function loseContext(backend: Backend | 'auto', target: Backend): boolean {
	const entry = dispatcherOf(sets.get(backend)!)?.entry(target);
	const gl = entry?.context as WebGLRenderingContext | undefined;
	const ext = gl?.getExtension('WEBGL_lose_context');
	ext?.loseContext();
	return !!ext;
}

/** Opens a set and waits for its background measurement ('auto' starts on js and measures later). */
async function settle(backend: Backend | 'auto'): Promise<number> {
	const t0 = performance.now();
	await open(backend);
	const startMs = performance.now() - t0;
	await dispatcherOf(sets.get(backend)!)?.background;
	return startMs;
}

/** Many shapes in a row on a fresh set of one backend (tests/unit/kernels/sweep.ts); the set is released after. */
async function sweepOn(backend: Backend, count: number) {
	const set = await createKernelSet({ backend });
	try {
		const report = sweep(set, count);
		const engine = dispatcherOf(set)?.entry(backend)?.sync;
		return { ...report, cacheSize: engine?.cacheSize?.() ?? 0 };
	} finally {
		set.dispose();
	}
}

function close(): void {
	for (const s of sets.values()) s.dispose();
	sets.clear();
}

Object.assign(globalThis, {
	flipshift: {
		availableBackends,
		probeBackends,
		open,
		settle,
		call,
		loseContext,
		sweep: sweepOn,
		close,
		calibration: () => Object.fromEntries(calibration())
	}
});
