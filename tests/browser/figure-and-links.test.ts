import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { CONCEPTS, isAvailable } from '$lib/concepts/registry';
import { browserSuite, KERNELS, SCREENS, type ThemeName } from './harness';

const base = inject('baseUrl');
const { withPage } = browserSuite();
/** A result still being computed is written as … standing alone, not glued to a word. */
const PENDING = /(^|[^\p{L}])…/mu;

/** The explainer's whole text: every read-out on screen, in page order. */
const readouts = (page: Page) => page.locator('.live').innerText();

/** Opens a page and waits until the explainer is live and its text has stopped changing. */
async function open(page: Page, url: string) {
	await page.goto(url);
	await page
		.locator('html[data-hydrated="true"] .live svg, html[data-hydrated="true"] .live canvas')
		.first()
		.waitFor();
	await page.waitForFunction(() => [...new URL(location.href).searchParams.keys()].some((k) => k !== 'step'));
	await settled(page);
}

/** Waits until the read-outs are the same twice in a row, 300 ms apart, with no result pending (a lone …; a label such as “Load model file…” does not count). */
async function settled(page: Page) {
	let last = '';
	await expect
		.poll(
			async () => {
				const now = await readouts(page);
				const stable = now === last && !PENDING.test(now);
				last = now;
				return stable;
			},
			{ ...KERNELS, interval: 300 }
		)
		.toBe(true);
	return last;
}

async function dragBy(page: Page, selector: string, dx: number, dy: number) {
	const box = await page.locator(selector).first().boundingBox();
	if (!box) throw new Error(`${selector} is not on screen`);
	const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
	await page.mouse.move(x, y);
	await page.mouse.down();
	await page.mouse.move(x + dx, y + dy, { steps: 7 });
	await page.mouse.up();
}

async function typeTap(page: Page, value: string) {
	const field = page.getByTestId('kernel-taps').locator('input').first();
	await field.fill(value);
	await field.press('Tab');
}

/** Per concept: a page and an interaction that lands between the values the link can write. */
const CHANGES: Record<string, { path: string; change: (page: Page) => Promise<void> }> = {
	activations: { path: '/activations?step=4', change: (p) => dragBy(p, '.live [role="slider"]', 40, 0) },
	projections: {
		path: '/projections?step=3',
		change: (p) => dragBy(p, '[data-testid="handle-w1"]', -41.7, 29.3)
	},
	shift: { path: '/shift?step=2', change: (p) => dragBy(p, '[data-testid="image-plot"] .hit', 83.3, 0) },
	'continuous-convolution': {
		path: '/continuous-convolution?step=4',
		change: (p) => dragBy(p, '[data-testid="tau-plot"] .hit', -117.3, 0)
	},
	'discrete-convolution': { path: '/discrete-convolution?step=5', change: (p) => typeTap(p, '0.1234567') },
	'matched-filter': {
		path: '/matched-filter?step=3&snr=-3.14159',
		change: (p) => dragBy(p, '[data-testid="threshold"]', 0, -23.7)
	},
	correlation: { path: '/correlation?step=4', change: (p) => typeTap(p, '-1.333333333') }
};

describe('a link reopens the exact view', () => {
	it.each(Object.keys(CHANGES))(
		'%s: after a change, reloading its URL shows the same read-outs',
		async (slug) => {
			await withPage(async ({ page }) => {
				const { path, change } = CHANGES[slug];
				await open(page, base + path);
				const before = await readouts(page);
				const urlBefore = page.url();
				await change(page);
				// The URL is written once the settings have been still for a moment.
				await expect.poll(() => page.url(), KERNELS).not.toBe(urlBefore);
				const shown = await settled(page);
				expect(shown).not.toBe(before);
				await page.waitForTimeout(400);
				const link = page.url();
				await open(page, link);
				expect(await readouts(page)).toBe(shown);
				expect(page.url()).toBe(link);
			});
		}
	);
});

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Starts an export with `trigger` and returns the two downloads, PNG and SVG. */
async function exportWith(
	page: Page,
	trigger: () => Promise<void>
): Promise<Record<'png' | 'svg', Download>> {
	const downloads: Download[] = [];
	const collect = (d: Download) => downloads.push(d);
	page.on('download', collect);
	await trigger();
	await expect.poll(() => downloads.length, KERNELS).toBe(2);
	page.off('download', collect);
	const png = downloads.find((d) => d.suggestedFilename().endsWith('.png'));
	const svg = downloads.find((d) => d.suggestedFilename().endsWith('.svg'));
	if (!png || !svg)
		throw new Error(`expected a .png and a .svg, got ${downloads.map((d) => d.suggestedFilename())}`);
	return { png, svg };
}

async function checkFigure(page: Page, files: Record<'png' | 'svg', Download>, slug: string, step: number) {
	for (const d of Object.values(files)) {
		expect(d.suggestedFilename()).toMatch(new RegExp(`^${slug}-step${step}(-[A-Za-z0-9.-]+)*\\.(png|svg)$`));
		expect(d.suggestedFilename().length).toBeLessThanOrEqual(124);
	}
	const png = await readFile(await files.png.path());
	expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
	// IHDR: width and height, big-endian, at bytes 16 and 20; the PNG is drawn at twice the CSS size.
	const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
	const live = await page.locator('.live').boundingBox();
	expect(width).toBe(2 * Math.round(live!.width));
	expect(height).toBe(2 * Math.round(live!.height));
	const svgText = await readFile(await files.svg.path(), 'utf8');
	const parsed = await page.evaluate(async (text) => {
		const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
		return {
			error: doc.querySelector('parsererror')?.textContent ?? null,
			root: doc.documentElement.nodeName,
			plots: doc.documentElement.querySelectorAll(':scope > svg, :scope > image').length,
			// A picture decodes: the browser can draw it as an image.
			drawn: await new Promise<number>((resolve) => {
				const image = new Image();
				image.onload = () => resolve(image.naturalWidth);
				image.onerror = () => resolve(-1);
				image.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
			})
		};
	}, svgText);
	expect(parsed).toMatchObject({ error: null, root: 'svg' });
	expect(parsed.plots).toBeGreaterThan(0);
	expect(parsed.drawn).toBe(Math.round(live!.width));
}

describe('export the figure', () => {
	const available = CONCEPTS.filter(isAvailable).map((c) => c.slug);

	it.each(['light', 'projector'] as ThemeName[])(
		'E and the Export button save a PNG and an SVG of every available concept (%s)',
		async (theme) => {
			await withPage(async ({ page }) => {
				for (const [i, slug] of available.entries()) {
					await open(page, `${base}/${slug}?step=2`);
					const viaKey = i % 2 === 0;
					const files = await exportWith(page, async () => {
						if (viaKey) await page.keyboard.press('e');
						else await page.getByTestId('export-figure').click();
					});
					await checkFigure(page, files, slug, 2);
					await files.png.saveAs(`${SCREENS}/export-${slug}-${theme}.png`);
					await files.svg.saveAs(`${SCREENS}/export-${slug}-${theme}.svg`);
				}
			}, theme);
		},
		300_000
	);

	it('the file name carries the settings: activations at x=0.94, α=0.1 step 2', async () => {
		await withPage(async ({ page }) => {
			await open(page, `${base}/activations?step=2&x=0.943&alpha=0.1`);
			const files = await exportWith(page, () => page.keyboard.press('E'));
			expect(files.png.suggestedFilename()).toBe('activations-step2-x0.94-alpha0.1.png');
			expect(files.svg.suggestedFilename()).toBe('activations-step2-x0.94-alpha0.1.svg');
		});
	});
});
