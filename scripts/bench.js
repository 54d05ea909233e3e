// npm run bench [-- --json out.json] [-- --only 'max pool']: medians (ms) per workload for every
// node backend of flipshift, 'auto', the reference, @tensorflow/tfjs-backend-wasm (SIMD) and
// tfjs-backend-cpu, plus auto/tfjs-wasm. --only keeps the workloads whose name contains the text
// and skips the LSTM and train-step timings.
// The TypeScript kernels are bundled for node with vite first (node 20 cannot run .ts directly).
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import { formatTable, medianMs, tfjsRun, workloads } from './bench/workloads.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${root}test-results/bench-node`;
await build({
	root,
	configFile: false,
	logLevel: 'warn',
	build: {
		ssr: true,
		outDir,
		emptyOutDir: true,
		rollupOptions: {
			input: {
				kernels: 'src/lib/kernels/index.ts',
				reference: 'src/lib/kernels/reference.ts',
				calibrate: 'src/lib/kernels/calibrate.ts'
			}
		}
	}
});
const kernels = await import(pathToFileURL(`${outDir}/kernels.js`).href);
const reference = await import(pathToFileURL(`${outDir}/reference.js`).href);
const { calibration } = await import(pathToFileURL(`${outDir}/calibrate.js`).href);

const tf = await import('@tensorflow/tfjs-core');
const wasm = await import('@tensorflow/tfjs-backend-wasm');
await import('@tensorflow/tfjs-backend-cpu');
wasm.setWasmPaths(pathToFileURL(`${root}node_modules/@tensorflow/tfjs-backend-wasm/dist/`).href);
await tf.setBackend('wasm');
await tf.ready();
const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');

// gpu.js is imported (and every mode probed) first, so the time below is auto's own start-up
const present = await kernels.availableBackends();
// start-up: until createKernelSet resolves (js at once); background: until every candidate is
// measured (auto.ts). The table times auto after that, in its steady state.
const t0 = performance.now();
const auto = await kernels.createKernelSet({ backend: 'auto' });
const startupMs = performance.now() - t0;
await kernels.dispatcherOf(auto).background;
const backgroundMs = performance.now() - t0;
const models = Object.fromEntries(calibration());
process.stderr.write(
	`start-up ${startupMs.toFixed(1)} ms, background ${backgroundMs.toFixed(0)} ms: ${JSON.stringify(models)}\n`
);
// --calibration: only measure and print what auto measured (a quick check of the cost models)
if (process.argv.includes('--calibration')) process.exit(0);
// let the garbage of gpu.js's kernel builds be collected before timing (GC threads share 2 cores)
await new Promise((resolve) => setTimeout(resolve, 1000));
const sets = { js: await kernels.createKernelSet({ backend: 'js' }) };
for (const b of ['webasm', 'cpu']) sets[b] = await kernels.createKernelSet({ backend: b });

const columns = ['auto', 'js', 'webasm', 'cpu', 'reference', 'tfjs-wasm', 'tfjs-cpu'];
const rows = [];
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
for (const w of workloads().filter((w) => !only || w.name.includes(only))) {
	const ms = {};
	const slow = w.work > 5e6 ? { budgetMs: 300, minRuns: 2, maxRuns: 5 } : {};
	let picked;
	ms.auto = await medianMs(() => {
		w.flipshift(auto);
		picked = auto.backend;
	});
	for (const [b, set] of Object.entries(sets))
		ms[b] = await medianMs(() => w.flipshift(set), b === 'cpu' ? slow : {});
	ms.reference = await medianMs(() => w.reference(reference), slow);
	// inputs are created inside tidy (freed there); the readback is part of the time
	for (const [column, backend] of [
		['tfjs-wasm', 'wasm'],
		['tfjs-cpu', 'cpu']
	]) {
		await tf.setBackend(backend);
		ms[column] = await medianMs(() => tfjsRun(tf, w), backend === 'cpu' ? slow : {});
	}
	rows.push({ name: w.name, picked, ms });
	process.stderr.write(`${w.name}: auto ran ${picked}\n`);
}
for (const s of [auto, ...Object.values(sets)]) s.dispose();

const header = `Node ${process.version}, ${cpus().length}× ${cpus()[0]?.model}, tfjs-wasm SIMD ${simd}, backends ${present.join(', ')}, auto start-up ${startupMs.toFixed(1)} ms (background measurement done after ${backgroundMs.toFixed(0)} ms)`;
console.log(header);
console.log(formatTable(rows, columns));
console.log('auto picked:', rows.map((r) => `${r.name} → ${r.picked}`).join('; '));
if (only) process.exit(0);
// the trainer: an LSTM training step against tfjs-core on its cpu backend (scripts/bench/lstm.js)
await import('@tensorflow/tfjs-backend-cpu');
const { benchLstm } = await import('./bench/lstm.js');
const lstm = await benchLstm(root, tf);
console.log(
	`${lstm.name}: flipshift ${lstm.flipshift.toFixed(1)} ms, tfjs-cpu ${lstm.tfjsCpu.toFixed(1)} ms, flipshift/tfjs-cpu ${lstm.ratio.toFixed(3)}`
);
const i = process.argv.indexOf('--json');
if (i > 0)
	writeFileSync(
		process.argv[i + 1] ?? 'bench-results/bench-node.json',
		JSON.stringify({ header, calibration: models, rows, lstm }, null, 1)
	);

// The trainer: one training step of the benchmark CNN against tfjs's cpu backend (bench/train-step.js).
const { benchTrainStep } = await import('./bench/train-step.js');
const step = await benchTrainStep();
console.log(
	`train step (conv 8@3×3 → ReLU → max pool 2 → dense 10, batch 32, 28×28, SGD): flipshift ${step.flipshiftMs.toFixed(2)} ms, tfjs cpu ${step.tfjsCpuMs.toFixed(1)} ms (${step.ratio.toFixed(0)}× faster)`
);
