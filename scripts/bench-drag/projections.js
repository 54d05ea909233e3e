// Drag the w₁ arrow head of the projections demo: each move redraws 120 drop lines, the
// projection line and both class histograms.
export default {
	name: 'projections: drag w₁ (120 points, drop lines, histogram)',
	path: '/projections?step=1',
	async ready(page) {
		await page.locator('[data-testid="handle-w1"]').waitFor();
	},
	async drag(page) {
		const box = await page.locator('[data-testid="handle-w1"]').boundingBox();
		const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
		await page.mouse.move(x, y);
		await page.mouse.down();
		for (let i = 1; i <= 120; i++) {
			const a = (i / 120) * Math.PI;
			await page.mouse.move(x - 120 * (1 - Math.cos(a)), y + 90 * Math.sin(a));
		}
		await page.mouse.up();
	}
};
