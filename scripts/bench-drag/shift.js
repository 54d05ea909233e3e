// Drag the person across the shift demo's matrix step: each move rebuilds x, the 13 row products
// and the kernel set's correlate1d, and redraws the grid.
export default {
	name: 'shift: drag the person over W (step 4, kernel column)',
	path: '/shift?step=4&pos=0',
	async ready(page) {
		await page.locator('[data-testid="rows-drag"]').waitFor();
		await page.waitForFunction(() =>
			/difference/.test(document.querySelector('[data-testid="max-difference"]')?.textContent ?? '')
		);
	},
	async drag(page) {
		const box = await page.locator('[data-testid="rows-drag"]').boundingBox();
		const y = box.y + box.height / 2;
		await page.mouse.move(box.x + 5, y);
		await page.mouse.down();
		for (let i = 1; i <= 120; i++) await page.mouse.move(box.x + 5 + ((box.width - 10) * i) / 120, y);
		await page.mouse.up();
	}
};
