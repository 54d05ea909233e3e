import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { CONCEPTS, isAvailable } from '$lib/concepts/registry';
import { serveDir } from '../../scripts/serve.js';
import { SCREENS, browserSuite, guardedPage, type GuardedPage } from './harness';

/**
 * The service worker, against a private copy of the build on a server of its own: the test takes
 * that server away (and the browser offline), and it rewrites the copy to stand for a new build.
 * The pages are the harness's guarded pages with service workers allowed, so the same request
 * routing the other tests use is in place: it must not bypass the worker.
 */
const suite = browserSuite();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
	while (cleanups.length) await cleanups.pop()!();
});

async function servedCopy(): Promise<{ dir: string; url: string; close: () => Promise<void> }> {
	const dir = mkdtempSync(join(tmpdir(), 'flipshift-offline-'));
	cpSync('build', dir, { recursive: true });
	const server = await serveDir(dir);
	let open = true;
	const close = async () => {
		if (open) await server.close();
		open = false;
	};
	cleanups.push(() => rmSync(dir, { recursive: true, force: true }), close);
	return { dir, url: server.url, close };
}

async function visit(g: GuardedPage, url: string): Promise<void> {
	await g.page.goto(url);
	await g.page.locator('html[data-hydrated="true"] main').waitFor();
}

/** Waits until the page is controlled by an activated worker whose cache holds the build. */
async function waitForOffline(page: Page): Promise<string[]> {
	await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, {
		timeout: 30_000
	});
	return page.evaluate(() => caches.keys());
}

describe('offline', () => {
	it('serve.js serves the service worker and the manifest with the right types', async () => {
		const { url } = await servedCopy();
		const worker = await fetch(`${url}/service-worker.js`);
		expect(worker.status).toBe(200);
		expect(worker.headers.get('content-type')).toMatch(/^text\/javascript/);
		const manifest = await fetch(`${url}/manifest.webmanifest`);
		expect(manifest.headers.get('content-type')).toBe('application/manifest+json');
		const icons = ((await manifest.json()) as { icons: { src: string }[] }).icons;
		for (const icon of icons) expect((await fetch(`${url}/${icon.src}`)).status, icon.src).toBe(200);
	});

	it('after one visit every concept, the index and the presenter load with the network gone', async () => {
		const server = await servedCopy();
		const g = await guardedPage(suite.browser, undefined, { serviceWorkers: 'allow' });
		cleanups.push(g.close);
		await visit(g, `${server.url}/`);
		const keys = await waitForOffline(g.page);
		expect(keys).toHaveLength(1);
		expect(keys[0]).toMatch(/^flipshift-/);

		await g.page.context().setOffline(true);
		await server.close();
		for (const concept of CONCEPTS) {
			const path = `/${concept.slug}?step=${isAvailable(concept) ? 2 : 1}`;
			await visit(g, server.url + path);
			expect(await g.page.locator('h1').textContent(), path).toBe(concept.title);
			if (isAvailable(concept)) {
				await g.page.locator('.live svg').first().waitFor();
				expect(await g.page.locator('.live .failed').count(), path).toBe(0);
			}
		}
		await visit(g, `${server.url}/`);
		expect(await g.page.locator('.concepts a').count()).toBe(CONCEPTS.length);
		await g.page.goto(`${server.url}/presenter`);
		await g.page.getByTestId('speaker-notes').waitFor();
		expect(g.errors).toEqual([]);
		expect(g.external).toEqual([]);
	});

	it('a new build is fetched in the background, offered with a notice, and shown after Reload', async () => {
		const server = await servedCopy();
		const g = await guardedPage(suite.browser, undefined, { serviceWorkers: 'allow' });
		cleanups.push(g.close);
		await visit(g, `${server.url}/activations`);
		const [oldCache] = await waitForOffline(g.page);

		// A new build: a new version inside the worker, and a changed page.
		const { version } = JSON.parse(readFileSync(join(server.dir, '_app/version.json'), 'utf8'));
		const next = String(Number(version) + 1);
		const worker = join(server.dir, 'service-worker.js');
		writeFileSync(worker, readFileSync(worker, 'utf8').replaceAll(version, next));
		const page = join(server.dir, 'activations.html');
		writeFileSync(
			page,
			readFileSync(page, 'utf8').replace('<head>', '<head><meta name="flipshift-build" content="new">')
		);

		await g.page.reload();
		await g.page.getByTestId('update-notice').waitFor({ timeout: 30_000 });
		// Until the teacher reloads, the page stays on the build it started with.
		expect(await g.page.locator('meta[name="flipshift-build"]').count()).toBe(0);
		await g.page.screenshot({ path: `${SCREENS}/update-notice.png` });
		await Promise.all([
			g.page.waitForEvent('load'),
			g.page.getByTestId('update-notice').getByRole('button', { name: 'Reload' }).click()
		]);
		await g.page.locator('meta[name="flipshift-build"]').waitFor({ state: 'attached' });
		await g.page.locator('html[data-hydrated="true"] main').waitFor();
		expect(await g.page.evaluate(() => caches.keys())).toEqual([`flipshift-${next}`]);
		expect(oldCache).toBe(`flipshift-${version}`);
		expect(await g.page.getByTestId('update-notice').count()).toBe(0);
		expect(g.errors).toEqual([]);
	});
});
