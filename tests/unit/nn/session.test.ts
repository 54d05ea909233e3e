import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// each test loads 10 000 digits and evaluates 2 000: seconds on a busy machine
const SLOW = 60_000;
import type { Hyper, WorkerEvent } from '$lib/nn/worker/protocol';
import { TrainingSession } from '$lib/nn/worker/session';

const read = () => async (name: string) => {
	const b = readFileSync(`static/data/${name}`);
	return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};
const hyper: Hyper = {
	optimizer: 'adam',
	learningRate: 0.003,
	batchSize: 32,
	weightDecay: 0,
	dropout: 0,
	batchNorm: false
};

async function session() {
	const events: WorkerEvent[] = [];
	const s = new TrainingSession(
		(e) => events.push(e),
		read,
		() => null
	);
	await s.handle({
		type: 'init',
		model: 'cnn',
		task: 'digits',
		seed: 1,
		hyper,
		dataUrl: '',
		trainLimit: 1000
	});
	return {
		s,
		events,
		last: <T extends WorkerEvent['type']>(t: T) =>
			events.filter((e) => e.type === t).at(-1) as Extract<WorkerEvent, { type: T }>
	};
}

describe('TrainingSession (the worker without the Worker)', { timeout: SLOW }, () => {
	it('init cnn/digits trainLimit=1000 reports ready, metrics, a view and a confusion matrix', async () => {
		const { last } = await session();
		expect(last('ready')).toMatchObject({ trainSize: 1000, testSize: 2000, stepsPerEpoch: 32, classes: 10 });
		expect(last('view').filterShape).toEqual([8, 1, 3, 3]);
		expect(last('view').mapShape).toEqual([8, 28, 28]);
		const cm = last('confusion').matrix;
		expect(cm.reduce((a, b) => a + b, 0)).toBe(2000);
	});
	it('step trains one batch: seen 32, progress reported', async () => {
		const { s, last } = await session();
		await s.handle({ type: 'step' });
		expect(last('progress')).toMatchObject({ seen: 32, running: false, epoch: 0 });
	});
	it('hyper learningRate -1 and batchSize 0 are refused with a message, training unchanged', async () => {
		const { s, last } = await session();
		await s.handle({ type: 'hyper', hyper: { learningRate: -1 } });
		expect(last('error').message).toMatch(/learning rate must be a number in \(0, 10\], got -1/);
		await s.handle({ type: 'hyper', hyper: { batchSize: 0 } });
		expect(last('error').message).toMatch(/batchSize must be a whole number/);
		await s.handle({ type: 'step' });
		expect(last('progress').seen).toBe(32);
	});
	it('a broken and a foreign model file are refused; the current model keeps its weights', async () => {
		const { s, events, last } = await session();
		await s.handle({ type: 'save' });
		const before = JSON.stringify(last('saved').json.params);
		await s.handle({ type: 'load', json: '{"format": "flipshift-model", "version": 1, "name": "x"' });
		expect(last('error').message).toMatch(/not valid JSON/);
		await s.handle({ type: 'load', json: { format: 'keras' } });
		expect(last('error').message).toMatch(/format is "keras"/);
		await s.handle({ type: 'save' });
		expect(JSON.stringify(last('saved').json.params)).toBe(before);
		expect(events.some((e) => e.type === 'loaded')).toBe(false);
	});
	it('loading static/models/cnn-digits.json gives test accuracy ≥ 0.95 at once', async () => {
		const { s, last } = await session();
		await s.handle({ type: 'load', json: readFileSync('static/models/cnn-digits.json', 'utf8') });
		expect(last('loaded').name).toBe('cnn-digits');
		expect(last('metrics').point.testAccuracy).toBeGreaterThanOrEqual(0.95);
	});
	it('probe of a blank 28×28 image returns 10 probabilities summing to 1 and [8,14,14] pooled maps', async () => {
		const { s, last } = await session();
		await s.handle({ type: 'probe', id: 'a', image: new Float32Array(784) });
		const p = last('probe');
		expect(p.probs).toHaveLength(10);
		expect(p.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
		expect(p.pooledShape).toEqual([8, 14, 14]);
	});
});
