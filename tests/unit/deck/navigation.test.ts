import { describe, expect, it } from 'vitest';
import {
	firstStep,
	lastStep,
	nextPosition,
	parseStep,
	previousPosition,
	stepParam,
	type DeckEntry
} from '$lib/deck/navigation';

const DECK: DeckEntry[] = [
	{ slug: 'a', stepCount: 3 },
	{ slug: 'b', stepCount: 1 },
	{ slug: 'c', stepCount: 2 }
];

describe('parseStep', () => {
	it.each([
		[null, 0],
		['', 0],
		['1', 0],
		['2', 1],
		['4', 3],
		[' 3 ', 2],
		['2.6', 2],
		['0', 0],
		['-5', 0],
		['99', 3],
		['Infinity', 3],
		['-Infinity', 0],
		['abc', 0],
		['3abc', 2],
		['NaN', 0],
		['1e1', 3]
	])('parseStep(%j, 4) = %i', (raw, expected) => {
		expect(parseStep(raw, 4)).toBe(expected);
	});

	it('parseStep with stepCount 0 stays on step 0', () => {
		expect(parseStep('5', 0)).toBe(0);
	});

	it('stepParam is 1-based and round-trips through parseStep', () => {
		for (let step = 0; step < 5; step++) expect(parseStep(stepParam(step), 5)).toBe(step);
		expect(stepParam(0)).toBe('1');
	});
});

describe('nextPosition / previousPosition', () => {
	it('next moves within a concept, then to the next concept, then stops at the end', () => {
		expect(nextPosition(DECK, { slug: 'a', step: 0 })).toEqual({ slug: 'a', step: 1 });
		expect(nextPosition(DECK, { slug: 'a', step: 2 })).toEqual({ slug: 'b', step: 0 });
		expect(nextPosition(DECK, { slug: 'b', step: 0 })).toEqual({ slug: 'c', step: 0 });
		expect(nextPosition(DECK, { slug: 'c', step: 1 })).toBeNull();
	});

	it('next from the index (null) opens the first concept', () => {
		expect(nextPosition(DECK, null)).toEqual({ slug: 'a', step: 0 });
		expect(nextPosition([], null)).toBeNull();
	});

	it('previous moves back within a concept, then to the last step of the previous one', () => {
		expect(previousPosition(DECK, { slug: 'a', step: 2 })).toEqual({ slug: 'a', step: 1 });
		expect(previousPosition(DECK, { slug: 'c', step: 0 })).toEqual({ slug: 'b', step: 0 });
		expect(previousPosition(DECK, { slug: 'b', step: 0 })).toEqual({ slug: 'a', step: 2 });
		expect(previousPosition(DECK, { slug: 'a', step: 0 })).toBeNull();
		expect(previousPosition(DECK, null)).toBeNull();
	});

	it('first and last step of the current concept', () => {
		expect(firstStep({ slug: 'a', step: 2 })).toEqual({ slug: 'a', step: 0 });
		expect(lastStep(DECK, { slug: 'a', step: 0 })).toEqual({ slug: 'a', step: 2 });
		expect(lastStep(DECK, { slug: 'b', step: 0 })).toEqual({ slug: 'b', step: 0 });
	});

	it('an unknown slug is a RangeError naming it', () => {
		expect(() => nextPosition(DECK, { slug: 'zzz', step: 0 })).toThrow(/unknown concept "zzz"/);
		expect(() => lastStep(DECK, { slug: 'zzz', step: 0 })).toThrow(RangeError);
	});
});
