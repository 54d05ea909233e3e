/**
 * The filters of the 2-D convolution demo: named presets (3×3 and 5×5) and the snapping of
 * hand-edited weights to the two decimals the URL writes them with.
 */

export const KERNEL_SIZES = [3, 5] as const;
export type KernelSize = (typeof KERNEL_SIZES)[number];

export const PRESETS = [
	'identity',
	'box',
	'gaussian',
	'sharpen',
	'sobel-x',
	'sobel-y',
	'laplacian',
	'emboss'
] as const;
export type Preset = (typeof PRESETS)[number];
export type FilterChoice = Preset | 'custom';
export const FILTER_CHOICES: readonly FilterChoice[] = [...PRESETS, 'custom'];

export const PRESET_LABELS: Record<FilterChoice, string> = {
	identity: 'identity',
	box: 'box blur',
	gaussian: 'Gaussian',
	sharpen: 'sharpen',
	'sobel-x': 'Sobel x',
	'sobel-y': 'Sobel y',
	laplacian: 'Laplacian',
	emboss: 'emboss',
	custom: 'your own'
};

/** Edited weights are kept within ±WEIGHT_LIMIT and snapped to WEIGHT_DECIMALS. */
export const WEIGHT_LIMIT = 10;
export const WEIGHT_DECIMALS = 2;

const THREE: Record<Exclude<Preset, 'box' | 'gaussian'>, number[]> = {
	identity: [0, 0, 0, 0, 1, 0, 0, 0, 0],
	sharpen: [0, -1, 0, -1, 5, -1, 0, -1, 0],
	'sobel-x': [-1, 0, 1, -2, 0, 2, -1, 0, 1],
	'sobel-y': [-1, -2, -1, 0, 0, 0, 1, 2, 1],
	laplacian: [0, 1, 0, 1, -4, 1, 0, 1, 0],
	emboss: [-2, -1, 0, -1, 1, 1, 0, 1, 2]
};

/** Binomial rows: the discrete Gaussian of that width. */
const BINOMIAL: Record<KernelSize, number[]> = { 3: [1, 2, 1], 5: [1, 4, 6, 4, 1] };

/** A k×k filter holding a centred m×m one (m ≤ k), zeros around it. */
function embed(values: readonly number[], m: number, k: number): Float32Array {
	const out = new Float32Array(k * k);
	const off = (k - m) / 2;
	for (let r = 0; r < m; r++) for (let c = 0; c < m; c++) out[(r + off) * k + c + off] = values[r * m + c];
	return out;
}

/**
 * The weights of a preset at size k, row-major. Box and Gaussian exist at both sizes; the other
 * presets are 3×3 filters, centred in zeros at 5×5 (the same filter with a wider window).
 */
export function presetWeights(preset: Preset, k: KernelSize): Float32Array {
	if (!(PRESETS as readonly string[]).includes(preset))
		throw new RangeError(`preset must be one of ${PRESETS.join(', ')}, got ${String(preset)}`);
	if (k !== 3 && k !== 5) throw new RangeError(`k must be 3 or 5, got ${k}`);
	if (preset === 'box') return new Float32Array(k * k).fill(1 / (k * k));
	if (preset === 'gaussian') {
		const row = BINOMIAL[k];
		const total = row.reduce((a, b) => a + b, 0) ** 2;
		return Float32Array.from({ length: k * k }, (_, i) => (row[Math.floor(i / k)] * row[i % k]) / total);
	}
	return embed(THREE[preset], 3, k);
}

/** A weight as the URL and the fields write it: clamped to ±WEIGHT_LIMIT, two decimals. */
export function snapWeight(value: number): number {
	if (!Number.isFinite(value)) throw new RangeError(`weight must be a finite number, got ${value}`);
	const clamped = Math.min(WEIGHT_LIMIT, Math.max(-WEIGHT_LIMIT, value));
	const snapped = Number(clamped.toFixed(WEIGHT_DECIMALS));
	return snapped === 0 ? 0 : snapped; // no −0 in the URL
}

/** Weights snapped (for a preset turned into custom weights, or read from a link). */
export function snapWeights(values: ArrayLike<number>): Float32Array {
	return Float32Array.from(values, snapWeight);
}

/** The filter read with rows and columns reversed: convolution's flip in 2-D. */
export function flip2d(w: Float32Array): Float32Array {
	const out = new Float32Array(w.length);
	for (let i = 0; i < w.length; i++) out[i] = w[w.length - 1 - i];
	return out;
}

/** Weights as the URL writes them: comma-separated, two decimals at most. */
export function formatWeights(w: ArrayLike<number>): string {
	return Array.from(w, (v) => String(snapWeight(v))).join(',');
}

/** Weights from a URL value: k·k numbers, snapped; null (with the reason) when unusable. */
export function parseWeights(
	text: string,
	k: KernelSize
): { weights: Float32Array; problem: null } | { weights: null; problem: string } {
	const parts = text.split(',').map((s) => s.trim());
	if (parts.length !== k * k)
		return { weights: null, problem: `w needs ${k * k} numbers for a ${k}×${k} filter, got ${parts.length}` };
	const values = parts.map(Number);
	const bad = parts.findIndex((p, i) => p === '' || !Number.isFinite(values[i]));
	if (bad >= 0) return { weights: null, problem: `w value ${bad + 1} ("${parts[bad]}") is not a number` };
	return { weights: snapWeights(values), problem: null };
}
