/** Pure maths of the 2-D convolution demo: window positions, the written-out sum, output sizes. */
import { convOutputSize } from '$lib/kernels/shape';
import type { Cell } from '$lib/viz/grid';
import { formatCell } from '$lib/viz/grid';

export const SLUG = 'convolution-2d';
export const RESOLUTIONS = [100, 256, 512] as const;
export type Resolution = (typeof RESOLUTIONS)[number];
export const MAX_STRIDE = 4;
export const MAX_PADDING = 2;

/**
 * The k×k patch under output cell `out`: input values where the window is inside the image,
 * 0 where it lies on the zero padding.
 */
export function patchAt(
	input: Float32Array,
	height: number,
	width: number,
	out: Cell,
	k: number,
	stride: number,
	padding: number
): Float32Array {
	if (input.length !== height * width)
		throw new RangeError(`input must hold height × width = ${height * width} values, got ${input.length}`);
	const patch = new Float32Array(k * k);
	const top = out.row * stride - padding;
	const left = out.col * stride - padding;
	for (let i = 0; i < k; i++)
		for (let j = 0; j < k; j++) {
			const [y, x] = [top + i, left + j];
			if (y >= 0 && x >= 0 && y < height && x < width) patch[i * k + j] = input[y * width + x];
		}
	return patch;
}

/** Most terms written out before the sum says how many more there are. */
const MAX_TERMS = 9;

/**
 * The sum of products as the board writes it: "4·1 + 5·2 + 6·3 = 32". Terms with a zero weight
 * are left out (and counted), `total` is the kernel set's output at that cell.
 */
export function sumText(
	patch: ArrayLike<number>,
	weights: ArrayLike<number>,
	total: number,
	digits = 2
): string {
	if (patch.length !== weights.length)
		throw new RangeError(
			`patch and weights must have the same length, got ${patch.length} and ${weights.length}`
		);
	const terms: string[] = [];
	let zeros = 0;
	for (let i = 0; i < weights.length; i++) {
		if (weights[i] === 0) {
			zeros++;
			continue;
		}
		const w = formatCell(weights[i], 3);
		terms.push(`${formatCell(patch[i], digits)}·${weights[i] < 0 ? `(${w})` : w}`);
	}
	const shown =
		terms.length > MAX_TERMS ? [...terms.slice(0, MAX_TERMS - 1), `… (${terms.length} terms)`] : terms;
	const body = shown.length ? shown.join(' + ') : '0';
	const note = zeros > 0 && terms.length > 0 ? `  (+ ${zeros} zero-weight terms)` : '';
	return `${body} = ${formatCell(total, 3)}${note}`;
}

/** The output-size formula with the numbers in: "⌊(100 + 2·0 − 3) / 1⌋ + 1 = 98". */
export function sizeFormula(n: number, k: number, stride: number, padding: number): string {
	const out = convOutputSize(n, k, stride, padding);
	return `⌊(${n} + 2·${padding} − ${k}) / ${stride}⌋ + 1 = ${out}`;
}
