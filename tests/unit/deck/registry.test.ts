import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AGENDA, CONCEPTS, DECK, findConcept, isAvailable, stepCount } from '$lib/concepts/registry';

/** The 19 slugs of the lecture outline, in its order, read from the outline itself. */
function outlineSlugs(): string[] {
	const outline = readFileSync(new URL('../../../../shared/lecture/outline.md', import.meta.url), 'utf8');
	return [...outline.matchAll(/^\| \d+ \| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
}

describe('registry', () => {
	it('registers every concept of the lecture outline, in its order', () => {
		const expected = [
			'activations',
			'projections',
			'shift',
			'continuous-convolution',
			'discrete-convolution',
			'matched-filter',
			'correlation',
			'convolution-2d',
			'cnn',
			'pooling',
			'pooling-backward',
			'p-norm',
			'conv-1x1',
			'parameter-sharing',
			'architectures',
			'train-cnn',
			'rnn',
			'lstm',
			'gru'
		];
		expect(CONCEPTS.map((c) => c.slug)).toEqual(expected);
		let fromOutline: string[] = [];
		try {
			fromOutline = outlineSlugs();
		} catch {
			// The outline lives beside the repo; a checkout without it still has the list above.
		}
		if (fromOutline.length > 0) expect(fromOutline).toEqual(expected);
	});

	it('every concept has a title, a one-line description and what it will show', () => {
		for (const c of CONCEPTS) {
			expect(c.title.length, c.slug).toBeGreaterThan(2);
			expect(c.description.length, c.slug).toBeGreaterThan(20);
			expect(c.description, c.slug).not.toMatch(/\n/);
			expect(c.shows.length, c.slug).toBeGreaterThan(30);
			expect(c.slides.length, c.slug).toBeGreaterThan(5);
		}
	});

	it('available concepts have titled, narrated steps and a loader; the others count one page', () => {
		for (const c of CONCEPTS) {
			if (isAvailable(c)) {
				expect(c.steps.length, c.slug).toBeGreaterThan(1);
				for (const s of c.steps) {
					expect(s.title.length, c.slug).toBeGreaterThan(2);
					expect(s.narration.length, `${c.slug}: ${s.title}`).toBeGreaterThan(20);
				}
				expect(stepCount(c)).toBe(c.steps.length);
			} else {
				expect(stepCount(c)).toBe(1);
			}
		}
		expect(isAvailable(findConcept('activations')!)).toBe(true);
	});

	it('DECK mirrors the concepts and findConcept finds by slug', () => {
		expect(DECK.map((d) => d.slug)).toEqual(CONCEPTS.map((c) => c.slug));
		expect(DECK.every((d) => d.stepCount >= 1)).toBe(true);
		expect(findConcept('pooling')?.title).toBe('Pooling');
		expect(findConcept('nope')).toBeUndefined();
	});

	it('the agenda is the deck’s first slide and ends with this class', () => {
		expect(AGENDA).toHaveLength(11);
		expect(AGENDA.at(-1)).toEqual({ item: 'CNN, RNN, LSTM, GRU', current: true });
		expect(AGENDA.filter((a) => a.current)).toHaveLength(1);
	});
});
