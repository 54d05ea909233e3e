import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { describeConceptSteps } from './concept-steps';
import { browserSuite, KERNELS, openConcept, SCREENS } from './harness';

const base = inject('baseUrl');
const SLUGS = ['cnn', 'parameter-sharing', 'architectures'] as const;
const { withPage } = browserSuite();

const search = (page: Page) => new URL(page.url()).searchParams;
const text = (page: Page, testid: string) => page.getByTestId(testid).first().textContent();

const open = (page: Page, path: string) => openConcept(page, base + path, 'badge');

describeConceptSteps(SLUGS, open, withPage);

describe('cnn interactions', () => {
	it('step 3: peaks sit at the cats, (4, 6) and (20, 17), both 126', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/cnn?step=3');
			await expect.poll(() => text(page, 'peak-a'), KERNELS).toBe('peak 126.0 at (4, 6)');
			expect(await text(page, 'peak-b')).toBe('peak 126.0 at (20, 17)');
		});
	});

	it('step 2 hides the maps behind a question; → reveals them', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/cnn?step=2');
			expect(await page.getByTestId('predict-a').isVisible()).toBe(true);
			expect(await page.getByTestId('map-a').count()).toBe(0);
			await page.keyboard.press('ArrowRight');
			await page.waitForURL(/step=3/);
			await expect.poll(() => page.getByTestId('map-a').count(), KERNELS).toBe(1);
		});
	});

	it('arrow keys on the focused image A (→ → ↓) move the cat to (6, 7): URL ax/ay and the peak follow', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/cnn?step=3');
			await page.focus('[data-testid="image-a"]');
			await page.keyboard.press('ArrowRight');
			await page.keyboard.press('ArrowRight');
			await page.keyboard.press('ArrowDown');
			await page.waitForFunction(() => new URL(location.href).searchParams.get('ax') === '6');
			expect(search(page).get('ay')).toBe('7');
			expect(search(page).get('step')).toBe('3');
			await expect.poll(() => text(page, 'peak-a'), KERNELS).toBe('peak 126.0 at (6, 7)');
		});
	});

	it('dragging cat B to the image’s top-left corner moves bx/by to 0 and the peak to (0, 0)', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/cnn?step=3');
			const box = (await page.getByTestId('image-b').boundingBox())!;
			const cell = box.width / 32;
			await page.mouse.move(box.x + cell * 22.5, box.y + cell * 19.5);
			await page.mouse.down();
			await page.mouse.move(box.x + cell * 2.5, box.y + cell * 2.5, { steps: 8 });
			await page.mouse.up();
			await page.waitForFunction(() => new URL(location.href).searchParams.get('bx') === '0');
			expect(search(page).get('by')).toBe('0');
			await expect.poll(() => text(page, 'peak-b'), KERNELS).toBe('peak 126.0 at (0, 0)');
		});
	});

	it('hovering feature map A at (col 10, row 12) outlines its 5×5 window on image A, and image pixel (0, 30) its outputs; pooled cell (1, 0) outlines a 14×14 window', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/cnn?step=5&pool=14');
			const rect = (testid: string) =>
				page.getByTestId(testid).locator('[data-testid="grid-highlight"]').getAttribute('data-rect');
			expect(await rect('image-a')).toBe('6,4,5,5');
			const map = (await page.getByTestId('map-a').boundingBox())!;
			const cell = map.width / 28;
			await page.mouse.move(map.x + cell * 10.5, map.y + cell * 12.5);
			await expect.poll(() => rect('image-a')).toBe('12,10,5,5');
			await page.mouse.move(0, 0);
			await expect.poll(() => rect('image-a')).toBe('6,4,5,5');
			// And back: image pixel (col 0, row 30) lies in the windows of map rows 26…27, col 0.
			const image = (await page.getByTestId('image-a').boundingBox())!;
			const px = image.width / 32;
			await page.mouse.move(image.x + px * 0.5, image.y + px * 30.5);
			await expect.poll(() => rect('map-a')).toBe('26,0,2,1');
			const pooled = (await page.getByTestId('pooled-a').boundingBox())!;
			await page.mouse.move(pooled.x + pooled.width * 0.75, pooled.y + pooled.height * 0.25);
			await expect.poll(() => rect('map-a')).toBe('0,14,14,14');
		});
	});

	it('step 4: global max pooling gives the same answer for both images; step 5 pool 7 keeps a 4×4 grid', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/cnn?step=4&ax=1&ay=25&bx=26&by=2');
			await expect.poll(() => text(page, 'verdict'), KERNELS).toContain('the same answer');
			expect(await text(page, 'answer-a')).toContain('yes, I found a cat somewhere');
			expect(await text(page, 'answer-b')).toContain('max 126.0');
			await page.keyboard.press('ArrowRight');
			await page.waitForURL(/step=5/);
			await page.getByTestId('pool-size').selectOption('7');
			await page.waitForFunction(() => new URL(location.href).searchParams.get('pool') === '7');
			await expect.poll(() => text(page, 'answer-a'), KERNELS).toContain('cell (0, 3) of 4×4');
			expect(await text(page, 'answer-b')).toContain('cell (3, 0) of 4×4');
			expect(await page.getByTestId('pooled-a').getAttribute('data-rows')).toBe('4');
			await page.screenshot({ path: `${SCREENS}/cnn-pool7-light.png` });
		});
	});

	it('reloading /cnn?step=5&ax=9&ay=3&bx=15&by=22&seed=4&pool=14 shows the same read-outs', async () => {
		await withPage(async ({ page }) => {
			const url = '/cnn?step=5&ax=9&ay=3&bx=15&by=22&seed=4&pool=14';
			await open(page, url);
			await expect.poll(() => text(page, 'answer-b'), KERNELS).toContain('of 2×2');
			const before = [await text(page, 'peak-a'), await text(page, 'answer-a'), await text(page, 'answer-b')];
			await page.reload();
			await open(page, url);
			await expect.poll(() => text(page, 'answer-b'), KERNELS).toBe(before[2]);
			expect([await text(page, 'peak-a'), await text(page, 'answer-a')]).toEqual(before.slice(0, 2));
			expect(before[0]).toBe('peak 126.0 at (9, 3)');
		});
	});
});

describe('parameter-sharing interactions', () => {
	it('the deck sizes: dense 96 049 604, local 96 040, conv 10 (step 3)', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/parameter-sharing?step=3');
			expect(await text(page, 'total-dense')).toBe('96\u2009049\u2009604');
			expect(await text(page, 'total-local')).toBe('96\u2009040');
			expect(await text(page, 'total-conv')).toBe('10');
			expect(await text(page, 'output-size')).toContain('98×98×1');
		});
	});

	it('keys on the filters slider (→ ×2) write f=3 and conv = (9+1)·3 = 30; reload keeps it', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/parameter-sharing?step=4');
			await page.getByLabel('filters', { exact: true }).focus();
			await page.keyboard.press('ArrowRight');
			await page.keyboard.press('ArrowRight');
			await page.waitForFunction(() => new URL(location.href).searchParams.get('f') === '3');
			expect(await text(page, 'total-conv')).toBe('30');
			const url = page.url();
			await page.goto(url);
			await open(page, url.replace(base, ''));
			expect(await text(page, 'total-conv')).toBe('30');
			expect(await text(page, 'total-dense')).toBe(
				(100 * 100 * 98 * 98 * 3 + 98 * 98 * 3).toLocaleString('en-US').replaceAll(',', '\u2009')
			);
		});
	});

	it('the picture: conv repeats one filter at three places; step 1 (dense) shows full 6×6 weight maps', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/parameter-sharing?step=3');
			const grids = page.locator('[data-testid^="picture-weights-"] text');
			expect(await grids.count()).toBe(27);
			const all = await grids.allTextContents();
			expect(all.slice(0, 9)).toEqual(all.slice(9, 18));
			await open(page, '/parameter-sharing?step=1');
			expect(await page.getByTestId('picture-weights-0').getAttribute('data-rows')).toBe('6');
		});
	});
});

describe('architectures interactions', () => {
	it('LeNet-5 by default: total 61 706, FC 1 is 16·5·5 → 120', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/architectures?step=2');
			expect(search(page).get('net')).toBe('32x1-c6k5p0m2-c16k5p0m2-f120-f84-o10');
			expect(await text(page, 'total-params')).toBe('61\u2009706');
			expect(await text(page, 'layer-fc-1')).toContain('48\u2009120');
		});
	});

	it('step 3 (projector): a third block (+ block) breaks LeNet at POOL 3 (2×2 on 1×1) with a message; pool 1 fixes it', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/architectures?step=3');
			await page.getByRole('button', { name: '+ block' }).click();
			await page.waitForFunction(() =>
				new URL(location.href).searchParams.get('net')?.includes('m2-c16k5p0m2-c16')
			);
			expect(await text(page, 'shape-problem')).toContain(
				'POOL 3: a 2×2 max-pool window does not fit the 1×1 map'
			);
			await page.screenshot({ path: `${SCREENS}/architectures-broken-projector.png` });
			expect(await text(page, 'total-params')).toBe('does not fit');
			await page.getByTestId('block-3-pool').selectOption('1');
			await page.waitForFunction(() => new URL(location.href).searchParams.get('net')?.includes('c16k5p0m1'));
			// CONV 3 on the 5×5 map: (5·5·16 + 1)·16 = 6 416 more than LeNet-5 (whose FC 1 now sees 16·1·1).
			const total = 156 + 2416 + 6416 + (16 + 1) * 120 + 10164 + 850;
			expect(await text(page, 'total-params')).toBe(total.toLocaleString('en-US').replaceAll(',', '\u2009'));
		}, 'projector');
	});

	it('an invalid link (pool 3×3 on 2×2) shows its message at POOL 3; reload shows it again', async () => {
		await withPage(async ({ page }) => {
			const url = '/architectures?step=4&net=8x1-c4k3p1m2-c8k3p1m2-c8k3p1m3-o10';
			await open(page, url);
			const message = await text(page, 'shape-problem');
			expect(message).toContain('POOL 3: a 3×3 max-pool window does not fit the 2×2 map');
			await page.reload();
			await open(page, url);
			expect(await text(page, 'shape-problem')).toBe(message);
		});
	});

	it('a malformed net= opens LeNet-5 with a notice naming the bad value', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/architectures?step=3&net=32x1-banana-o10');
			expect(await text(page, 'link-problem')).toContain('banana');
			expect(search(page).get('net')).toBe('32x1-c6k5p0m2-c16k5p0m2-f120-f84-o10');
		});
	});

	it('choosing the VGG preset writes its code and the total 814 122', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/architectures?step=2');
			await page.getByTestId('preset').selectOption('vgg');
			await page.waitForFunction(() => new URL(location.href).searchParams.get('net')?.startsWith('32x3'));
			expect(await text(page, 'total-params')).toBe('814\u2009122');
		});
	});
});
