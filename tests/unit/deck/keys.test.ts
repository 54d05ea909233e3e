import { describe, expect, it } from 'vitest';
import { KEY_BINDINGS, actionForKey, keyBelongsToTarget, keyLabel } from '$lib/deck/keys';

describe('actionForKey', () => {
	it.each([
		['ArrowRight', 'next'],
		['ArrowDown', 'next'],
		['PageDown', 'next'],
		[' ', 'next'],
		['ArrowLeft', 'previous'],
		['ArrowUp', 'previous'],
		['PageUp', 'previous'],
		['Home', 'first'],
		['End', 'last'],
		['f', 'fullscreen'],
		['F', 'fullscreen'],
		['p', 'theme'],
		['P', 'theme'],
		['b', 'blank'],
		['B', 'blank'],
		['s', 'presenter'],
		['S', 'presenter'],
		['e', 'export'],
		['E', 'export'],
		['?', 'help'],
		['Escape', 'close']
	])('key %j → %s', (key, action) => {
		expect(actionForKey({ key })).toBe(action);
	});

	it('unbound keys and browser shortcuts with modifiers do nothing', () => {
		expect(actionForKey({ key: 'x' })).toBeNull();
		expect(actionForKey({ key: 'Enter' })).toBeNull();
		expect(actionForKey({ key: 'f', ctrlKey: true })).toBeNull();
		expect(actionForKey({ key: 'ArrowLeft', altKey: true })).toBeNull();
		expect(actionForKey({ key: 'p', metaKey: true })).toBeNull();
	});

	it('every binding has a label and no key is bound twice', () => {
		const keys = KEY_BINDINGS.flatMap((b) => b.keys);
		expect(new Set(keys).size).toBe(keys.length);
		for (const b of KEY_BINDINGS) expect(b.label.length).toBeGreaterThan(5);
	});
});

describe('keyBelongsToTarget', () => {
	const input = (type: string) => ({ tagName: 'INPUT', type, closest: () => null });

	it('text fields keep every key except the clicker keys', () => {
		for (const key of ['ArrowRight', ' ', 'f', 'p', 'Home'])
			expect(keyBelongsToTarget(key, input('text'))).toBe(true);
		expect(keyBelongsToTarget('PageDown', input('text'))).toBe(false);
		expect(keyBelongsToTarget('PageUp', input('number'))).toBe(false);
	});

	it('a textarea keeps even the clicker keys', () => {
		expect(keyBelongsToTarget('PageDown', { tagName: 'TEXTAREA', closest: () => null })).toBe(true);
	});

	it('a slider keeps arrows, Home/End and Space, but letters and PgDn reach the deck', () => {
		const range = input('range');
		expect(keyBelongsToTarget('ArrowRight', range)).toBe(true);
		expect(keyBelongsToTarget('End', range)).toBe(true);
		expect(keyBelongsToTarget('f', range)).toBe(false);
		expect(keyBelongsToTarget('PageDown', range)).toBe(false);
	});

	it('buttons, the page body and null leave keys to the deck; data-deck-keys="off" claims them', () => {
		expect(keyBelongsToTarget('ArrowRight', { tagName: 'BUTTON', closest: () => null })).toBe(false);
		expect(keyBelongsToTarget('ArrowRight', null)).toBe(false);
		expect(keyBelongsToTarget('ArrowRight', { tagName: 'DIV', closest: () => ({}) })).toBe(true);
		expect(keyBelongsToTarget(' ', { tagName: 'DIV', isContentEditable: true, closest: () => null })).toBe(
			true
		);
	});

	it('keyLabel names the special keys', () => {
		expect(keyLabel('ArrowRight')).toBe('→');
		expect(keyLabel(' ')).toBe('Space');
		expect(keyLabel('F')).toBe('F');
	});
});
