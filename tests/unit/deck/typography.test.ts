import { expect, it } from 'vitest';
import { keepUnitsWithNumbers } from '../../../src/lib/deck/typography';

it('keepUnitsWithNumbers joins a number and its unit with a no-break space, and nothing else', () => {
	expect(keepUnitsWithNumbers('passes 90 % in about 250 steps')).toBe('passes 90\u00a0% in about 250 steps');
	expect(keepUnitsWithNumbers('after 2.5 s at 3 dB, 16 ms a frame, 40 %.')).toBe(
		'after 2.5\u00a0s at 3\u00a0dB, 16\u00a0ms a frame, 40\u00a0%.'
	);
	// a word that starts like a unit stays apart: "5 steps", "3 sines", "2 ms-long" keeps its hyphen
	expect(keepUnitsWithNumbers('at 5 steps of 3 sines')).toBe('at 5 steps of 3 sines');
	expect(keepUnitsWithNumbers('no numbers here')).toBe('no numbers here');
});
