/**
 * Built GPU.js kernels, least recently used first out. Every kernel is built for one shape (its
 * sizes are compile-time constants), so a page that sweeps sizes (a slider, a trainer changing
 * batch sizes) would otherwise keep every kernel ever built: in Chromium each webasm kernel holds
 * its own WebAssembly.Memory, and after ~100 of them the next allocation fails ("could not
 * allocate memory"), which used to drop the backend. Evicted kernels are destroyed at once, or,
 * when a call on them is still in flight (WebGPU), as soon as it settles.
 */

/** Kernels kept per engine: a training step uses about ten, a concept page a few. */
export const KERNEL_CACHE_LIMIT = 32;

export interface Destroyable {
	destroy(removeCanvasReference?: boolean): void;
}

export class KernelCache<K extends Destroyable> {
	private kernels = new Map<string, K>();
	private busy = new Map<K, Promise<unknown>>();
	/** Kernels built (for tests: how many builds a sequence of calls caused). */
	built = 0;
	/** Kernels destroyed by eviction. */
	evicted = 0;

	constructor(private limit = KERNEL_CACHE_LIMIT) {}

	get size(): number {
		return this.kernels.size;
	}

	/** The kernel for `key`, built by `build` when absent; it becomes the most recently used. */
	get(key: string, build: () => K): K {
		let kernel = this.kernels.get(key);
		if (kernel) this.kernels.delete(key);
		else {
			kernel = build();
			this.built++;
		}
		this.kernels.set(key, kernel); // Map order is use order: the first key is the least recent
		while (this.kernels.size > this.limit) {
			const [oldest, old] = this.kernels.entries().next().value as [string, K];
			this.kernels.delete(oldest);
			this.evicted++;
			// false: the canvas is shared by every kernel of this GPU instance, and GPU.js's
			// removeCanvasReferences also forgets the canvas's size record, which the kernels still
			// sharing it rely on (WebGL results went wrong after an eviction with true)
			this.release(old, false);
		}
		return kernel;
	}

	/** Notes a call in flight on `kernel` (an evicted kernel waits for it before it is destroyed). */
	track<T>(kernel: K, result: Promise<T>): Promise<T> {
		const settled = result.finally(() => {
			if (this.busy.get(kernel) === settled) this.busy.delete(kernel);
		});
		this.busy.set(kernel, settled);
		return settled;
	}

	private release(kernel: K, removeCanvasReference: boolean): void {
		const pending = this.busy.get(kernel);
		if (pending) void pending.catch(() => {}).then(() => destroy(kernel, removeCanvasReference));
		else destroy(kernel, removeCanvasReference);
	}

	/** Destroys every kernel (dispose: the GPU instance and its canvas go too). */
	clear(): void {
		for (const k of this.kernels.values()) this.release(k, true);
		this.kernels.clear();
	}
}

function destroy(kernel: Destroyable, removeCanvasReference: boolean): void {
	try {
		kernel.destroy(removeCanvasReference);
	} catch {
		// a lost context may refuse to clean up; the kernel is unreachable either way
	}
}
