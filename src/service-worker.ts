/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline: the first visit stores the whole build (app code, KaTeX fonts, every prerendered page)
 * and everything in static/ (images, data sets, pretrained models) in a cache named after the
 * build. From then on every request the build knows is answered from that cache, so a lecture
 * survives the network going away. A new build installs beside the old one and waits; the page
 * offers a reload (src/lib/deck/app-update.svelte.ts), and the old cache is deleted once the new
 * worker takes over, so a page never mixes files of two builds.
 */
import { base, build, files, prerendered, version } from '$service-worker';
import { SKIP_WAITING } from '$lib/deck/service-worker-messages';

const sw = self as unknown as ServiceWorkerGlobalScope;
const PREFIX = 'flipshift-';
const CACHE = `${PREFIX}${version}`;
/** Files a static host may not have (the fallback page): cached when present. */
const OPTIONAL = [`${base}/404.html`];
const ASSETS = [...build, ...files];

/**
 * Stores one page under its clean address. `/activations` is `activations.html` on disk: hosts
 * that do not map the clean address still get the page cached under it.
 */
async function cachePage(cache: Cache, path: string): Promise<void> {
	for (const candidate of [path, `${path === `${base}/` ? `${base}/index` : path}.html`]) {
		const response = await fetch(candidate, { cache: 'no-cache' }).catch(() => null);
		if (response?.ok) return cache.put(path, response);
	}
	throw new Error(`could not fetch the page ${path} for offline use`);
}

async function precache(): Promise<void> {
	const cache = await caches.open(CACHE);
	// `no-cache` revalidates with the server: a new build never stores an older file from the HTTP cache.
	await cache.addAll(ASSETS.map((url) => new Request(url, { cache: 'no-cache' })));
	await Promise.all(prerendered.map((path) => cachePage(cache, path)));
	await Promise.all(
		OPTIONAL.map(async (url) => {
			const response = await fetch(url, { cache: 'no-cache' }).catch(() => null);
			if (response?.ok) await cache.put(url, response);
		})
	);
}

sw.addEventListener('install', (event) => {
	event.waitUntil(precache());
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
			}
			// The first visit's page comes under this worker at once, so it works offline without a reload.
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if (event.data?.type === SKIP_WAITING) sw.skipWaiting();
});

/** The cached answer for a request, if this build has one. Pages match without their query. */
async function fromCache(request: Request): Promise<Response | undefined> {
	const cache = await caches.open(CACHE);
	const url = new URL(request.url);
	if (request.mode === 'navigate') {
		const path = url.pathname.length > 1 ? url.pathname.replace(/\/$/, '') : url.pathname;
		return (await cache.match(path)) ?? (await cache.match(`${path}.html`));
	}
	return cache.match(url.pathname);
}

async function respond(request: Request): Promise<Response> {
	const cached = await fromCache(request);
	if (cached) return cached;
	try {
		return await fetch(request);
	} catch (error) {
		// Offline and not in the cache: a page request gets the app's own "no such page" view.
		const fallback = request.mode === 'navigate' ? await caches.match(`${base}/404.html`) : undefined;
		if (fallback) return fallback;
		throw error;
	}
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET' || new URL(request.url).origin !== sw.location.origin) return;
	event.respondWith(respond(request));
});
