import { describe, expect, it } from 'vitest';
import type { Hyper, InitCommand, WorkerEvent } from '$lib/nn/worker/protocol';
import { SequenceSession } from '$lib/nn/worker/sequence-session';

const hyper: Hyper = {
	optimizer: 'adam',
	learningRate: 0.01,
	batchSize: 32,
	weightDecay: 0,
	dropout: 0,
	batchNorm: false
};
const init = (model: string, patch: Partial<InitCommand> = {}): InitCommand => ({
	type: 'init',
	model,
	task: 'remember',
	seed: 1,
	hyper,
	dataUrl: '',
	sequence: { length: 8, hiddenSize: 8, epochs: 1 },
	...patch
});

async function session(model = 'lstm', patch: Partial<InitCommand> = {}) {
	const events: WorkerEvent[] = [];
	const s = new SequenceSession(
		(e) => events.push(e),
		() => null
	);
	await s.handle(init(model, patch));
	const last = <T extends WorkerEvent['type']>(type: T) =>
		events.filter((e) => e.type === type).at(-1) as Extract<WorkerEvent, { type: T }> | undefined;
	return { s, events, last };
}

describe('SequenceSession (the training worker on a recurrent model)', () => {
	it('init lstm/gru/rnn remember len 8 hidden 8: ready with the parameter counts, 100 steps in one epoch', async () => {
		// inputs 4, hidden 8, 4 classes: RNN 8·(4+8+1)+36 = 140, LSTM 4·8·13+36 = 452, GRU 3·8·13+24+36 = 372
		for (const [model, parameters] of [
			['rnn', 140],
			['lstm', 452],
			['gru', 372]
		] as const) {
			const { last } = await session(model);
			expect(last('ready')).toMatchObject({ parameters, classes: 4, stepsPerEpoch: 100 });
			expect(last('progress')).toMatchObject({ step: 0, totalSteps: 100, running: false, etaMs: null });
		}
	});

	it('init lstm: the trace holds the gates per time step and the gradient size per step', async () => {
		const { last } = await session('lstm', { inspect: 3 });
		const t = last('trace')!.trace;
		expect(t.index).toBe(3);
		expect([t.steps, t.hiddenSize, t.inputSize]).toEqual([8, 8, 4]);
		expect(Object.keys(t.gates).sort()).toEqual(['candidate', 'cell', 'forget', 'input', 'output']);
		expect(t.gates.forget.length).toBe(8 * 8);
		expect(t.gradNorms.length).toBe(8);
		expect(t.output.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
	});

	it('step: exactly one step, a held-out score and an ETA; inspect 5 moves the trace', async () => {
		const { s, last } = await session('gru');
		await s.handle({ type: 'step' });
		const p = last('progress')!;
		expect(p.step).toBe(1);
		expect(p.seen).toBe(32);
		expect(p.heldOut!.accuracy).toBeGreaterThanOrEqual(0);
		expect(p.etaMs).toBeGreaterThanOrEqual(0);
		await s.handle({ type: 'inspect', index: 5 });
		expect(last('trace')!.trace.index).toBe(5);
		await s.handle({ type: 'inspect', index: 9999 });
		expect(last('error')!.message).toMatch(/sequence must be/);
	});

	it('save then load into a fresh model restores its held-out score; a foreign file changes nothing', async () => {
		const a = await session('lstm');
		for (let i = 0; i < 5; i++) await a.s.handle({ type: 'step' });
		await a.s.handle({ type: 'save' });
		const file = a.last('saved')!.json;
		const score = a.last('progress')!.heldOut;
		const b = await session('lstm');
		await b.s.handle({ type: 'load', json: JSON.parse(JSON.stringify(file)) });
		expect(b.last('progress')!.heldOut).toEqual(score);
		const before = b.last('progress')!.heldOut;
		await b.s.handle({ type: 'load', json: { format: 'flipshift-model', version: 1 } });
		expect(b.last('error')!.message).toMatch(/^That model file was not loaded: /);
		await b.s.handle({ type: 'pause' });
		expect(b.last('progress')!.heldOut).toEqual(before);
	});

	it('init with weights starts from them; reset goes back to random weights of the seed', async () => {
		const a = await session('lstm');
		for (let i = 0; i < 5; i++) await a.s.handle({ type: 'step' });
		await a.s.handle({ type: 'save' });
		const fresh = (await session('lstm')).last('progress')!.heldOut;
		const b = await session('lstm', { weights: a.last('saved')!.json });
		expect(b.last('progress')!.heldOut).toEqual(a.last('progress')!.heldOut);
		await b.s.handle({ type: 'reset' });
		expect(b.last('progress')!.heldOut).toEqual(fresh);
	});

	it('refuses a bad init (model cnn, no sequence settings) and a command it cannot answer, keeping the model', async () => {
		const { s, last } = await session('lstm');
		await s.handle(init('cnn'));
		expect(last('error')!.message).toMatch(/model must be one of rnn, lstm, gru, got cnn/);
		await s.handle(init('lstm', { sequence: undefined }));
		expect(last('error')!.message).toMatch(/sequence settings/);
		await s.handle({ type: 'probe', id: 'p1', image: new Float32Array(4) });
		expect(last('error')!.message).toMatch(/cannot answer 'probe'/);
		await s.handle({ type: 'step' });
		expect(last('progress')!.step).toBe(1);
	});
});
