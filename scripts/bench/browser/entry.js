// The browser benchmark page (built by scripts/bench-browser.js, driven by Playwright): every
// flipshift backend present in this Chromium, 'auto', the reference, and the tfjs wasm (SIMD) and
// webgl peers, timed inside the page so no data crosses page.evaluate during a measurement.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { availableBackends, createKernelSet, dispatcherOf } from '../../../src/lib/kernels/index.ts';
import { calibration } from '../../../src/lib/kernels/calibrate.ts';
import * as reference from '../../../src/lib/kernels/reference.ts';
import { tfjsRun, workloads } from '../workloads.js';

/**
 * Chromium coarsens performance.now() to 0.1 ms on a page that is not cross-origin isolated, so a
 * sample is a batch of calls lasting at least this long, and the per-call time is batch / calls.
 */
const MIN_BATCH_MS = 5;
/** A backend whose single call takes longer than this gets only a few samples (software WebGL). */
const SLOW_CALL_MS = 150;

const engines = new Map();
let list = [];

async function medianPerCall(fn, budgetMs) {
	await fn();
	const t0 = performance.now();
	await fn();
	const single = performance.now() - t0;
	const calls = Math.min(200, Math.max(1, Math.ceil(MIN_BATCH_MS / Math.max(single, 0.005))));
	const minRuns = single > SLOW_CALL_MS ? 2 : 5;
	const times = [];
	const start = performance.now();
	while (times.length < minRuns || (times.length < 100 && performance.now() - start < budgetMs)) {
		const b0 = performance.now();
		for (let i = 0; i < calls; i++) await fn();
		times.push((performance.now() - b0) / calls);
		if (single > SLOW_CALL_MS && times.length >= minRuns) break;
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)];
}

async function useTf(backend) {
	if (tf.getBackend() !== backend) {
		await tf.setBackend(backend);
		await tf.ready();
	}
}

/** Creates every set; returns the backends, the calibration cost and the peers' settings. */
async function setup() {
	// the wasm binaries are served next to this page (copied from node_modules by the script)
	setWasmPaths(new URL('./tfjs-wasm/', location.href).href);
	const present = await availableBackends();
	// start-up: until createKernelSet resolves; background: until every candidate is measured
	const t0 = performance.now();
	const auto = await createKernelSet({ backend: 'auto' });
	const startupMs = performance.now() - t0;
	await dispatcherOf(auto).background;
	const backgroundMs = performance.now() - t0;
	engines.set('auto', auto);
	for (const b of present) engines.set(b, await createKernelSet({ backend: b }));
	await useTf('wasm');
	const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
	const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
	await useTf('webgl');
	const webglVersion = tf.env().getNumber('WEBGL_VERSION');
	list = workloads();
	return {
		present,
		startupMs,
		backgroundMs,
		calibration: Object.fromEntries(calibration()),
		simd,
		threads,
		webglVersion,
		userAgent: navigator.userAgent,
		workloads: list.map((w) => w.name)
	};
}

/** Times one workload on every engine; webgpu only exists behind the asynchronous operations. */
async function runWorkload(i, budgetMs = 300) {
	const w = list[i];
	const ms = {};
	let picked;
	const slow = w.work > 5e6 ? budgetMs / 2 : budgetMs;
	for (const [name, set] of engines) {
		if (name === 'webgpu') ms[name] = await medianPerCall(() => w.flipshift(set.async), slow);
		else
			ms[name] = await medianPerCall(() => {
				w.flipshift(set);
				if (name === 'auto') picked = set.backend;
			}, slow);
	}
	ms.reference = await medianPerCall(() => w.reference(reference), slow);
	for (const [column, backend] of [
		['tfjs-wasm', 'wasm'],
		['tfjs-webgl', 'webgl']
	]) {
		await useTf(backend);
		// inputs are created inside tidy (freed there); the readback is part of the time
		ms[column] = await medianPerCall(() => tfjsRun(tf, w), budgetMs);
	}
	return { name: w.name, picked, ms };
}

function close() {
	for (const set of engines.values()) set.dispose();
	engines.clear();
}

Object.assign(globalThis, { bench: { setup, runWorkload, close } });
