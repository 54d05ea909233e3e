import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findConcept } from '$lib/concepts/registry';
import { SCREENS, type GuardedPage, type ThemeName } from './harness';

type WithPage = (body: (g: GuardedPage) => Promise<void>, theme?: ThemeName) => Promise<void>;

/**
 * The tests every explainer gets: each step renders in both themes (with a screenshot), and
 * → / ← move through the steps while the demo's settings stay in the URL. `open` loads a path
 * and waits until that explainer is live.
 */
export function describeConceptSteps(
	slugs: readonly string[],
	open: (page: Page, path: string) => Promise<void>,
	withPage: WithPage
): void {
	describe.each(slugs)('%s', (slug) => {
		const count = findConcept(slug)?.steps.length ?? 0;

		it.each(['light', 'projector'] as const)(
			'every step renders without errors, screenshots (%s)',
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
				const search = () => new URL(page.url()).searchParams;
				const settings = [...search().keys()].filter((k) => k !== 'step');
				expect(settings.length).toBeGreaterThan(0);
				await page.keyboard.press('ArrowRight');
				await page.waitForURL(/step=2/);
				await page.keyboard.press('ArrowLeft');
				await page.waitForURL(/step=1/);
				for (const k of settings) expect(search().has(k)).toBe(true);
			});
		});
	});
}
