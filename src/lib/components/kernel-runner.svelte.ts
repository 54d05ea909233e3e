/**
 * The page's one kernel set. Every number an explainer shows goes through `run`, which
 * times the call and remembers which backend produced it, for the backend badge.
 * The teacher can force a backend (to show GPU against CPU); the choice is remembered.
 */
import type { Backend, DroppedBackend, KernelSet } from '$lib/kernels';

export type BackendChoice = Backend | 'auto';
export const BACKEND_CHOICES: readonly BackendChoice[] = [
	'auto',
	'webgpu',
	'webgl2',
	'webgl',
	'webasm',
	'cpu',
	'js'
];
export const BACKEND_STORAGE_KEY = 'flipshift:backend';

export interface LastRun {
	readonly op: string;
	readonly backend: Backend;
	readonly ms: number;
}

function savedChoice(): BackendChoice {
	try {
		const saved = localStorage.getItem(BACKEND_STORAGE_KEY);
		if (saved && (BACKEND_CHOICES as readonly string[]).includes(saved)) return saved as BackendChoice;
	} catch {
		// Storage unavailable: measure and pick.
	}
	return 'auto';
}

export class KernelRunner {
	choice = $state<BackendChoice>('auto');
	/** Null until the kernel set is ready (gpu.js loads lazily, 'auto' measures first). */
	kernels = $state.raw<KernelSet | null>(null);
	last = $state<LastRun | null>(null);
	/** Why the chosen backend could not start, if it could not. */
	problem = $state<string | null>(null);
	private generation = 0;
	private lastDrop: DroppedBackend | undefined;

	constructor() {
		this.choice = savedChoice();
		void this.start();
	}

	/** Runs `fn` on the kernel set, timing it; null while the set is still starting. */
	run<T>(op: string, fn: (kernels: KernelSet) => T): T | null {
		const kernels = this.kernels;
		if (!kernels) return null;
		const t0 = performance.now();
		const result = fn(kernels);
		this.last = { op, backend: kernels.backend, ms: performance.now() - t0 };
		const drop = kernels.dropped.at(-1);
		if (drop && drop !== this.lastDrop) {
			// a backend failed mid-use and the set moved down the chain: say so instead of going quiet
			this.lastDrop = drop;
			this.problem = `${drop.backend} stopped working (${drop.reason}); now on ${kernels.backend}.`;
		}
		return result;
	}

	async choose(choice: BackendChoice): Promise<void> {
		this.choice = choice;
		try {
			localStorage.setItem(BACKEND_STORAGE_KEY, choice);
		} catch {
			// The choice still applies to this page.
		}
		await this.start();
	}

	private async start(): Promise<void> {
		const generation = ++this.generation;
		const { createKernelSet } = await import('$lib/kernels');
		let next: KernelSet;
		try {
			next = await createKernelSet({ backend: this.choice });
			this.problem = null;
		} catch (error) {
			// A forced backend that does not exist here: say so and measure instead.
			this.problem = `${this.choice} is not available here (${(error as Error).message}); using auto.`;
			next = await createKernelSet({ backend: 'auto' });
		}
		if (generation !== this.generation) {
			next.dispose();
			return;
		}
		this.kernels?.dispose();
		this.kernels = next;
	}

	dispose(): void {
		this.generation++;
		this.kernels?.dispose();
		this.kernels = null;
	}
}

let shared: KernelRunner | null = null;

/** The page's kernel runner, created on first use (in the browser only). */
export function kernelRunner(): KernelRunner {
	shared ??= new KernelRunner();
	return shared;
}
