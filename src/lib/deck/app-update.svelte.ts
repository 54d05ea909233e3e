import { SKIP_WAITING } from './service-worker-messages';

/**
 * Watches the service worker for a new build. The worker that installed the page keeps serving
 * the old build (a page never mixes two builds); when a new one has been fetched and waits, `ready`
 * turns true and the page offers to reload. Reloading tells the waiting worker to take over and
 * reloads once it controls the page.
 */
/** How often an open page asks the server whether a new build exists (a lecture is long). */
const CHECK_EVERY_MS = 30 * 60 * 1000;

export class AppUpdate {
	/** A new build is installed and waits for a reload. */
	ready = $state(false);
	private waiting: ServiceWorker | null = null;
	private reloading = false;

	/** Starts watching; returns the cleanup. Does nothing where service workers are unavailable. */
	watch(): () => void {
		const container = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
		if (!container) return () => {};
		let timer: ReturnType<typeof setInterval> | undefined;
		let stopped = false;
		const onControllerChange = () => {
			if (this.reloading) location.reload();
		};
		container.addEventListener('controllerchange', onControllerChange);
		container.ready.then((registration) => {
			if (stopped) return;
			this.follow(registration, container);
			timer = setInterval(() => {
				if (navigator.onLine) registration.update().catch(() => {});
			}, CHECK_EVERY_MS);
		});
		return () => {
			stopped = true;
			clearInterval(timer);
			container.removeEventListener('controllerchange', onControllerChange);
		};
	}

	private follow(registration: ServiceWorkerRegistration, container: ServiceWorkerContainer): void {
		// The first install has no controller to replace: nothing to offer.
		const offer = (worker: ServiceWorker | null) => {
			if (!worker || !container.controller) return;
			this.waiting = worker;
			this.ready = true;
		};
		offer(registration.waiting);
		registration.addEventListener('updatefound', () => {
			const installing = registration.installing;
			installing?.addEventListener('statechange', () => {
				if (installing.state === 'installed') offer(installing);
			});
		});
	}

	/** Switches to the new build: the waiting worker takes over, then the page reloads. */
	reload(): void {
		this.reloading = true;
		if (this.waiting) this.waiting.postMessage({ type: SKIP_WAITING });
		else location.reload();
	}

	dismiss(): void {
		this.ready = false;
	}
}
