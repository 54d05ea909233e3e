import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { describeConceptSteps } from './concept-steps';
import { browserSuite, openConcept } from './harness';

const base = inject('baseUrl');
const SLUGS = ['discrete-convolution', 'matched-filter', 'correlation'] as const;
const { withPage } = browserSuite();

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

const open = (page: Page, path: string) => openConcept(page, base + path, 'ready');

/** Presses at `fx` of the width of `selector`, moves by dx pixels in `steps` moves, releases. */
async function dragAcross(page: Page, selector: string, fx: number, dx: number, steps = 10) {
	const box = await page.locator(selector).first().boundingBox();
	if (!box) throw new Error(`${selector} is not on screen`);
	const [x, y] = [box.x + box.width * fx, box.y + box.height / 2];
	await page.mouse.move(x, y);
	await page.mouse.down();
	await page.mouse.move(x + dx, y, { steps });
	await page.mouse.up();
	await page.waitForTimeout(300);
}

/** Gives the batched URL write (after 250 ms of quiet) time to land; positive checks poll instead. */
const urlSettles = (page: Page) => page.waitForTimeout(600);

describeConceptSteps(SLUGS, open, withPage);

describe('discrete-convolution interactions', () => {
	it('dragging the upper plot 250 px right from n=2 moves n, the URL and the written-out sum', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/discrete-convolution?step=3&n=2');
			const before = await page.getByTestId('sum').textContent();
			expect(before).toBe('y[2] = 1·0.25 + 2·0.5 + 3·1 = 4.25');
			await dragAcross(page, '[data-testid=upper-plot] .hit', 0.3, 250);
			await expect.poll(() => Number(param(page, 'n'))).toBeGreaterThan(2);
			const n = Number(param(page, 'n'));
			expect(n).toBeGreaterThan(2);
			expect(await page.getByTestId('sum').textContent()).toMatch(new RegExp(`^y\\[${n}\\] = `));
		});
	});

	it('ArrowRight on the focused plot moves n by one and does not change the step', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/discrete-convolution?step=4&n=2');
			await page.locator('[data-testid=lower-plot] .hit').focus();
			await page.keyboard.press('ArrowRight');
			await expect.poll(() => param(page, 'n')).toBe('3');
			expect(param(page, 'step')).toBe('4');
		});
	});

	it('pasting "1, 2, abc" says which token is wrong and keeps x; "4 5 6" is used and survives a reload', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/discrete-convolution?step=5');
			const field = page.getByTestId('signal-input').locator('input');
			await field.fill('1, 2, abc');
			await field.press('Enter');
			await expect
				.poll(() => page.getByRole('alert').textContent())
				.toContain('"abc" (value 3) is not a number');
			await urlSettles(page);
			expect(param(page, 'x')).toBe('1,2,3,1,0,2');
			await field.fill('4 5 6');
			await field.press('Enter');
			await expect.poll(() => param(page, 'x')).toBe('4,5,6');
			await page.reload();
			await open(page, new URL(page.url()).pathname + new URL(page.url()).search);
			expect(await page.getByTestId('signal-input').locator('input').inputValue()).toBe('4,5,6');
		});
	});

	it('play sweeps n forward and pause stops it', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/discrete-convolution?step=4&n=0&speed=8');
			await page.getByTestId('play').click();
			await page.waitForTimeout(700);
			await page.getByTestId('play').click();
			await urlSettles(page);
			const n = Number(param(page, 'n'));
			expect(n).toBeGreaterThan(0);
			await page.waitForTimeout(500);
			expect(Number(param(page, 'n'))).toBe(n);
		});
	});
});

describe('matched-filter interactions', () => {
	it('dragging the filter along the signal moves p in the URL (step 2)', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/matched-filter?step=2&p=0');
			await dragAcross(page, '[data-testid=signal-plot] .hit', 0.1, 400);
			await expect.poll(() => Number(param(page, 'p'))).toBeGreaterThan(100);
		});
	});

	it('dragging the threshold line up raises thr; "New noise" moves to the next seed; step 4 reveals', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/matched-filter?step=4&thr=0.6&seed=1');
			expect(await page.getByTestId('readout').textContent()).toContain('found it');
			const line = await page.getByTestId('threshold').boundingBox();
			if (!line) throw new Error('no threshold line');
			await page.mouse.move(line.x + 300, line.y + line.height / 2);
			await page.mouse.down();
			await page.mouse.move(line.x + 300, line.y - 30, { steps: 5 });
			await page.mouse.up();
			await expect.poll(() => Number(param(page, 'thr'))).toBeGreaterThan(0.6);
			await page.getByTestId('new-noise').click();
			await expect.poll(() => param(page, 'seed')).toBe('2');
			expect(await page.locator('.live').textContent()).toContain('hidden at');
		});
	});

	it('a pasted 200-value signal goes to localStorage (x=stored) and comes back after a reload', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/matched-filter?step=5');
			const values = Array.from({ length: 200 }, (_, i) => (i % 9) - 4).join(' ');
			await page.getByTestId('signal-input').locator('input').fill(values);
			await page.getByTestId('signal-input').locator('input').press('Enter');
			await expect.poll(() => param(page, 'x')).toBe('stored');
			await page.reload();
			await page.waitForTimeout(800);
			expect(await page.locator('.live').textContent()).toContain('200 pasted values');
		});
	});
});

describe('correlation interactions', () => {
	it('dragging in the convolution panel moves n in both panels; PageDown then shows identical outputs for [1,2,1], mirrored for [1,2,3]', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/correlation?step=1&n=5');
			await dragAcross(page, '[data-testid=panel-convolution] .hit', 0.5, 120);
			await expect.poll(() => Number(param(page, 'n'))).toBeGreaterThan(5);
			const n = Number(param(page, 'n'));
			expect(n).toBeGreaterThan(5);
			expect(await page.getByTestId('sum-convolution').textContent()).toMatch(new RegExp(`^y\\[${n}\\]`));
			expect(await page.getByTestId('sum-correlation').textContent()).toMatch(new RegExp(`^y\\[${n}\\]`));
			// The dragged plot has focus, so arrows move n; a clicker's PageDown still turns the page.
			await page.keyboard.press('PageDown');
			await page.waitForURL(/step=2/);
			await expect.poll(() => page.getByTestId('verdict').textContent()).toContain('identical outputs');
			await page.keyboard.press('PageDown');
			await page.waitForURL(/step=3/);
			await expect
				.poll(() => page.getByTestId('verdict').textContent())
				.toContain('convolution flips h to [3, 2, 1]');
		});
	});
});
