// The browser tests drive Debian's Chromium; never a browser downloaded by a tool.
// On a fresh machine where we are root with apt, install it; otherwise say how.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM } from './chromium.js';

if (!existsSync(CHROMIUM)) {
	const root = typeof process.getuid === 'function' && process.getuid() === 0;
	const hasApt = existsSync('/usr/bin/apt-get');
	if (root && hasApt) {
		console.log(`${CHROMIUM} is missing: installing Debian's chromium with apt-get…`);
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
		if (!run(['update', '-qq']) || !run(['install', '-y', '-qq', 'chromium', 'fonts-dejavu-core'])) {
			console.error('apt-get could not install chromium.');
			process.exit(1);
		}
	} else {
		console.error(
			`The browser tests need Chromium at ${CHROMIUM}.\n` +
				'Install it with:  sudo apt-get install chromium   (Debian/Ubuntu)\n' +
				'or point CHROMIUM_PATH at an installed Chromium or Chrome.'
		);
		process.exit(1);
	}
}
