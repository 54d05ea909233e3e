import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UrlSync } from '$lib/deck/url-sync.svelte';

describe('UrlSync', () => {
	let replaced: string[];
	let sync: UrlSync;

	beforeEach(() => {
		vi.useFakeTimers();
		vi.stubGlobal('location', { href: 'http://127.0.0.1/activations?step=2&x=1' });
		replaced = [];
		sync = new UrlSync((url) => {
			replaced.push(url.search);
			(globalThis.location as { href: string }).href = url.href;
		}, 250);
	});
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});

	it('a burst of writes becomes one replace after 250 ms of quiet, keeping the step', () => {
		for (let i = 0; i < 30; i++) {
			sync.write({ x: i / 10 });
			vi.advanceTimersByTime(16);
		}
		expect(replaced).toEqual([]);
		vi.advanceTimersByTime(250);
		expect(replaced).toEqual(['?step=2&x=2.9']);
	});

	it('says when settings start waiting and when they are written (flush or the quiet timer)', () => {
		const told: boolean[] = [];
		const s = new UrlSync(
			() => {},
			250,
			(pending) => told.push(pending)
		);
		s.write({ x: 1 });
		s.write({ x: 2 });
		expect(told).toEqual([true]);
		vi.advanceTimersByTime(250);
		expect(told).toEqual([true, false]);
		s.write({ x: 3 });
		s.flush();
		s.flush();
		expect(told).toEqual([true, false, true, false]);
	});

	it('flush writes pending values at once and skips a write that changes nothing', () => {
		sync.write({ alpha: 0.2, x: null });
		sync.flush();
		expect(replaced).toEqual(['?step=2&alpha=0.2']);
		sync.write({ alpha: 0.2 });
		sync.flush();
		vi.advanceTimersByTime(1000);
		expect(replaced).toHaveLength(1);
	});

	it('dispose flushes what is pending', () => {
		sync.write({ x: 3 });
		sync.dispose();
		expect(replaced).toEqual(['?step=2&x=3']);
	});
});
