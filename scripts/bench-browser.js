// npm run bench:browser [-- --json out.json] [--no-drag]: the kernel benchmark inside headless
// Chromium (software WebGL2/WebGPU, design.md flags): medians (ms) per workload for every flipshift
// backend present there, 'auto', the reference, tfjs-wasm (SIMD) and tfjs-webgl, and auto/tfjs-wasm.
// Then the drag-latency benchmark (scripts/bench-drag/run.js) runs on the app build.
// Every request stays on 127.0.0.1: the tfjs wasm binaries are copied next to the page.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launchChromium } from './chromium.js';
import { serveDir } from './serve.js';
import { formatTable } from './bench/workloads.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${root}test-results/bench-browser`;
const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? (args[jsonAt + 1] ?? 'bench-results/bench-browser.json') : null;

await build({
	root: `${root}scripts/bench/browser`,
	configFile: false,
	logLevel: 'warn',
	base: './',
	build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 8000 }
});
const wasmDir = `${root}node_modules/@tensorflow/tfjs-backend-wasm/dist/`;
mkdirSync(`${outDir}/tfjs-wasm`, { recursive: true });
for (const f of readdirSync(wasmDir).filter((f) => f.endsWith('.wasm')))
	copyFileSync(wasmDir + f, `${outDir}/tfjs-wasm/${f}`);

const server = await serveDir(outDir);
const browser = await launchChromium();
const external = [];
const errors = [];
let info;
const version = browser.version();
const rows = [];
try {
	const context = await browser.newContext();
	await context.route('**/*', (route) => {
		const url = route.request().url();
		if (url.startsWith('http://127.0.0.1:') || /^(data|blob|about):/.test(url)) return route.continue();
		external.push(url);
		return route.abort();
	});
	const page = await context.newPage();
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(`${server.url}/index.html`);
	await page.waitForFunction(() => 'bench' in globalThis);
	info = await page.evaluate(() => globalThis.bench.setup());
	process.stderr.write(`backends in this Chromium: ${info.present.join(', ')}\n`);
	for (let i = 0; i < info.workloads.length; i++) {
		const row = await page.evaluate((n) => globalThis.bench.runWorkload(n), i);
		rows.push(row);
		process.stderr.write(`${row.name}: auto ran ${row.picked}\n`);
	}
	await page.evaluate(() => globalThis.bench.close());
} finally {
	await browser.close();
	await server.close();
}
if (external.length) throw new Error(`requests left 127.0.0.1: ${external.join(', ')}`);
if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);

const header =
	`Chromium ${version} (headless, software WebGL2/WebGPU), tfjs-wasm SIMD ${info.simd} ` +
	`(threads ${info.threads}), tfjs-webgl WebGL ${info.webglVersion}, auto start-up ${info.startupMs.toFixed(1)} ms (background measurement done after ${info.backgroundMs.toFixed(0)} ms)`;
const columns = ['auto', ...info.present, 'reference', 'tfjs-wasm', 'tfjs-webgl'];
console.log(header);
console.log(formatTable(rows, columns));
console.log('auto picked:', rows.map((r) => `${r.name} → ${r.picked}`).join('; '));
if (jsonFile) {
	mkdirSync(dirname(resolve(jsonFile)), { recursive: true });
	writeFileSync(jsonFile, JSON.stringify({ header, calibration: info.calibration, rows }, null, 1));
}

// The drag-latency benchmark on the app build (`vite build` ran before this script).
if (!args.includes('--no-drag')) {
	const dragArgs = jsonFile ? ['--json', jsonFile.replace(/(\.json)?$/, '.drag.json')] : [];
	const drag = spawnSync(process.execPath, [`${root}scripts/bench-drag/run.js`, ...dragArgs], {
		stdio: 'inherit',
		cwd: root
	});
	if (drag.status !== 0) process.exitCode = drag.status ?? 1;
}
