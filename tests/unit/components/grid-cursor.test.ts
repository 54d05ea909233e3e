import { expect, it } from 'vitest';
import { GridCursor, type GridHandlers } from '../../../src/lib/components/grid-cursor.svelte';

/** A 2×3 map: 0.5, −1.25, 2 / 3, 4.125, −5. */
const base: GridHandlers = {
	data: [0.5, -1.25, 2, 3, 4.125, -5],
	rows: 2,
	cols: 3,
	padding: 1,
	selected: null,
	onhover: undefined,
	onselect: undefined,
	keyStep: 1
};

it('a grid without hover or select is a labelled group, not a slider, and not focusable', () => {
	const cursor = new GridCursor(() => base);
	expect(cursor.aria('input')).toEqual({ role: 'group', 'aria-label': 'input, 2 by 3' });
});

it('a grid with onselect is a slider over its cells whose value is the selected cell', () => {
	const cursor = new GridCursor(() => ({ ...base, selected: { row: 1, col: 2 }, onselect: () => {} }));
	expect(cursor.aria('window centre')).toEqual({
		role: 'slider',
		'aria-label': 'window centre, 2 by 3: drag or use the arrow keys to move the window',
		'aria-valuemin': 0,
		'aria-valuemax': 5,
		'aria-valuenow': 5,
		'aria-valuetext': 'row 1, column 2: −5',
		tabindex: 0
	});
});

it('a selected cell in the padding ring is named without a value', () => {
	const cursor = new GridCursor(() => ({ ...base, selected: { row: -1, col: 0 }, onselect: () => {} }));
	expect(cursor.aria('x')['aria-valuetext']).toBe('row -1, column 0');
});

it('a hover grid reads the keyboard focus cell, and announces nothing off the data', () => {
	const cursor = new GridCursor(() => ({ ...base, onhover: () => {} }));
	expect(cursor.aria('output')).toMatchObject({
		role: 'slider',
		'aria-label': 'output, 2 by 3: use the arrow keys to walk the cells',
		'aria-valuenow': 0,
		'aria-valuetext': 'no cell'
	});
	expect(cursor.focusText).toBe('');
	cursor.focusCell = { row: 1, col: 1 };
	expect(cursor.aria('output')['aria-valuetext']).toBe('row 1, column 1: 4.125');
	expect(cursor.focusText).toBe('row 1, column 1: 4.125');
	cursor.focusCell = { row: 2, col: 1 };
	expect(cursor.focusText).toBe('');
});
