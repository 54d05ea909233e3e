import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium } from '../../scripts/chromium.js';

export { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/chromium.js';

export function launchBrowser(): Promise<Browser> {
	return launchChromium();
}

export interface GuardedPage {
	page: Page;
	/** Console errors and uncaught page errors. */
	errors: string[];
	/** Requests that tried to leave 127.0.0.1 (they are aborted). */
	external: string[];
	close: () => Promise<void>;
}

function isLocal(url: string): boolean {
	if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return true;
	try {
		return new URL(url).hostname === '127.0.0.1';
	} catch {
		return false;
	}
}

export interface PageOptions {
	/**
	 * The app's service worker (offline cache). Blocked unless a test is about it: every fresh
	 * context would otherwise download the whole build into its cache, which only slows the
	 * other tests. With 'allow', the routing below still sees every request that leaves the
	 * worker's cache (Chromium routes the worker's own fetches too), so the guard holds.
	 */
	serviceWorkers?: 'allow' | 'block';
}

/** A fresh page (own context, so storage is clean) that records errors and blocks outside requests. */
export async function guardedPage(
	browser: Browser,
	viewport = { width: 1280, height: 720 },
	options: PageOptions = {}
): Promise<GuardedPage> {
	const context = await browser.newContext({
		viewport,
		serviceWorkers: options.serviceWorkers ?? 'block'
	});
	const page = await context.newPage();
	const errors: string[] = [];
	const external: string[] = [];
	page.on('console', (msg) => {
		if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
	});
	page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
	await context.route('**/*', (route) => {
		const url = route.request().url();
		if (isLocal(url)) return route.continue();
		external.push(url);
		return route.abort();
	});
	return { page, errors, external, close: () => context.close() };
}

export const SCREENS = 'test-results/screens';
export type ThemeName = 'light' | 'projector';

/**
 * One Chromium for a test file (launched before its tests, closed after), and `withPage`,
 * which runs a body on a fresh guarded page in the given theme and then fails the test on
 * any console error, page error or request that left 127.0.0.1.
 */
export function browserSuite() {
	let browser: Browser;
	beforeAll(async () => {
		mkdirSync(SCREENS, { recursive: true });
		browser = await launchBrowser();
	});
	afterAll(() => browser?.close());

	return {
		get browser(): Browser {
			return browser;
		},
		async withPage(body: (g: GuardedPage) => Promise<void>, theme: ThemeName = 'light'): Promise<void> {
			const g = await guardedPage(browser);
			if (theme === 'projector') {
				await g.page.addInitScript(() => localStorage.setItem('flipshift:theme', 'projector'));
			}
			try {
				await body(g);
				expect(g.errors).toEqual([]);
				expect(g.external).toEqual([]);
			} finally {
				await g.close();
			}
		}
	};
}

/** The kernel set measures its backends before the first result: slow on a busy two-core machine. */
export const KERNELS = { timeout: 30_000 };

/**
 * Opens a concept page at `url` and waits until it is live: the page has hydrated and mounted its
 * explainer; the explainer says its kernel set or worker has answered (`data-ready`) or, on pages
 * without that mark, the backend badge has stopped "starting"; and the settings it saved are in
 * the URL (`data-url-pending` is gone). Then a short pause for the first drawing to settle.
 */
export async function openConcept(page: Page, url: string, live: 'ready' | 'badge'): Promise<void> {
	await page.goto(url);
	await page.locator('html[data-hydrated="true"] .live > *').first().waitFor();
	if (live === 'ready') await page.locator('.live [data-ready="true"]').waitFor(KERNELS);
	else
		await page.waitForFunction(
			() => !document.querySelector('[data-testid="backend-badge"]')?.textContent?.includes('starting'),
			null,
			KERNELS
		);
	// what the explainer saved on mount or with its first result is in the link: its writes wait
	// 250 ms for quiet, and a link that already carries settings would pass the check below at once
	await page.locator('html:not([data-url-pending])').waitFor({ state: 'attached' });
	await page.waitForFunction(() => [...new URL(location.href).searchParams.keys()].some((k) => k !== 'step'));
	await page.waitForTimeout(250);
}
