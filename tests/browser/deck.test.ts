import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { CONCEPTS } from '$lib/concepts/registry';
import { SCREENS, browserSuite, guardedPage } from './harness';

const base = inject('baseUrl');
const suite = browserSuite();
const withPage = suite.withPage;

const search = (page: Page) => new URL(page.url()).searchParams;
const pathOf = (page: Page) => new URL(page.url()).pathname;
const indicator = (page: Page) => page.getByTestId('step-indicator');

async function open(page: Page, path: string) {
	await page.goto(base + path);
	await page.locator('html[data-hydrated="true"] main').waitFor();
}

describe('index', () => {
	it.each(['light', 'projector'] as const)(
		'index lists the agenda and all concepts in order (%s)',
		async (theme) => {
			await withPage(async ({ page }) => {
				await open(page, '/');
				expect(await page.locator('h1').textContent()).toContain(
					'Convolutional and Recurrent Neural Networks'
				);
				const links = page.locator('.concepts a');
				expect(await links.count()).toBe(CONCEPTS.length);
				expect(await links.nth(0).getAttribute('href')).toMatch(/activations$/);
				expect(await page.locator('.agenda li').last().textContent()).toContain('this class');
				await page.screenshot({ path: `${SCREENS}/index-${theme}.png` });
			}, theme);
		}
	);

	it('→ on the index opens the first concept', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/');
			await page.keyboard.press('ArrowRight');
			await page.waitForURL(/\/activations\?step=1$/);
		});
	});
});

describe('every concept page', () => {
	for (const concept of CONCEPTS) {
		it(`${concept.slug} loads in both themes with no console error`, async () => {
			for (const theme of ['light', 'projector'] as const) {
				await withPage(async ({ page }) => {
					await open(page, `/${concept.slug}`);
					expect(await page.locator('h1').textContent()).toBe(concept.title);
					expect(await indicator(page).textContent()).toMatch(/^Step 1 of \d+$/);
					if (concept.steps.length === 0) {
						expect(await page.getByRole('status').first().textContent()).toContain('not available yet');
					} else {
						await page.locator('.live svg').first().waitFor();
					}
					expect(await page.title()).toContain(concept.title);
					await page.waitForTimeout(150);
					await page.screenshot({ path: `${SCREENS}/${concept.slug}-${theme}.png` });
				}, theme);
			}
		});
	}
});

describe('keys and URL', () => {
	it('→ ↓ PgDn Space go forward, ← ↑ PgUp back, Home/End jump, and the URL follows', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/activations');
			expect(await indicator(page).textContent()).toBe('Step 1 of 5');
			const expectStep = async (n: number) => {
				await page.waitForFunction((s) => new URL(location.href).searchParams.get('step') === s, String(n));
				expect(await indicator(page).textContent()).toBe(`Step ${n} of 5`);
			};
			for (const [key, step] of [
				['ArrowRight', 2],
				['ArrowDown', 3],
				['PageDown', 4],
				['ArrowLeft', 3],
				['ArrowUp', 2],
				['PageUp', 1],
				[' ', 2],
				['End', 5],
				['Home', 1]
			] as const) {
				await page.keyboard.press(key === ' ' ? 'Space' : key);
				await expectStep(step);
			}
			expect(await page.locator('.narration h2').textContent()).toContain('Why a non-linearity?');
		});
	});

	it('clicking Next moves one step, and Space with the button focused moves exactly one more', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/activations');
			await page.getByRole('button', { name: 'Next ›' }).click();
			await page.waitForURL(/step=2/);
			await page.keyboard.press('Space');
			await page.waitForURL(/step=3/);
			await page.waitForTimeout(300);
			expect(await indicator(page).textContent()).toBe('Step 3 of 5');
			await page.getByRole('button', { name: 'Step 5: Leaky ReLU' }).click();
			await page.waitForURL(/step=5/);
		});
	});

	it('after the last step → opens the next concept; ← there returns to the last step', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/activations?step=5');
			await page.keyboard.press('PageDown');
			await page.waitForURL(/\/projections\?step=1$/);
			expect(await page.locator('h1').textContent()).toBe('Projections and weights');
			await page.keyboard.press('PageUp');
			await page.waitForURL(/\/activations\?step=5$/);
			expect(await indicator(page).textContent()).toBe('Step 5 of 5');
		});
	});

	it('reload and back/forward keep URL and step in sync', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/activations');
			await page.keyboard.press('ArrowRight');
			await page.keyboard.press('ArrowRight');
			await page.waitForURL(/step=3/);
			await page.reload();
			expect(await indicator(page).textContent()).toBe('Step 3 of 5');
			await page.goBack();
			await page.waitForURL(/step=2/);
			expect(await indicator(page).textContent()).toBe('Step 2 of 5');
			await page.goBack();
			await page.waitForURL(/step=1/);
			expect(await indicator(page).textContent()).toBe('Step 1 of 5');
			await page.goForward();
			await page.waitForURL(/step=2/);
			expect(await indicator(page).textContent()).toBe('Step 2 of 5');
		});
	});

	it.each([
		['abc', 1],
		['-3', 1],
		['0', 1],
		['99', 5],
		['2.7', 3],
		['%E2%9C%93', 1]
	])('a malformed ?step=%s lands on step %i with no error page', async (raw, expected) => {
		await withPage(async ({ page }) => {
			await open(page, `/activations?step=${raw}`);
			expect(await indicator(page).textContent()).toBe(`Step ${expected} of 5`);
			expect(await page.locator('h1').textContent()).toBe('Non-linearities');
		});
	});

	it('malformed demo settings open the default view with a notice', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/activations?step=2&x=banana&alpha=7');
			await page.getByTestId('x-value').waitFor();
			expect(await page.getByTestId('x-value').textContent()).toBe('1.50');
			const notice = page.getByRole('status').filter({ hasText: 'not understood' });
			expect(await notice.textContent()).toMatch(/x="banana" is not a number.*alpha=7 is outside/);
		});
	});

	it.each(['/no-such-concept', '/deep/unknown/path?step=2'])(
		'an unknown path %s shows a 404 page with a way back, not a crash',
		async (path) => {
			const g = await guardedPage(suite.browser);
			try {
				const response = await g.page.goto(base + path);
				expect(response?.status()).toBe(404);
				await g.page.getByRole('heading', { name: 'Page not found' }).waitFor();
				const link = g.page.getByRole('link', { name: 'See all concepts of the lecture' });
				await link.click();
				await g.page.waitForURL(`${base}/`);
				// The only console error allowed is the browser's own note of the 404 response.
				expect(g.errors.filter((e) => !e.includes('404'))).toEqual([]);
				expect(g.external).toEqual([]);
			} finally {
				await g.close();
			}
		}
	);
});

describe('classroom keys', () => {
	it('P toggles the projector theme, which persists across reload and pages', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/activations');
			const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
			expect(await theme()).toBe('light');
			await page.keyboard.press('p');
			expect(await theme()).toBe('projector');
			const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
			expect(fontSize).toBeGreaterThanOrEqual(20);
			await page.reload();
			await page.locator('html[data-hydrated="true"] main').waitFor();
			expect(await theme()).toBe('projector');
			await open(page, '/');
			expect(await theme()).toBe('projector');
			await page.keyboard.press('P');
			expect(await theme()).toBe('light');
		});
	});

	it('projector theme text contrast is at least 7:1', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/activations?step=2');
			await page.locator('.readout td').first().waitFor();
			const ratios = await page.evaluate(() => {
				const lum = (css: string) => {
					const [r, g, b] = css
						.match(/\d+(\.\d+)?/g)!
						.slice(0, 3)
						.map(Number)
						.map((v) => {
							const c = v / 255;
							return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
						});
					return 0.2126 * r + 0.7152 * g + 0.0722 * b;
				};
				const bg = lum(getComputedStyle(document.body).backgroundColor);
				return ['h1', '.narration p', '.narration h2', '.count', '.readout td'].map((sel) => {
					const fg = lum(getComputedStyle(document.querySelector(sel)!).color);
					return { sel, ratio: (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05) };
				});
			});
			for (const { sel, ratio } of ratios) expect(ratio, sel).toBeGreaterThanOrEqual(7);
		}, 'projector');
	});

	it('F enters and leaves fullscreen', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/activations');
			await page.keyboard.press('f');
			await page.waitForFunction(() => document.fullscreenElement !== null);
			await page.keyboard.press('F');
			await page.waitForFunction(() => document.fullscreenElement === null);
		});
	});

	it('B blanks the screen and Escape or B brings it back', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/activations');
			const blank = page.locator('.blank');
			await page.keyboard.press('b');
			await blank.waitFor({ state: 'visible' });
			await page.screenshot({ path: `${SCREENS}/blank.png` });
			await page.keyboard.press('Escape');
			await blank.waitFor({ state: 'detached' });
			await page.keyboard.press('B');
			await blank.waitFor({ state: 'visible' });
			await page.keyboard.press('b');
			await blank.waitFor({ state: 'detached' });
		});
	});

	it('? shows the keys and Escape closes them', async () => {
		for (const theme of ['light', 'projector'] as const) {
			await withPage(async ({ page }) => {
				await open(page, '/activations');
				await page.keyboard.press('?');
				const dialog = page.getByRole('dialog');
				await dialog.waitFor({ state: 'visible' });
				expect(await dialog.textContent()).toContain('Projector theme on/off');
				await page.screenshot({ path: `${SCREENS}/help-${theme}.png` });
				await page.keyboard.press('Escape');
				await dialog.waitFor({ state: 'hidden' });
			}, theme);
		}
	});

	it('keys do not fire while typing in a field; PgDn from a slider still turns the page', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/activations?step=5');
			await page.evaluate(() => {
				const input = document.createElement('input');
				input.id = 'typing';
				document.querySelector('main')!.append(input);
			});
			await page.focus('#typing');
			await page.keyboard.type('fpb? ');
			await page.keyboard.press('ArrowLeft');
			await page.keyboard.press('Home');
			expect(await page.inputValue('#typing')).toBe('fpb? ');
			expect(await indicator(page).textContent()).toBe('Step 5 of 5');
			expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
			expect(await page.locator('.blank').count()).toBe(0);

			const slider = page.getByLabel('α');
			await slider.focus();
			const before = await slider.inputValue();
			await page.keyboard.press('ArrowRight');
			expect(await slider.inputValue()).not.toBe(before);
			expect(await indicator(page).textContent()).toBe('Step 5 of 5');
			await page.keyboard.press('PageUp');
			await page.waitForURL(/step=4/);
		});
	});
});

describe('live view', () => {
	it('dragging across the plot moves x, updates the readout and writes x into the URL', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/activations?step=2');
			const readout = page.getByTestId('x-value');
			await readout.waitFor();
			expect(await readout.textContent()).toBe('1.50');
			const hit = page.locator('.hit').first();
			const box = (await hit.boundingBox())!;
			await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
			await page.mouse.down();
			await page.mouse.move(box.x + box.width * 0.15, box.y + box.height / 2, { steps: 8 });
			await page.mouse.up();
			// Chromium delivers pointer moves with the next frame: wait for the view to settle.
			await expect.poll(async () => Number(await readout.textContent())).toBeLessThan(-3.5);
			const x = Number(await readout.textContent());
			await expect.poll(() => Number(search(page).get('x'))).toBeCloseTo(x, 1);
			expect(search(page).get('step')).toBe('2');
			// The setting survives a step change and a reload.
			await page.keyboard.press('ArrowRight');
			await page.waitForURL(/step=3/);
			expect(Number(search(page).get('x'))).toBeCloseTo(x, 1);
			await page.reload();
			await readout.waitFor();
			expect(Number(await readout.textContent())).toBeCloseTo(x, 1);
			expect(pathOf(page)).toBe('/activations');
		});
	});
	it('a plot focused with the keyboard takes the arrows (x moves); PgDn still turns the page', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/activations?step=2');
			const readout = page.getByTestId('x-value');
			await readout.waitFor();
			await page.locator('.hit').first().focus();
			await page.keyboard.press('ArrowRight');
			await page.keyboard.press('Shift+ArrowLeft');
			await expect.poll(async () => Number(await readout.textContent())).toBeCloseTo(1.5 + 0.12 - 1.2, 5);
			expect(await indicator(page).textContent()).toBe('Step 2 of 5');
			await page.keyboard.press('PageDown');
			await page.waitForURL(/step=3/);
		});
	});
});

describe('backend badge', () => {
	it('shows the backend and time of the last kernel; a forced backend is used and remembered', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/discrete-convolution?step=4');
			const badge = page.getByTestId('backend-badge');
			await expect.poll(() => badge.textContent(), { timeout: 20_000 }).toMatch(/\d+(\.\d+)? ms/);
			await badge.getByRole('combobox').selectOption('cpu');
			// Any interaction reruns the kernels; the page's own tick does too once the set is swapped.
			await expect
				.poll(
					async () => {
						await page.keyboard.press('ArrowRight');
						await page.keyboard.press('ArrowLeft');
						return badge.locator('strong').textContent();
					},
					{ timeout: 20_000 }
				)
				.toBe('cpu');
			await page.reload();
			await page.getByTestId('backend-badge').waitFor();
			expect(await page.getByTestId('backend-badge').getByRole('combobox').inputValue()).toBe('cpu');
			await expect.poll(() => badge.locator('strong').textContent(), { timeout: 20_000 }).toBe('cpu');
		});
	});
});
