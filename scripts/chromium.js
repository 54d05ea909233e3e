// How flipshift drives Chromium, for the browser tests and the browser benchmarks alike:
// Debian's /usr/bin/chromium (never a downloaded browser), with software WebGL2 and WebGPU,
// and nothing that talks to the network on its own.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--disable-gpu',
	'--enable-unsafe-swiftshader',
	'--enable-unsafe-webgpu',
	'--no-sandbox',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** @returns {Promise<import('playwright-core').Browser>} */
export function launchChromium() {
	return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}
