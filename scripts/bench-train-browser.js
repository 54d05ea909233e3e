// Part of npm run bench:browser (after `vite build`): the trainer page in headless Chromium.
// Wall-clock time from Start until the CNN reaches 97 % on all 2 000 held-out digits (measured at
// each epoch's end), and the longest animation frame of the page while it trains.
import { launchChromium } from './chromium.js';
import { serveDir } from './serve.js';

const TARGET = 0.97;
const LIMIT_S = 300;
const { url } = await serveDir('build', 0);
const browser = await launchChromium();
try {
	const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
	await page.goto(`${url}/train-cnn?step=2`);
	await page.locator('[data-testid="status"]', { hasText: 'ready' }).waitFor({ timeout: 60_000 });
	// the page is up once the untrained filters are drawn (the worker evaluates all 2 000 test digits first)
	await page.getByTestId('filter').first().waitFor({ timeout: 60_000 });
	await page.evaluate(() => {
		const w = /** @type {any} */ (window);
		// what a long frame was doing (Long Animation Frames API), to tell the page's work from waiting for the CPU
		w.__long = [];
		new PerformanceObserver((list) => {
			for (const e of /** @type {any[]} */ (list.getEntries()))
				if (e.duration > 50)
					w.__long.push(
						`${e.duration.toFixed(0)} ms: ${e.scripts.map((s) => `${s.invoker} ${s.duration.toFixed(0)} ms`).join(', ') || 'no script'}`
					);
		}).observe({ type: 'long-animation-frame' });
	});
	await page.evaluate(() => {
		const w = /** @type {any} */ (window);
		w.__frames = { last: performance.now(), worst: 0 };
		const tick = (t) => {
			w.__frames.worst = Math.max(w.__frames.worst, t - w.__frames.last);
			w.__frames.last = t;
			requestAnimationFrame(tick);
		};
		requestAnimationFrame(tick);
	});
	await page.getByTestId('start').click();
	const t0 = Date.now();
	// the first frames after Start include the click's own work: measure from 1 s on
	await page.waitForTimeout(1000);
	await page.evaluate(() => {
		const w = /** @type {any} */ (window);
		w.__frames.worst = 0;
		w.__long = [];
	});
	let reached = null;
	while ((Date.now() - t0) / 1000 < LIMIT_S) {
		const acc = Number(await page.locator('.train-cnn').getAttribute('data-full-accuracy'));
		const epoch = Number(await page.getByTestId('epoch').textContent());
		if (acc >= TARGET && epoch > 1) {
			reached = { seconds: (Date.now() - t0) / 1000, accuracy: acc, epoch: epoch - 1 };
			break;
		}
		await page.waitForTimeout(250);
	}
	const worst = await page.evaluate(() => /** @type {any} */ (window).__frames.worst);
	const long = await page.evaluate(() => /** @type {any} */ (window).__long);
	const rate = await page.locator('[data-testid="progress"]').textContent();
	console.log(
		reached
			? `trainer (Chromium ${browser.version()}): ${(100 * TARGET).toFixed(0)} % on the 2 000 held-out digits after ${reached.seconds.toFixed(1)} s (${reached.epoch} epochs, ${(100 * reached.accuracy).toFixed(2)} %)`
			: `trainer: did not reach ${(100 * TARGET).toFixed(0)} % within ${LIMIT_S} s`
	);
	console.log(
		`longest frame while training: ${worst.toFixed(0)} ms; progress line: ${rate?.replace(/\s+/g, ' ').trim()}`
	);
	console.log(`frames over 50 ms: ${long.length ? long.join('; ') : 'none'}`);
} finally {
	await browser.close();
	process.exit(0);
}
