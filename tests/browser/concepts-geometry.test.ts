import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { describeConceptSteps } from './concept-steps';
import { browserSuite, KERNELS, openConcept } from './harness';

const base = inject('baseUrl');
const SLUGS = ['projections', 'shift', 'continuous-convolution'] as const;
const { withPage } = browserSuite();

const search = (page: Page) => new URL(page.url()).searchParams;

const open = (page: Page, path: string) => openConcept(page, base + path, 'badge');

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

describeConceptSteps(SLUGS, open, withPage);

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

	it('the w1 handle takes the keyboard: ↑↑ and Shift+→ move w1 by 1/50 and 1/5 of the axis, not the step', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/projections?step=3&w1x=1&w1y=0');
			await page.focus('[data-testid="handle-w1"]');
			await page.keyboard.press('ArrowUp');
			await page.keyboard.press('ArrowUp');
			await page.keyboard.press('Shift+ArrowRight');
			await page.waitForFunction(() => new URL(location.href).searchParams.get('w1x') === '2.6');
			expect(search(page).get('w1y')).toBe('0.32');
			expect(search(page).get('step')).toBe('3');
		});
	});

	it('step 4 pt=3 (no ReLU): vᵀ(Wᵀx) = (Wv)ᵀx; step 5 (ReLU on): the layers disagree on some points', async () => {
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

describe('shift interactions', () => {
	it('dragging the image plot 150 px right moves pos in the URL and lowers wᵀx', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/shift?step=2');
			expect(search(page).get('pos')).toBe('6');
			const before = await page.getByTestId('response').textContent();
			await dragBy(page, '[data-testid="image-plot"] .hit', 150, 0);
			await page.waitForFunction(() => new URL(location.href).searchParams.get('pos') !== '6');
			expect(await page.getByTestId('response').textContent()).not.toBe(before);
		});
	});

	it('step 4 at pos=2: the kernel column matches the rows (max |difference| = 0.0000); dragging the grid moves pos', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/shift?step=4&pos=2');
			await expect.poll(() => page.getByTestId('max-difference').textContent(), KERNELS).toContain('0.0000');
			await dragBy(page, '[data-testid="rows-drag"]', 200, 0);
			await page.waitForFunction(() => new URL(location.href).searchParams.get('pos') !== '2');
			await expect.poll(() => page.getByTestId('max-difference').textContent(), KERNELS).toContain('0.0000');
		});
	});
});

describe('continuous-convolution interactions', () => {
	it('dragging across the τ plot (−200 px) moves t in the URL and changes (f∗g)(t)', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/continuous-convolution?step=4');
			await expect.poll(() => page.getByTestId('output-value').textContent(), KERNELS).not.toBe('…');
			const before = await page.getByTestId('output-value').textContent();
			await dragBy(page, '[data-testid="tau-plot"] .hit', -200, 0);
			await page.waitForFunction(() => new URL(location.href).searchParams.get('t') !== '0.6');
			expect(await page.getByTestId('output-value').textContent()).not.toBe(before);
		});
	});

	it('box ∗ box at t=0 reads 1.990 (the triangle’s peak 2, within DT/2); choosing g=box writes g=box', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/continuous-convolution?step=5&t=0');
			await page.getByTestId('preset-g-box').click();
			await page.waitForFunction(() => new URL(location.href).searchParams.get('g') === 'box');
			await expect.poll(() => page.getByTestId('output-value').textContent(), KERNELS).toBe('1.990');
		});
	});

	it('play advances t, pause stops it, step-once moves it by one tick', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/continuous-convolution?step=3&t=-4&speed=8');
			await page.getByTestId('play').click();
			await page.waitForTimeout(600);
			await page.getByTestId('play').click();
			const paused = Number(await page.getByTestId('t-value').textContent());
			expect(paused).toBeGreaterThan(-4);
			await page.waitForTimeout(400);
			expect(Number(await page.getByTestId('t-value').textContent())).toBe(paused);
			await page.getByTestId('step-once').click();
			expect(Number(await page.getByTestId('t-value').textContent())).toBeCloseTo(paused + 0.2, 6);
		});
	});
});
