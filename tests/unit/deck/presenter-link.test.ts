import { describe, expect, it } from 'vitest';
import { nextStepAddress, parseMessage, presenterWindowName } from '$lib/deck/presenter-link';
import { PresenterState } from '$lib/deck/presenter.svelte';

const DECK = [
	{ slug: 'a', stepCount: 3 },
	{ slug: 'b', stepCount: 1 }
];

describe('parseMessage', () => {
	it.each([
		[{ kind: 'hello' }, { kind: 'hello' }],
		[{ kind: 'bye', extra: 1 }, { kind: 'bye' }],
		[{ kind: 'closing' }, { kind: 'closing' }],
		[
			{ kind: 'blank', blank: true },
			{ kind: 'blank', blank: true }
		],
		[
			{ kind: 'go', position: { slug: 'a', step: 2 } },
			{ kind: 'go', position: { slug: 'a', step: 2 } }
		],
		[
			{ kind: 'state', position: { slug: 'b', step: 0 }, search: '?step=1', blank: false },
			{ kind: 'state', position: { slug: 'b', step: 0 }, search: '?step=1', blank: false }
		],
		[
			{ kind: 'state', position: null, search: '', blank: true },
			{ kind: 'state', position: null, search: '', blank: true }
		]
	])('accepts %j', (data, message) => {
		expect(parseMessage(DECK, data)).toEqual(message);
	});

	it.each([
		null,
		'hello',
		42,
		{},
		{ kind: 'jump' },
		{ kind: 'blank', blank: 'yes' },
		{ kind: 'go', position: { slug: 'zzz', step: 0 } },
		{ kind: 'go', position: { slug: 'a', step: 3 } },
		{ kind: 'go', position: { slug: 'a', step: -1 } },
		{ kind: 'go', position: { slug: 'a', step: 1.5 } },
		{ kind: 'go' },
		{ kind: 'state', position: { slug: 'a', step: 0 }, search: 5, blank: false },
		{ kind: 'state', position: { slug: 'a', step: 0 }, search: '' },
		{ kind: 'state', position: 'a', search: '', blank: false }
	])('rejects %j', (data) => {
		expect(parseMessage(DECK, data)).toBeNull();
	});
});

describe('presenterWindowName', () => {
	it('is the shared name until a presenter said it is closing, then a fresh one each time', () => {
		expect(presenterWindowName(false, 5)).toBe('flipshift-presenter');
		expect(presenterWindowName(true, 5)).toBe('flipshift-presenter-5');
		expect(presenterWindowName(true, 6)).not.toBe(presenterWindowName(true, 5));
	});
});

describe('nextStepAddress', () => {
	it('a→a keeps the settings and writes the next step: (a,0) "?x=2&step=1" → (a,1) "?x=2&step=2"', () => {
		expect(nextStepAddress(DECK, { slug: 'a', step: 0 }, '?x=2&step=1')).toEqual({
			position: { slug: 'a', step: 1 },
			search: '?x=2&step=2'
		});
	});

	it('a new concept starts without the settings: (a,2) "?x=2" → (b,0) "?step=1"', () => {
		expect(nextStepAddress(DECK, { slug: 'a', step: 2 }, '?x=2')).toEqual({
			position: { slug: 'b', step: 0 },
			search: '?step=1'
		});
	});

	it('from the index the next step is the first concept; after the last step there is none', () => {
		expect(nextStepAddress(DECK, null, '')?.position).toEqual({ slug: 'a', step: 0 });
		expect(nextStepAddress(DECK, { slug: 'b', step: 0 }, '')).toBeNull();
	});
});

describe('PresenterState', () => {
	it('follows the projected window: state sets position, settings and blank; bye disconnects', () => {
		const p = new PresenterState(DECK);
		expect(p.connected).toBe(false);
		p.receive({ kind: 'state', position: { slug: 'a', step: 1 }, search: '?x=1&step=2', blank: true });
		expect([p.position, p.search, p.blank, p.connected]).toEqual([
			{ slug: 'a', step: 1 },
			'?x=1&step=2',
			true,
			true
		]);
		p.receive({ kind: 'bye' });
		expect([p.connected, p.blank]).toEqual([false, false]);
	});

	it('perform(next/previous/first/last) moves through the deck; a new concept drops the settings', () => {
		const p = new PresenterState(DECK);
		expect(p.perform('next')).toBe(true);
		expect(p.position).toEqual({ slug: 'a', step: 0 });
		p.search = '?x=1';
		p.perform('last');
		expect([p.position, p.search]).toEqual([{ slug: 'a', step: 2 }, '?x=1']);
		p.perform('next');
		expect([p.position, p.search]).toEqual([{ slug: 'b', step: 0 }, '']);
		p.perform('next');
		expect(p.position).toEqual({ slug: 'b', step: 0 });
		p.perform('previous');
		p.perform('first');
		expect(p.position).toEqual({ slug: 'a', step: 0 });
	});

	it('perform keeps B and S for the presenter and leaves theme, fullscreen, help and Esc to the window', () => {
		const p = new PresenterState(DECK);
		expect(p.perform('blank')).toBe(true);
		expect(p.blank).toBe(true);
		expect(p.perform('presenter')).toBe(true);
		for (const action of ['theme', 'fullscreen', 'help', 'close'] as const)
			expect(p.perform(action)).toBe(false);
	});
});
