/** What the page may tell the service worker (kept apart so the worker bundles no Svelte code). */
export const SKIP_WAITING = 'flipshift:skip-waiting';
