import { crc32, deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { describeConceptSteps } from './concept-steps';
import { browserSuite, openConcept } from './harness';

const base = inject('baseUrl');
const SLUGS = ['convolution-2d', 'pooling'] as const;
const { withPage } = browserSuite();

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
const text = (page: Page, testid: string) => page.getByTestId(testid).first().textContent();

const open = (page: Page, path: string) => openConcept(page, base + path, 'ready');

/** A grey PNG (colour type 0, 8 bits) of a diagonal ramp, encoded here so the test owns its fixture. */
function greyPng(width: number, height: number): Buffer {
	const chunk = (type: string, data: Buffer) => {
		const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
		const out = Buffer.alloc(body.length + 8);
		out.writeUInt32BE(data.length, 0);
		body.copy(out, 4);
		out.writeUInt32BE(crc32(body) >>> 0, body.length + 4);
		return out;
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 0, 0, 0, 0], 8);
	const rows = Buffer.alloc((width + 1) * height);
	for (let y = 0; y < height; y++)
		for (let x = 0; x < width; x++)
			rows[y * (width + 1) + 1 + x] = Math.round(((x + y) / (width + height)) * 255);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(rows)),
		chunk('IEND', Buffer.alloc(0))
	]);
}

async function upload(page: Page, name: string, buffer: Buffer) {
	await page.getByTestId('image-file').setInputFiles({ name, mimeType: 'image/png', buffer });
}

describeConceptSteps(SLUGS, open, withPage);

describe('convolution-2d interactions', () => {
	it('step 1 writes the deck example: y[0, 1] = 4·1 + 5·2 + 6·3 = 32; flipping gives 4·3 + 5·2 + 6·1 = 28', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/convolution-2d?step=1');
			expect(await text(page, 'sum')).toBe('y[0, 1] = 4·1 + 5·2 + 6·3 = 32  (+ 6 zero-weight terms)');
			await open(page, '/convolution-2d?step=2');
			await page.getByTestId('flip').check();
			await expect
				.poll(() => text(page, 'sum'))
				.toBe('y[0, 1] = 4·3 + 5·2 + 6·1 = 28  (+ 6 zero-weight terms)');
			await expect.poll(() => param(page, 'flip')).toBe('1');
			expect(await text(page, 'mode')).toContain('true convolution');
		});
	});

	it('hovering output cell (2, 2) of the example highlights its input window (2, 2) and writes y[2, 2]; hovering input (0, 0) highlights output (0, 0)', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/convolution-2d?step=1');
			const rect = (testid: string) =>
				page.getByTestId(testid).locator('[data-testid=grid-highlight]').getAttribute('data-rect');
			const out = (await page.getByTestId('output-view').boundingBox())!;
			await page.mouse.move(out.x + out.width * (5 / 6), out.y + out.height * (5 / 6));
			await expect.poll(() => rect('input-view')).toBe('2,2,3,3');
			expect(await text(page, 'sum')).toMatch(/^y\[2, 2\] = /);
			const input = (await page.getByTestId('input-view').boundingBox())!;
			await page.mouse.move(input.x + input.width * 0.1, input.y + input.height * 0.1);
			await expect.poll(() => rect('output-view')).toBe('0,0,1,1');
			expect(param(page, 'ec')).toBe('1'); // hovering does not move the window
		});
	});

	it('dragging the window on the input moves r, c in the URL and changes the sum; the URL reopens the same read-outs', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/convolution-2d?step=3&img=shapes&r=10&c=10');
			const before = await text(page, 'sum');
			const box = (await page.getByTestId('input-view').boundingBox())!;
			await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.2);
			await page.mouse.down();
			for (let i = 1; i <= 10; i++)
				await page.mouse.move(box.x + box.width * (0.2 + i * 0.05), box.y + box.height * (0.2 + i * 0.03));
			await page.mouse.up();
			await expect.poll(() => Number(param(page, 'c'))).toBeGreaterThan(50);
			const [r, c] = [Number(param(page, 'r')), Number(param(page, 'c'))];
			expect(r).toBeGreaterThan(30);
			const after = await text(page, 'sum');
			expect(after).not.toBe(before);
			expect(await page.getByTestId('output-view').getAttribute('data-shown')).toBe(String(r * 98 + c + 1));
			await page.waitForTimeout(600);
			const link = page.url();
			await open(page, link.slice(link.indexOf('/convolution-2d')));
			expect(await text(page, 'sum')).toBe(after);
			expect(param(page, 'r')).toBe(String(r));
		});
	});

	it('ArrowRight / ArrowDown on the focused input move the window one cell and the URL, not the step', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/convolution-2d?step=3&img=shapes&r=20&c=20');
			await page.getByTestId('input-view').focus();
			await page.keyboard.press('ArrowRight');
			await expect.poll(() => param(page, 'c')).toBe('21');
			await page.keyboard.press('ArrowDown');
			await expect.poll(() => param(page, 'r')).toBe('21');
			expect(param(page, 'step')).toBe('3');
			expect(await text(page, 'sum')).toMatch(/^y\[21, 21\] = /);
		});
	});

	it('stride 2, padding 1 on 100×100 gives 50×50 and writes the formula', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/convolution-2d?step=6&img=shapes&s=2&p=1');
			expect(await text(page, 'size-formula')).toContain('⌊(100 + 2·1 − 3) / 2⌋ + 1 = 50');
			expect(await text(page, 'output-view-caption')).toBe('output 50×50');
		});
	});

	it('a 600×400 PNG is downscaled with a notice and survives a reload; a truncated PNG and a renamed text file are refused', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/convolution-2d?step=7&img=shapes');
			const png = greyPng(600, 400);
			await upload(page, 'ramp.png', png);
			await expect.poll(() => text(page, 'image-notice')).toContain('Downscaled from 600×400 to 512×341');
			await expect.poll(() => param(page, 'img')).toBe('upload');
			expect(await text(page, 'input-view-caption')).toBe('input 67×100');

			await upload(page, 'cut.png', png.subarray(0, Math.floor(png.length / 2)));
			await expect.poll(() => text(page, 'image-problem')).toContain('could not be decoded');
			expect(await text(page, 'input-view-caption')).toBe('input 67×100');

			await upload(page, 'notes.png', Buffer.from('just some text, not an image\n'));
			await expect.poll(() => text(page, 'image-problem')).toContain('is not a PNG or JPEG image');
			expect(await text(page, 'input-view-caption')).toBe('input 67×100');

			await page.waitForTimeout(600);
			await page.reload();
			await page.locator('.live [data-ready="true"]').waitFor();
			expect(await text(page, 'input-view-caption')).toBe('input 67×100');
			expect(await text(page, 'image-notice')).toContain('a link cannot carry it');
		});
	});
});

describe('pooling interactions', () => {
	it('step 1: the first 3×3 window is max(1, 0, 2, 4, 5, 6, 0, 2, 1) = 6', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/pooling?step=1');
			expect(await text(page, 'max-text')).toBe('y[0, 0] = max(1, 0, 2, 4, 5, 6, 0, 2, 1) = 6');
			expect(await text(page, 'output-size')).toBe('pooled 2×2 (floor)');
		});
	});

	it('98×98 with 3×3, stride 3: floor 32×32, ceil mode 33×33 (the deck), in the URL', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/pooling?step=3');
			expect(await text(page, 'floor-rule')).toContain('⌊(98 − 3) / 3⌋ + 1 = 32');
			expect(await text(page, 'ceil-rule')).toContain('⌈(98 − 3) / 3⌉ + 1 = 33');
			expect(await text(page, 'output-size')).toBe('pooled 32×32 (floor)');
			await page.getByTestId('ceil').check();
			await expect.poll(() => text(page, 'output-size')).toBe('pooled 33×33 (ceil)');
			await expect.poll(() => param(page, 'ceil')).toBe('1');
		});
	});

	it('ArrowRight on the focused pooled map moves the window by one output cell (3 input cells)', async () => {
		await withPage(async ({ page }) => {
			await open(page, '/pooling?step=3&r=4&c=4');
			await page.getByTestId('output-view').focus();
			await page.keyboard.press('ArrowRight');
			await expect.poll(() => param(page, 'c')).toBe('5');
			expect(await page.getByTestId('grid-highlight').first().getAttribute('data-rect')).toBe('12,15,3,3');
		});
	});
});
