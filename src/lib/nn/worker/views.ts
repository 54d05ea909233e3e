/** What the trainer page draws, computed in the worker: activations of one image, confusion matrix. */
import { createRng } from '$lib/signal/random';
import { softmax } from '../losses';
import type { Sequential } from '../sequential';
import type { Dataset } from '../train';
import type { Loss } from '../types';
import type { Hyper } from './protocol';

const evalCtx = { training: false, rng: createRng(0) };

/** The first `n` examples (or all, if fewer) as a Dataset. */
export function testSubset(data: Dataset, n: number): Dataset {
	return { size: Math.min(n, data.size), batch: (idx) => data.batch(idx) };
}

/**
 * Probabilities and first-layer maps for one image. The maps are taken after the first ReLU and
 * after the first pooling layer (where the model has them), else after the first layer.
 */
export function inspectImage(model: Sequential, image: Float32Array, _hyper: Hyper, inputShape: number[]) {
	const acts = model.activations({ shape: [1, ...inputShape], data: image }, evalCtx);
	const kinds = model.layers.map((l) => l.kind);
	const relu = kinds.indexOf('relu');
	const pool = kinds.findIndex((k) => k.endsWith('pool2d'));
	const at = (i: number) => acts[i + 1];
	const maps = relu >= 0 ? at(relu) : at(0);
	const pooled = pool >= 0 ? at(pool) : maps;
	return {
		probs: softmax(acts[acts.length - 1]).data,
		maps: Float32Array.from(maps.data),
		mapShape: maps.shape.slice(1),
		pooled: Float32Array.from(pooled.data),
		pooledShape: pooled.shape.slice(1)
	};
}

/** Mean loss, accuracy and the confusion matrix `matrix[true · K + predicted]` in one pass. */
export function evaluateClasses(model: Sequential, loss: Loss, data: Dataset, classes: number) {
	const matrix = new Int32Array(classes * classes);
	let total = 0;
	for (let s = 0; s < data.size; s += 250) {
		const idx = Int32Array.from({ length: Math.min(250, data.size - s) }, (_, i) => s + i);
		const b = data.batch(idx);
		const out = model.forward(b.input, evalCtx);
		total += loss.forward(out, b.target) * idx.length;
		const labels = b.target as Int32Array;
		for (let r = 0; r < idx.length; r++) {
			let best = 0;
			for (let j = 1; j < classes; j++)
				if (out.data[r * classes + j] > out.data[r * classes + best]) best = j;
			matrix[labels[r] * classes + best]++;
		}
	}
	let right = 0;
	for (let c = 0; c < classes; c++) right += matrix[c * classes + c];
	return { loss: total / data.size, accuracy: right / data.size, matrix };
}
