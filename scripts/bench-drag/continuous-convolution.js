// Drag t across the τ plot of the continuous-convolution product step: each move rebuilds
// g(t − τ) (501 samples), picks the kernel set's product row for t and redraws three curves.
export default {
	name: 'continuous-convolution: drag t (product step, 501 samples)',
	path: '/continuous-convolution?step=4&f=box&g=exponential&t=-4',
	async ready(page) {
		await page.locator('[data-testid="tau-plot"] .hit').waitFor();
		// The products come from the kernel set, which measures its backends first.
		await page.waitForFunction(() =>
			/\d/.test(document.querySelector('[data-testid="output-value"]')?.textContent ?? '')
		);
	},
	async drag(page) {
		const box = await page.locator('[data-testid="tau-plot"] .hit').boundingBox();
		const y = box.y + box.height / 2;
		const [x0, x1] = [box.x + box.width * 0.1, box.x + box.width * 0.9];
		await page.mouse.move(x0, y);
		await page.mouse.down();
		for (let i = 1; i <= 120; i++) await page.mouse.move(x0 + ((x1 - x0) * i) / 120, y);
		await page.mouse.up();
	}
};
