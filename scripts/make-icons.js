// Renders static/icon.svg into the PNG icons the web app manifest names (192 and 512 px), with
// Debian's Chromium. Run after changing the icon: `node scripts/make-icons.js`.
import { readFileSync } from 'node:fs';
import { launchChromium } from './chromium.js';

const svg = readFileSync('static/icon.svg', 'utf8');
const browser = await launchChromium();
try {
	for (const size of [192, 512]) {
		const page = await browser.newPage({ viewport: { width: size, height: size } });
		await page.setContent(
			`<style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`
		);
		await page.screenshot({ path: `static/icon-${size}.png`, omitBackground: true });
		await page.close();
		console.log(`static/icon-${size}.png`);
	}
} finally {
	await browser.close();
}
