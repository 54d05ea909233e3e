import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { CONCEPTS, stepCount } from '$lib/concepts/registry';
import { browserSuite } from './harness';

const base = inject('baseUrl');
const { withPage } = browserSuite();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Finding {
	id: string;
	impact: string;
	help: string;
	targets: string[];
}

/** Every page of the deck in order, as the registry lists it: concepts that land later are covered too. */
const PAGES = CONCEPTS.flatMap((c) =>
	Array.from({ length: stepCount(c) }, (_, step) => ({ slug: c.slug, step }))
);

/** Waits until the page shows `slug` step `step` with its explainer (or its placeholder) drawn. */
async function settle(page: Page, slug: string, step: number) {
	await page.waitForFunction(
		([s, n]) => location.pathname.endsWith(`/${s}`) && new URL(location.href).searchParams.get('step') === n,
		[slug, String(step + 1)] as const
	);
	await page.waitForFunction(
		() => document.documentElement.dataset.hydrated === 'true' && !document.querySelector('.live .loading')
	);
	await page.waitForTimeout(200);
}

async function axe(page: Page): Promise<Finding[]> {
	return page.evaluate(async () => {
		const w = window as unknown as {
			axe: {
				run: (
					ctx: unknown,
					opts: unknown
				) => Promise<{
					violations: { id: string; impact: string; help: string; nodes: { target: unknown[] }[] }[];
				}>;
			};
		};
		const result = await w.axe.run(document, { resultTypes: ['violations'] });
		return result.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => ({
				id: v.id,
				impact: v.impact,
				help: v.help,
				targets: v.nodes.map((n) => n.target.join(' '))
			}));
	});
}

it.each(['light', 'projector'] as const)(
	'axe-core finds no serious or critical violation on any concept and step (%s theme)',
	async (theme) => {
		await withPage(async ({ page }) => {
			const report: string[] = [];
			// The index first; → opens the first concept within the same page, so axe stays loaded.
			await page.goto(`${base}/`);
			await page.locator('html[data-hydrated="true"] main').waitFor();
			expect(await page.evaluate(() => document.documentElement.dataset.theme ?? 'light')).toBe(theme);
			await page.addScriptTag({ path: AXE });
			for (const f of await axe(page)) {
				report.push(`index: ${f.id} (${f.impact}: ${f.help}) at ${f.targets.slice(0, 6).join(' | ')}`);
			}
			await page.keyboard.press('ArrowRight');
			for (let i = 0; i < PAGES.length; i++) {
				const { slug, step } = PAGES[i];
				await settle(page, slug, step);
				for (const f of await axe(page)) {
					report.push(
						`${slug} step ${step + 1}: ${f.id} (${f.impact}: ${f.help}) at ${f.targets.slice(0, 6).join(' | ')}`
					);
				}
				// PgDn, as a clicker sends it: the deck moves on within this one page, axe stays loaded.
				if (i < PAGES.length - 1) {
					await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
					await page.keyboard.press('PageDown');
				}
			}
			expect(report.join('\n')).toBe('');
		}, theme);
	},
	600_000
);
