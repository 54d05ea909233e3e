/**
 * Creating engines. GPU.js is imported only here and only dynamically, so nothing loads it during
 * prerendering. Every GPU.js mode is proven by a probe kernel: GPU.js silently degrades some modes
 * (a webasm kernel it cannot compile runs on cpu), so a mode counts as present only when a kernel
 * really ran in it and returned the right numbers.
 */
import type { AsyncEngine, SyncEngine } from './engine';
import type { Backend } from './types';
import { createGpuEngine, type GpuInstance, type GpuMode } from './gpu/engine';
import { createJsEngine } from './js';

/** The fallback chain, fastest hardware first; `js` never fails. */
export const CHAIN: readonly Backend[] = ['webgpu', 'webgl2', 'webgl', 'headlessgl', 'webasm', 'cpu', 'js'];

export interface EngineEntry {
	backend: Backend;
	/** Synchronous engine, absent for webgpu (no synchronous readback exists). */
	sync?: SyncEngine;
	async?: AsyncEngine;
	/** The GL context (webgl, webgl2, headlessgl), for context-loss checks and tests. */
	context?: unknown;
	/** A call of the tiny probe kernel that proved the mode (GPU.js backends): its per-call overhead. */
	overhead?: () => unknown;
	dispose(): void;
}

interface GpuStatic {
	new (settings: { mode: string }): GpuInstance;
	isWebGL2Supported?: boolean;
	isWebGLSupported?: boolean;
	isHeadlessGLSupported?: boolean;
	isWebGPUAvailable?: () => Promise<boolean>;
}

/** GPU.js, imported once (later calls resolve from the module cache). */
export async function loadGpu(): Promise<GpuStatic> {
	const mod = (await import('gpu.js')) as unknown as { GPU?: GpuStatic; default?: { GPU?: GpuStatic } };
	const GPU = mod.GPU ?? mod.default?.GPU;
	if (!GPU) throw new Error('gpu.js did not export GPU');
	return GPU;
}

/** Source text like every kernel here (see gpu/kernels-signal.ts). */
const probeKernel = `function probe(x) {
	return x[this.thread.x] * 2 + 1;
}`;

async function presentHere(GPU: GpuStatic, mode: GpuMode): Promise<boolean> {
	if (mode === 'webgl2') return GPU.isWebGL2Supported === true;
	if (mode === 'webgl') return GPU.isWebGLSupported === true;
	if (mode === 'headlessgl') return GPU.isHeadlessGLSupported === true;
	if (mode === 'webgpu')
		return typeof GPU.isWebGPUAvailable === 'function' && (await GPU.isWebGPUAvailable());
	return true;
}

function glVersionMatches(context: unknown, mode: GpuMode): boolean {
	const gl2 = typeof WebGL2RenderingContext !== 'undefined' && context instanceof WebGL2RenderingContext;
	if (mode === 'webgl2') return gl2;
	if (mode === 'webgl')
		return !gl2 && typeof WebGLRenderingContext !== 'undefined' && context instanceof WebGLRenderingContext;
	return mode === 'headlessgl' && !!context;
}

async function createGpuEntry(mode: GpuMode): Promise<EngineEntry> {
	const GPU = await loadGpu();
	if (!(await presentHere(GPU, mode))) throw new Error(`${mode} is not available here`);
	const gpu = new GPU({ mode });
	const probeInput = new Float32Array([1, 2, 3, 4]);
	// kept (not rebuilt) so that 'auto' can time this mode's per-call overhead for free
	const probe = gpu.createKernel(probeKernel, { output: [4], precision: 'single' });
	try {
		const result = await Promise.resolve(probe(probeInput));
		const ran = probe.kernel?.constructor.mode;
		// GL kernels report the generic 'gpu'; the context type then tells webgl2 from webgl
		const glOk = ran === 'gpu' && glVersionMatches(gpu.context, mode);
		if (ran !== undefined && ran !== mode && !glOk) throw new Error(`${mode} degraded to ${ran}`);
		const numbers = Array.from(result as ArrayLike<number>);
		if (numbers.join() !== '3,5,7,9') throw new Error(`${mode} probe returned ${numbers.join()}`);
	} catch (e) {
		probe.destroy(true);
		void gpu.destroy();
		throw e;
	}
	const overhead = () => probe(probeInput);
	if (mode === 'webgpu') {
		const async = createGpuEngine<Promise<Float32Array>>(gpu, mode, true);
		return { backend: mode, async, overhead, dispose: () => (probe.destroy(true), async.dispose()) };
	}
	const sync = createGpuEngine<Float32Array>(gpu, mode, false);
	return {
		backend: mode,
		sync,
		overhead,
		context: gpu.context,
		dispose: () => (probe.destroy(true), sync.dispose())
	};
}

/** Creates the engine for one backend, or throws why it cannot run here. */
export async function createEntry(backend: Backend): Promise<EngineEntry> {
	if (backend === 'js') {
		const sync = createJsEngine();
		return { backend, sync, dispose: () => sync.dispose() };
	}
	return createGpuEntry(backend);
}

/** The engine for one backend, or undefined when it cannot run here (the chain goes on without it). */
export async function tryCreate(backend: Backend): Promise<EngineEntry | undefined> {
	try {
		return await createEntry(backend);
	} catch {
		return undefined;
	}
}

/** Why each backend is or is not present here: 'ok' or the error it failed with. */
export async function probeBackends(): Promise<Record<Backend, string>> {
	const report = {} as Record<Backend, string>;
	for (const b of CHAIN) {
		try {
			const entry = await createEntry(b);
			entry.dispose();
			report[b] = 'ok';
		} catch (e) {
			report[b] = e instanceof Error ? e.message : String(e);
		}
	}
	return report;
}

/** The backends that really run here, in chain order (each is created, probed and released). */
export async function availableBackends(): Promise<Backend[]> {
	const report = await probeBackends();
	return CHAIN.filter((b) => report[b] === 'ok');
}
