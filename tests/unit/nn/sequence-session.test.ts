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

	it('hyper batchSize 32→64 mid-epoch: from the next step, 64 sequences a step; the model and its steps stay', async () => {
		const { s, last } = await session('lstm');
		for (let i = 0; i < 3; i++) await s.handle({ type: 'step' });
		const heldOut = last('progress')!.heldOut;
		await s.handle({ type: 'hyper', hyper: { batchSize: 64 } });
		// 3 · 32 = 96 of 3200 sequences seen: ⌈3104 / 64⌉ = 49 steps left in the single epoch
		expect(last('progress')).toMatchObject({ step: 3, totalSteps: 3 + 49, seen: 96, heldOut });
		await s.handle({ type: 'step' });
		expect(last('progress')).toMatchObject({ step: 4, seen: 160, totalSteps: 52 });
		await s.handle({ type: 'reset' });
		expect(last('ready')!.stepsPerEpoch).toBe(50);
	});

	it('hyper batchSize 0, 1.5 and dropout are refused with messages; training goes on at batch 32', async () => {
		const { s, last } = await session('gru');
		await s.handle({ type: 'hyper', hyper: { batchSize: 0 } });
		expect(last('error')!.message).toMatch(/batchSize must be a whole number from 1/);
		await s.handle({ type: 'hyper', hyper: { batchSize: 1.5 } });
		expect(last('error')!.message).toMatch(/batchSize must be a whole number/);
		await s.handle({ type: 'hyper', hyper: { dropout: 0.5 } });
		expect(last('error')!.message).toMatch(/cannot change dropout/);
		await s.handle({ type: 'step' });
		expect(last('progress')).toMatchObject({ step: 1, seen: 32, totalSteps: 100 });
	});

	it('init lstm keepBias 1 and 3: the forget gate starts near σ(1) = 0.731 and σ(3) = 0.953; 20 is refused', async () => {
		for (const [bias, sigma] of [
			[1, 0.7311],
			[3, 0.9526]
		]) {
			const { last } = await session('lstm', {
				sequence: { length: 8, hiddenSize: 8, epochs: 1, keepBias: bias }
			});
			const f = last('trace')!.trace.gates.forget;
			expect(Math.abs(f.reduce((a, b) => a + b, 0) / f.length - sigma)).toBeLessThan(0.05);
		}
		const { s, last } = await session('gru');
		await s.handle(init('gru', { sequence: { length: 8, hiddenSize: 8, epochs: 1, keepBias: 20 } }));
		expect(last('error')!.message).toMatch(/keep-gate bias must be between -10 and 10, got 20/);
	});

	it('init lstm predict len 12: the trace holds a prediction per step, the last one the output; held-out RMSE', async () => {
		const { last } = await session('lstm', {
			task: 'predict',
			sequence: { length: 12, hiddenSize: 8, epochs: 1 }
		});
		const t = last('trace')!.trace;
		expect(t.predictions!.length).toBe(12);
		expect(t.predictions![11]).toBeCloseTo(t.output[0], 6);
		const h = last('progress')!.heldOut!;
		expect(h.rmse! ** 2).toBeCloseTo(h.loss, 6);
		expect(h.naiveRmse).toBeGreaterThan(0.1);
	});
});
