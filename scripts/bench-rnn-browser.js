// node scripts/bench-rnn-browser.js [--json FILE] (after `npx vite build`): the LSTM page in
// headless Chromium, from random weights on "remember" at length 50 (the target settings):
// seconds until the held-out accuracy passes 90 %, and the longest gap between animation frames
// while the worker trains (the page must stay smooth: target ≤ 50 ms).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.js';
import { serveDir } from './serve.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const LIMIT_S = 600;
const server = await serveDir(`${root}build`);
const browser = await launchChromium();
let result;
try {
	const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
	await page.goto(`${server.url}/lstm?step=2&pre=0&epochs=50`);
	await page.locator('[data-testid=train]').waitFor();
	await page.waitForTimeout(1000);
	await page.evaluate(() => {
		const w = /** @type {any} */ (window);
		w.__frames = [];
		let last = performance.now();
		const tick = (now) => {
			w.__frames.push(now - last);
			last = now;
			requestAnimationFrame(tick);
		};
		requestAnimationFrame(tick);
	});
	await page.locator('[data-testid=train]').click();
	const t0 = Date.now();
	let seconds = null;
	while ((Date.now() - t0) / 1000 < LIMIT_S) {
		const text = (await page.locator('[data-testid=readout]').textContent()) ?? '';
		const m = text.match(/held-out (\d+\.\d) %/);
		if (m && Number(m[1]) >= 90) {
			seconds = (Date.now() - t0) / 1000;
			break;
		}
		await page.waitForTimeout(500);
	}
	const frames = await page.evaluate(() => /** @type {any} */ (window).__frames.slice(5));
	frames.sort((a, b) => a - b);
	const steps = Number(await page.locator('[data-testid=trainer]').getAttribute('data-step'));
	result = {
		secondsTo90: seconds,
		steps,
		longestFrameMs: frames[frames.length - 1],
		p99FrameMs: frames[Math.floor(frames.length * 0.99)],
		medianFrameMs: frames[Math.floor(frames.length / 2)],
		chromium: browser.version()
	};
} finally {
	await browser.close();
	await server.close();
}
console.log(JSON.stringify(result));
const at = process.argv.indexOf('--json');
if (at > 0) writeFileSync(process.argv[at + 1], JSON.stringify(result, null, 1));
