import { expect, it } from 'vitest';
import { formatMs } from '../../../src/lib/components/format-ms';

it('formats kernel times for the badge: below the clock step, one decimal, whole ms, bad values', () => {
	expect([0, 0.04, 0.1, 0.44, 6.45, 9.96, 12.4, 130.6].map(formatMs)).toEqual([
		'< 0.1 ms',
		'< 0.1 ms',
		'0.1 ms',
		'0.4 ms',
		'6.5 ms',
		'10.0 ms',
		'12 ms',
		'131 ms'
	]);
	expect([NaN, -1, Infinity].map(formatMs)).toEqual(['–', '–', '–']);
});
