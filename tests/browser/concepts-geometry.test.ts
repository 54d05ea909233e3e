import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findConcept } from '$lib/concepts/registry';
import { guardedPage, launchBrowser, type GuardedPage } from './harness';

const SCREENS = 'test-results/screens';
const base = inject('baseUrl');
const SLUGS = ['projections', 'shift', 'continuous-convolution'] as const;
let browser: Browser;

beforeAll(async () => {
	mkdirSync(SCREENS, { recursive: true });
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function withPage(body: (g: GuardedPage) => Promise<void>, theme: 'light' | 'projector' = 'light') {
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

const search = (page: Page) => new URL(page.url()).searchParams;

async function open(page: Page, path: string) {
	await page.goto(base + path);
	await page.locator('.live svg').first().waitFor();
	// The explainer writes its settings into the URL once mounted (batched): then it is live.
	await page.waitForFunction(() => [...new URL(location.href).searchParams.keys()].some((k) => k !== 'step'));
	await page.waitForTimeout(250);
}

/** Drags from the centre of `selector` by (dx, dy) pixels in `steps` moves. */
async function dragBy(page: Page, selector: string, dx: number, dy: number, steps = 10) {
	const box = await page.locator(selector).first().boundingBox();
	if (!box) throw new Error(`${selector} is not on screen`);
	const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
	await page.mouse.move(x, y);
	await page.mouse.down();
	await page.mouse.move(x + dx, y + dy, { steps });
	await page.mouse.up();
	await page.waitForTimeout(150);
}

describe.each(SLUGS)('%s', (slug) => {
	const count = findConcept(slug)?.steps.length ?? 0;

	it.each(['light', 'projector'] as const)(
		`every step renders without errors, screenshots (%s)`,
		async (theme) => {
			expect(count).toBeGreaterThan(0);
			await withPage(async ({ page }) => {
				for (let n = 1; n <= count; n++) {
					await open(page, `/${slug}?step=${n}`);
					expect(await page.locator('.narration h2').textContent()).toContain(`Step ${n} of ${count}`);
					await page.screenshot({ path: `${SCREENS}/${slug}-step${n}-${theme}.png` });
				}
			}, theme);
		}
	);

	it(`→ and ← move through the ${slug} steps and keep the settings in the URL`, async () => {
		await withPage(async ({ page }) => {
			await open(page, `/${slug}?step=1`);
			const settings = [...search(page).keys()].filter((k) => k !== 'step');
			expect(settings.length).toBeGreaterThan(0);
			await page.keyboard.press('ArrowRight');
			await page.waitForURL(/step=2/);
			await page.keyboard.press('ArrowLeft');
			await page.waitForURL(/step=1/);
			for (const k of settings) expect(search(page).has(k)).toBe(true);
		});
	});
});

describe('projections interactions', () => {
	it('dragging the w1 arrow head (+120 px, −60 px) changes w1x/w1y in the URL and the J readout', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/projections?step=3');
			const before = [search(page).get('w1x'), search(page).get('w1y')];
			const jBefore = await page.getByTestId('j-user').textContent();
			await dragBy(page, '[data-testid="handle-w1"]', 120, -60);
			await page.waitForFunction((b) => new URL(location.href).searchParams.get('w1x') !== b, before[0]);
			expect(search(page).get('w1y')).not.toBe(before[1]);
			expect(await page.getByTestId('j-user').textContent()).not.toBe(jBefore);
		});
	});

	it('step 4 (no ReLU) shows equal outputs, step 5 with relu=1 on pt=3 differs or agrees consistently', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/projections?step=4&pt=3');
			expect(await page.getByTestId('stacked').textContent()).toBe(
				await page.getByTestId('merged').textContent()
			);
			await page.keyboard.press('ArrowRight');
			await page.waitForURL(/step=5/);
			expect(Number(await page.getByTestId('disagree').locator('strong').textContent())).toBeGreaterThan(0);
		});
	});

	it('a link with seed=12&w1x=-1&w1y=2 reopens with those settings', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/projections?step=1&seed=12&w1x=-1&w1y=2');
			expect(search(page).get('seed')).toBe('12');
			expect(search(page).get('w1x')).toBe('-1');
			expect(search(page).get('w1y')).toBe('2');
		});
	});
});
