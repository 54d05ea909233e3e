/**
 * The deck's worked example in 2-D: a 5×5 grid of small whole numbers whose window at output
 * (0, 1) holds the row 4 5 6, and a filter whose middle row is 1 2 3, so the sum of products
 * there is 4·1 + 5·2 + 6·3 = 32 (the other six weights are 0).
 */
export const EXAMPLE_SIZE = 5;
// prettier-ignore
export const EXAMPLE_INPUT = new Float32Array([
	1, 0, 2, 1, 0,
	3, 4, 5, 6, 1,
	0, 2, 1, 3, 2,
	1, 3, 0, 2, 4,
	2, 1, 4, 0, 1
]);
// prettier-ignore
export const EXAMPLE_FILTER = new Float32Array([
	0, 0, 0,
	1, 2, 3,
	0, 0, 0
]);
/** Where the window starts: the deck's row sits in the middle of this window. */
export const EXAMPLE_CELL = { row: 0, col: 1 } as const;
