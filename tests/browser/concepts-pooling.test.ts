import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { describeConceptSteps } from './concept-steps';
import { browserSuite, openConcept, SCREENS } from './harness';

const base = inject('baseUrl');
const SLUGS = ['pooling-backward', 'p-norm', 'conv-1x1'] as const;
const { withPage } = browserSuite();

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
const text = (page: Page, testid: string) => page.getByTestId(testid).first().textContent();

const open = (page: Page, path: string) => openConcept(page, base + path, 'ready');

/** Reloads the page's own URL and waits for the explainer again. */
async function reopen(page: Page) {
	const url = new URL(page.url());
	await open(page, url.pathname + url.search);
}

/** The centre of cell (row, col) of the grid with this test id. */
async function cellCentre(page: Page, testid: string, row: number, col: number, rows: number, cols: number) {
	const box = await page.getByTestId(testid).locator('svg').first().boundingBox();
	if (!box) throw new Error(`${testid} is not on screen`);
	return { x: box.x + ((col + 0.5) * box.width) / cols, y: box.y + ((row + 0.5) * box.height) / rows };
}

/** Gives the batched URL write (after 250 ms of quiet) time to land. */
const urlSettles = (page: Page) => page.waitForTimeout(600);

describeConceptSteps(SLUGS, open, withPage);

describe('pooling-backward interactions', () => {
	it('step 2: ∂L/∂x is 0 except at the window winners and its sum equals the sum of ∂L/∂y', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/pooling-backward?step=3');
			expect(await text(page, 'sums')).toBe('Σ ∂L/∂y = 3 · Σ ∂L/∂x = 3');
			expect(await page.getByTestId('route-arrow').count()).toBe(9);
		});
	});

	it('step 4 states the tie rule and marks the losing 7; clicking y(1,1) moves the focus into the URL', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/pooling-backward?step=4');
			expect(await text(page, 'tie-rule')).toContain('first max in row-major order wins');
			expect(await text(page, 'readout')).toContain('window (0, 1): max 7 at x(0, 3)');
			expect(await page.getByTestId('tied-loser').count()).toBe(1);
			const c = await cellCentre(page, 'grid-y', 1, 1, 3, 3);
			await page.mouse.click(c.x, c.y);
			await expect.poll(() => param(page, 'focus')).toBe('o4');
			await page.mouse.move(0, 0);
			expect(await text(page, 'readout')).toContain('window (1, 1): max 9 at x(3, 3)');
		});
	});

	it('step 5 (size 3, stride 1): the 9 at (3,3) gathers 9 gradients; typing 7 on ∂L/∂y edits g and survives a reload', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/pooling-backward?step=5');
			expect(param(page, 'size')).toBe('3');
			expect(param(page, 'stride')).toBe('1');
			expect(await text(page, 'readout')).toMatch(/^∂L\/∂x\(3, 3\) = (.+ \+ ){8}.+ = /);
			const c = await cellCentre(page, 'grid-dy', 0, 0, 4, 4);
			await page.mouse.click(c.x, c.y);
			await page.keyboard.press('7');
			await expect.poll(() => param(page, 'g')?.split(',')[0]).toBe('7');
			await page.keyboard.press('-');
			await expect.poll(() => param(page, 'g')?.split(',')[0]).toBe('-7');
			await urlSettles(page);
			const sums = await text(page, 'sums');
			await reopen(page);
			expect(await text(page, 'sums')).toBe(sums);
			expect(param(page, 'g')?.split(',')[0]).toBe('-7');
		});
	});

	it('step 6: the stride select changes the output and the URL; arrow keys on x move the focus', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/pooling-backward?step=6&size=2&stride=2&focus=i0');
			await page.getByLabel('stride').selectOption('1');
			await expect.poll(() => param(page, 'stride')).toBe('1');
			expect(await page.getByTestId('grid-y').getAttribute('data-rows')).toBe('5');
			await page.getByTestId('grid-x').locator('svg').focus();
			await page.keyboard.press('ArrowRight');
			await expect.poll(() => param(page, 'focus')).toBe('i1');
			expect(param(page, 'step')).toBe('6');
		});
	});
});

describe('p-norm interactions', () => {
	it('the slider reaches ∞ (p=inf in the URL), the ball becomes the square and the read-out the max', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/p-norm?step=1&pt=0.6,0.8');
			expect(await page.getByTestId('point-norms').textContent()).toContain('‖x‖2' + '1');
			const slider = page.getByRole('slider', { name: 'p', exact: true });
			await slider.focus();
			await page.keyboard.press('End');
			await expect.poll(() => param(page, 'p')).toBe('inf');
			const rows = await page.getByTestId('point-norms').locator('tr').allTextContents();
			expect(rows[3]).toBe('‖x‖∞ (your p)0.8');
			await reopen(page);
			expect(param(page, 'p')).toBe('inf');
			expect((await page.getByTestId('point-norms').locator('tr').allTextContents())[3]).toBe(
				'‖x‖∞ (your p)0.8'
			);
		});
	});

	it('dragging the point moves pt; arrow keys on the picture move it by 0.05', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/p-norm?step=1&pt=0,0');
			const box = await page.getByTestId('unit-ball').boundingBox();
			if (!box) throw new Error('no unit ball');
			await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.3);
			await page.mouse.down();
			await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.25, { steps: 4 });
			await page.mouse.up();
			await expect.poll(() => Number(param(page, 'pt')?.split(',')[0])).toBeGreaterThan(0.5);
			await page.getByTestId('unit-ball').focus();
			const before = Number(param(page, 'pt')?.split(',')[1]);
			await page.keyboard.press('ArrowUp');
			await expect.poll(() => Number(param(page, 'pt')?.split(',')[1])).toBeCloseTo(before + 0.05, 6);
		});
	});

	it('step 4: pooled p sits between max and sum; the p = 1 preset makes it the sum; a reload keeps the numbers', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/p-norm?step=4');
			const readout = await text(page, 'window-readout');
			const [sum, atP, max] = (readout ?? '')
				.match(/sum ([\d.]+) · ‖·‖4 = ([\d.]+) · max ([\d.]+)/)!
				.slice(1)
				.map(Number);
			expect(atP).toBeGreaterThanOrEqual(max);
			expect(atP).toBeLessThanOrEqual(sum);
			await page.getByRole('button', { name: 'p = 1', exact: true }).click();
			await expect.poll(() => param(page, 'p')).toBe('1');
			expect(await text(page, 'window-readout')).toContain(`‖·‖1 = ${sum} ·`);
			const c = await cellCentre(page, 'pooled-p', 1, 2, 4, 4);
			await page.mouse.click(c.x, c.y);
			await expect.poll(() => param(page, 'w')).toBe('6');
			const after = await text(page, 'window-readout');
			await reopen(page);
			expect(await text(page, 'window-readout')).toBe(after);
		});
	});
});

describe('p-norm at large p', () => {
	it.each(['light', 'projector'] as const)(
		'webgl2 forced, 4×4 pool: ← from ∞ gives p=100; pooled values finite, between max and 16^(1/100)·max; a reload keeps them (%s, screenshot)',
		async (theme) => {
			await withPage(async ({ page }) => {
				await page.addInitScript(() => localStorage.setItem('flipshift:backend', 'webgl2'));
				await open(page, '/p-norm?step=5&size=4&w=1');
				const slider = page.getByRole('slider', { name: 'p', exact: true });
				await slider.focus();
				await page.keyboard.press('End');
				await expect.poll(() => param(page, 'p')).toBe('inf');
				await page.keyboard.press('ArrowLeft');
				await expect.poll(() => param(page, 'p')).toBe('100');
				await expect.poll(() => text(page, 'window-readout')).toContain('‖·‖100 =');
				expect(await text(page, 'backend-badge')).toContain('webgl2');
				const readout = (await text(page, 'window-readout')) ?? '';
				const [, atP, max] = readout
					.match(/sum ([\d.]+) · ‖·‖100 = ([\d.]+) · max ([\d.]+)/)!
					.slice(1)
					.map(Number);
				expect(atP).toBeGreaterThanOrEqual(max);
				expect(atP).toBeLessThanOrEqual(max * 16 ** (1 / 100) + 0.01);
				const pooled = (await page.getByTestId('pooled-p').textContent()) ?? '';
				expect(pooled).not.toMatch(/∞|NaN|Infinity/);
				await page.screenshot({ path: `${SCREENS}/p-norm-p100-${theme}.png` });
				await urlSettles(page);
				await reopen(page);
				expect(param(page, 'p')).toBe('100');
				expect(await text(page, 'window-readout')).toBe(readout);
			}, theme);
		}
	);
});

describe('conv-1x1 interactions', () => {
	it('the product table sums to the output cell; editing a weight changes y and the URL, and a reload keeps it', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/conv-1x1?step=2');
			const result = await text(page, 'result');
			const cell = await page.getByTestId('output-1').locator('text').nth(12).textContent();
			expect(cell).toBe(result);
			const field = page.getByTestId('kernel-taps').locator('input').first();
			await field.fill('2');
			await field.press('Enter');
			await expect.poll(() => param(page, 'w')?.split(',')[0]).toBe('2');
			await expect.poll(() => text(page, 'result')).not.toBe(result);
			const changed = await text(page, 'result');
			await reopen(page);
			expect(await text(page, 'result')).toBe(changed);
		});
	});

	it('K and F selects change the counts live: K=8, F=3 gives 27 parameters and 600 multiply–adds', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/conv-1x1?step=5');
			expect(await text(page, 'params')).toBe('10');
			await page.getByTestId('k').selectOption('8');
			await page.getByTestId('f').selectOption('3');
			await expect.poll(() => text(page, 'params')).toBe('27');
			expect(await text(page, 'macs')).toBe('600');
			await expect.poll(() => param(page, 'k')).toBe('8');
			expect(param(page, 'f')).toBe('3');
		});
	});

	it('arrow keys on a channel move the focused pixel (px in the URL) and the products follow', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/conv-1x1?step=3&px=12');
			await page.getByTestId('channel-1').locator('svg').focus();
			await page.keyboard.press('ArrowRight');
			await expect.poll(() => param(page, 'px')).toBe('13');
			expect(await page.getByTestId('products').textContent()).toContain('y₁(2, 3)');
			expect(param(page, 'step')).toBe('3');
		});
	});
});
