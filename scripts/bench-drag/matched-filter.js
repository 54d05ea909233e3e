// Drag the 64-tap filter across a 65 536-sample signal while the output builds up to it
// (step 2, the heaviest view: both long series are decimated per pixel column).
export default {
	name: 'matched-filter: drag a 64-tap filter over 65 536 samples (output so far)',
	path: '/matched-filter?step=2&tpl=pulse&len=64&n=65536&snr=0&seed=1&p=0',
	async ready(page) {
		await page.locator('[data-testid="signal-plot"] .hit').waitFor();
		// The output comes from the kernel set, which measures its backends first.
		await page.waitForFunction(() =>
			[...document.querySelectorAll('[data-testid="output-plot"] path')].some(
				(p) => (p.getAttribute('d') ?? '').length > 0
			)
		);
	},
	async drag(page) {
		const box = await page.locator('[data-testid="signal-plot"] .hit').boundingBox();
		const y = box.y + box.height / 2;
		const [x0, x1] = [box.x + box.width * 0.05, box.x + box.width * 0.95];
		await page.mouse.move(x0, y);
		await page.mouse.down();
		for (let i = 1; i <= 120; i++) await page.mouse.move(x0 + ((x1 - x0) * i) / 120, y);
		await page.mouse.up();
	}
};
