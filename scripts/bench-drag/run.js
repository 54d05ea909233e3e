// Drag latency, run by `npm run bench:browser` (or alone after a build): from a pointer event to
// the redrawn frame while dragging in an explainer, in headless Chromium (software rendering).
// Each workload module in this folder exports `{ name, path, drag(page) }` (or a list of them) where `drag` performs
// the pointer moves; this runner instruments the page and prints median and p95 per workload.
import { readdirSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from '../chromium.js';
import { serveDir } from '../serve.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Installs a pointermove probe: time from the event to the frame after it was handled. */
function installProbe() {
	const samples = [];
	window.__dragSamples = samples;
	window.addEventListener(
		'pointermove',
		(event) => {
			if (event.buttons === 0) return;
			const t0 = performance.now();
			// rAF runs before the next paint; the timeout after it runs once that frame is out.
			requestAnimationFrame(() => setTimeout(() => samples.push(performance.now() - t0), 0));
		},
		{ capture: true }
	);
}

function quantile(sorted, q) {
	if (sorted.length === 0) return NaN;
	const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
	return sorted[i];
}

// `--only TEXT` (or BENCH_DRAG_ONLY=TEXT) runs the workloads whose file name or workload name contains it.
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : process.env.BENCH_DRAG_ONLY;
const workloads = await Promise.all(
	readdirSync(here)
		.filter((f) => f.endsWith('.js') && f !== 'run.js')
		.sort()
		.map(async (f) =>
			// a module may export one workload or a list
			[(await import(pathToFileURL(join(here, f)).href)).default].flat().map((w) => ({ file: f, w }))
		)
).then((lists) => lists.flat());
const chosen = workloads
	.filter(({ file, w }) => !only || file.includes(only) || w.name.includes(only))
	.map(({ w }) => w);

const server = await serveDir('build');
const browser = await launchChromium();
const rows = [];
try {
	for (const workload of chosen) {
		const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
		await page.addInitScript(installProbe);
		await page.goto(server.url + workload.path);
		await workload.ready?.(page);
		await workload.drag(page);
		await page.waitForTimeout(300);
		const samples = (await page.evaluate(() => window.__dragSamples)).sort((a, b) => a - b);
		rows.push({
			workload: workload.name,
			events: samples.length,
			medianMs: quantile(samples, 0.5),
			p95Ms: quantile(samples, 0.95)
		});
		await page.close();
	}
} finally {
	await browser.close();
	await server.close();
}

console.log('\nDrag latency, pointer event → redrawn frame (headless Chromium, software rendering)\n');
console.log('| workload | events | median ms | p95 ms | 60 fps (p95 ≤ 16.7 ms) |');
console.log('|---|---:|---:|---:|:---:|');
for (const r of rows) {
	const ok = r.p95Ms <= 16.7 ? 'yes' : 'no';
	console.log(`| ${r.workload} | ${r.events} | ${r.medianMs.toFixed(2)} | ${r.p95Ms.toFixed(2)} | ${ok} |`);
}
const jsonAt = process.argv.indexOf('--json');
if (jsonAt >= 0) {
	const file = process.argv[jsonAt + 1] ?? 'bench-results/drag.json';
	writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), rows }, null, 2));
	console.log(`\nwrote ${file}`);
}
