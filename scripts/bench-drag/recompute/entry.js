// Injected into the convolution-2d page by scripts/bench-drag/convolution-2d.js: on every pointer
// move with a button down it recomputes the whole output map (512×512 ⊛ k×k, 'valid') with one
// engine and paints it into the page's output canvas, on top of what the page itself does, so
// the drag latency of "recompute per event" can be compared between flipshift and tfjs-wasm.
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createKernelSet, dispatcherOf } from '../../../src/lib/kernels/index.ts';

let run = null;

function paint(values, side) {
	const canvas = document.querySelector('[data-testid="output-view"] canvas');
	if (!canvas) return;
	const image = new ImageData(side, side);
	for (let i = 0; i < values.length; i++) {
		const g = Math.max(0, Math.min(255, 128 + values[i] * 64));
		image.data.set([g, g, g, 255], i * 4);
	}
	canvas.getContext('2d').putImageData(image, 0, 0);
}

async function setup(engine, n, k) {
	const data = Float32Array.from({ length: n * n }, (_, i) => ((i * 7919) % 256) / 255);
	const filter = Float32Array.from({ length: k * k }, (_, i) => (i % 3) - 1);
	const side = n - k + 1;
	if (engine === 'tfjs-wasm') {
		setWasmPaths(new URL('/__recompute/tfjs-wasm/', location.href).href);
		await tf.setBackend('wasm');
		await tf.ready();
		const x = tf.tensor4d(data, [1, n, n, 1]);
		const w = tf.tensor4d(filter, [k, k, 1, 1]);
		run = () => {
			const y = tf.conv2d(x, w, 1, 'valid');
			const out = y.dataSync();
			y.dispose();
			paint(out, side);
		};
		return tf.getBackend();
	}
	const kernels = await createKernelSet({ backend: 'auto' });
	await dispatcherOf(kernels).background;
	const input = { shape: [1, n, n], data };
	const weight = { shape: [1, 1, k, k], data: filter };
	run = () => paint(kernels.conv2d(input, weight).data, side);
	run();
	return kernels.backend;
}

window.addEventListener(
	'pointermove',
	(event) => {
		if (event.buttons !== 0 && run) run();
	},
	{ capture: true }
);

globalThis.dragRecompute = { setup };
