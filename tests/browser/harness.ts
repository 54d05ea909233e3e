import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Software WebGL2 and WebGPU, and nothing that talks to the network on its own. */
export const CHROMIUM_ARGS = [
	'--disable-gpu',
	'--enable-unsafe-swiftshader',
	'--enable-unsafe-webgpu',
	'--no-sandbox',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export function launchBrowser(): Promise<Browser> {
	return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
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

/** A fresh page (own context, so storage is clean) that records errors and blocks outside requests. */
export async function guardedPage(
	browser: Browser,
	viewport = { width: 1280, height: 720 }
): Promise<GuardedPage> {
	const context = await browser.newContext({ viewport });
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
