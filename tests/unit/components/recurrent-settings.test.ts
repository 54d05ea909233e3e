import { describe, expect, it } from 'vitest';
import { ParamReader, withParams } from '$lib/deck/params';
import { ModelSync } from '$lib/components/recurrent/model-sync';
import { RecurrentPageSettings } from '$lib/components/recurrent/settings.svelte';
import type { TrainerClient } from '$lib/components/trainer-client.svelte';
import type { RecurrentKind } from '$lib/nn/recurrent/models';
import type { Command, InitCommand } from '$lib/nn/worker/protocol';

const TASKS = ['remember', 'detect', 'predict'] as const;
function settings(model: RecurrentKind, query = '') {
	const reader = new ParamReader(new URLSearchParams(query));
	return { s: new RecurrentPageSettings(model, reader, TASKS, 'remember'), problems: reader.problems };
}

describe('RecurrentPageSettings: batch size and keep-gate bias', () => {
	it('lstm ?batch=64&bias=1: read, sent to the worker, written back the same', () => {
		const { s, problems } = settings('lstm', 'batch=64&bias=1');
		expect([s.batchSize, s.keepBias, problems]).toEqual([64, 1, []]);
		const init = s.init();
		expect(init.hyper.batchSize).toBe(64);
		expect(init.sequence!.keepBias).toBe(1);
		const again = settings('lstm', withParams(new URLSearchParams(), s.toParams()).toString()).s;
		expect(again.toParams()).toEqual(s.toParams());
	});
	it('defaults without a link: batch 32, bias 3; the plain RNN writes no bias and ignores one', () => {
		expect(settings('gru').s.toParams()).toMatchObject({ batch: 32, bias: 3 });
		const { s, problems } = settings('rnn', 'bias=abc');
		expect(s.toParams().bias).toBeUndefined();
		expect(problems).toEqual([]);
	});
	it('malformed links: batch=abc → 32, bias=x → 3, batch=9999 → 256, bias=2.57 → 2.6, each noted', () => {
		const a = settings('lstm', 'batch=abc&bias=x');
		expect([a.s.batchSize, a.s.keepBias]).toEqual([32, 3]);
		expect(a.problems).toEqual(['batch="abc" is not a number', 'bias="x" is not a number']);
		const b = settings('lstm', 'batch=9999&bias=2.57');
		expect([b.s.batchSize, b.s.keepBias]).toEqual([256, 2.6]);
		expect(b.problems).toEqual(['batch=9999 is outside 1…256']);
	});
	it('set batchSize "0", "-4", "2.5", "abc", "1e9" are refused and keep 32; "64" is taken', () => {
		const { s } = settings('gru');
		for (const [text, message] of [
			['0', /^batch size must be at least 1 and at most 256, got 0; it stays 32\.$/],
			['-4', /at least 1/],
			['2.5', /batch size must be a whole number, got 2\.5/],
			['abc', /batch size: "abc" is not a number/],
			['1e9', /at most 256/]
		] as const) {
			expect(s.set('batchSize', text)).toMatch(message);
			expect(s.batchSize).toBe(32);
		}
		expect(s.set('batchSize', ' 64 ')).toBeNull();
		expect(s.batchSize).toBe(64);
	});
	it('set keepBias: named after the page’s gate, snapped to 0.1, 9 refused', () => {
		const lstm = settings('lstm').s;
		expect(lstm.set('keepBias', '9')).toBe(
			'forget-gate bias must be at least -5 and at most 5, got 9; it stays 3.'
		);
		expect(lstm.set('keepBias', '1.04')).toBeNull();
		expect(lstm.keepBias).toBe(1);
		const gru = settings('gru').s;
		expect(gru.set('keepBias', 'two')).toMatch(/^update-gate bias: "two" is not a number/);
		expect(gru.set('learningRate', '0')).toMatch(/^learning rate must be at least 0\.0001/);
		expect(gru.set('learningRate', '0.0123456')).toBeNull();
		expect(gru.learningRate).toBe(0.0123);
	});
});

describe('ModelSync: a fresh model or the live hyperparameters', () => {
	function fake() {
		const sent: Command[] = [];
		const remembered: Partial<InitCommand>[] = [];
		const client = {
			send: (c: Command) => sent.push(c),
			remember: (p: Partial<InitCommand>) => remembered.push(p)
		};
		return { sync: new ModelSync(client as unknown as TrainerClient), sent, remembered };
	}
	it('init, then batch 32→8 sends hyper only; the bias or the inspected sequence: init / nothing', () => {
		const { s } = settings('lstm');
		const { sync, sent, remembered } = fake();
		expect(sync.send(s.init())).toBe('init');
		expect(sync.send(s.init())).toBeNull();
		s.batchSize = 8;
		expect(sync.send(s.init())).toBe('hyper');
		expect(s.learningRate).toBe(0.003); // remember's own rate
		expect(sent.at(-1)).toEqual({ type: 'hyper', hyper: { batchSize: 8, learningRate: s.learningRate } });
		expect(remembered.at(-1)!.hyper!.batchSize).toBe(8);
		expect(sync.send({ ...s.init(), inspect: 7 })).toBeNull();
		s.keepBias = 1;
		expect(sync.send(s.init())).toBe('init');
		expect(sent.at(-1)).toMatchObject({ type: 'init', hyper: { batchSize: 8 }, sequence: { keepBias: 1 } });
		sync.forget();
		expect(sync.send(s.init())).toBe('init');
		expect(sent.length).toBe(4);
	});
});
