// Drag a 3×3 and a 5×5 filter across a 512×512 image in convolution-2d (step 3: the output map
// fills in as the window moves). Three ways per size: the page as it is (the output is computed
// once per setting by the kernel set; a drag moves the window, repaints the 510×510 or 508×508
// output canvas and writes the window's sum out), and the same drag with the whole output
// recomputed on every pointer event by flipshift's kernel set ('auto') or by tfjs-wasm (SIMD).
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = `${root}test-results/bench-drag-recompute`;
let built = null;

/** Builds the injected recompute bundle once (flipshift kernels + tfjs-wasm) and its wasm files. */
function bundle() {
	built ??= (async () => {
		await build({
			configFile: false,
			logLevel: 'warn',
			build: {
				outDir,
				emptyOutDir: true,
				target: 'es2022',
				lib: {
					entry: `${root}scripts/bench-drag/recompute/entry.js`,
					formats: ['es'],
					fileName: () => 'entry.js'
				},
				rollupOptions: { output: { codeSplitting: false } }
			}
		});
		const wasmDir = `${root}node_modules/@tensorflow/tfjs-backend-wasm/dist/`;
		mkdirSync(`${outDir}/tfjs-wasm`, { recursive: true });
		for (const f of readdirSync(wasmDir).filter((f) => f.endsWith('.wasm')))
			copyFileSync(wasmDir + f, `${outDir}/tfjs-wasm/${f}`);
	})();
	return built;
}

async function waitForPage(page) {
	await page.locator('.live [data-ready="true"]').waitFor({ timeout: 60_000 });
	await page.waitForTimeout(500);
}

async function drag(page) {
	const box = await page.getByTestId('input-view').boundingBox();
	const y = box.y + box.height / 2;
	const [x0, x1] = [box.x + box.width * 0.05, box.x + box.width * 0.95];
	await page.mouse.move(x0, y);
	await page.mouse.down();
	for (let i = 1; i <= 120; i++) await page.mouse.move(x0 + ((x1 - x0) * i) / 120, y + (i % 7));
	await page.mouse.up();
}

function workload(k, engine) {
	const how = engine ? `output recomputed per event by ${engine}` : 'page as built';
	return {
		name: `convolution-2d: drag a ${k}×${k} filter over 512×512 (${how})`,
		path: `/convolution-2d?step=3&img=shapes&res=512&k=${k}&f=box&r=100&c=10`,
		async ready(page) {
			await waitForPage(page);
			if (!engine) return;
			await bundle();
			await page.route('**/__recompute/**', (route) => {
				const file = new URL(route.request().url()).pathname.replace('/__recompute/', '');
				return route.fulfill({ path: `${outDir}/${file}` });
			});
			await page.addScriptTag({ url: '/__recompute/entry.js', type: 'module' });
			await page.waitForFunction(() => 'dragRecompute' in globalThis);
			await page.evaluate(([e, n, kk]) => globalThis.dragRecompute.setup(e, n, kk), [engine, 512, k]);
		},
		drag
	};
}

export default [3, 5].flatMap((k) => [workload(k, null), workload(k, 'flipshift'), workload(k, 'tfjs-wasm')]);
