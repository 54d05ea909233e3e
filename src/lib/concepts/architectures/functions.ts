/**
 * The architecture shape checker: INPUT → [CONV → RELU (→ CONV → RELU) → POOL]×N → [FC → RELU]×M → FC,
 * every layer's output shape and parameter count, and where (and why) a shape stops fitting.
 * Output sizes come from the kernels' own rules (kernels/shape.ts), so the table and the maths agree.
 */
import { convOutputSize, poolOutputSize } from '$lib/kernels/shape';

/** One [CONV → RELU]×convs → POOL block. Conv stride is 1; pooling has no overlap (stride = size). */
export interface ConvBlock {
	readonly filters: number;
	/** Square kernel side. */
	readonly kernel: number;
	/** Zeros added on every side. */
	readonly padding: number;
	/** 1: CONV → RELU → POOL; 2: CONV → RELU → CONV → RELU → POOL (the deck's second scheme). */
	readonly convs: number;
	/** Square max-pool window and stride; 1 means no pooling. */
	readonly pool: number;
}

export interface Architecture {
	/** Square input side in pixels. */
	readonly size: number;
	readonly channels: number;
	readonly blocks: readonly ConvBlock[];
	/** Hidden fully connected widths, each followed by a RELU. */
	readonly fc: readonly number[];
	/** Outputs of the last FC layer. */
	readonly classes: number;
}

/** Allowed values for every setting: the controls, the URL reader and the checker share them. */
export const LIMITS = {
	size: [1, 512],
	channels: [1, 64],
	filters: [1, 1024],
	kernel: [1, 15],
	padding: [0, 7],
	convs: [1, 2],
	pool: [1, 8],
	blocks: [0, 5],
	fcs: [0, 4],
	width: [1, 8192],
	classes: [1, 1000]
} as const satisfies Record<string, readonly [number, number]>;

export type LayerKind = 'input' | 'conv' | 'relu' | 'pool' | 'fc';

export interface LayerRow {
	readonly kind: LayerKind;
	/** e.g. `CONV 2.1` (block 2, first conv), `POOL 2`, `FC 1`, `FC out`. */
	readonly label: string;
	/** e.g. `16 filters 5×5, padding 0`. */
	readonly detail: string;
	/** [C, H, W] for maps, [D] for vectors. */
	readonly shape: readonly number[];
	readonly params: number;
	/** How `params` is counted, e.g. `(5·5·6 + 1)·16`; empty for layers without parameters. */
	readonly formula: string;
}

export interface ShapeProblem {
	/** The label of the layer that cannot be built. */
	readonly layer: string;
	readonly message: string;
}

export interface CheckResult {
	/** Every layer up to (not including) the one that breaks. */
	readonly layers: readonly LayerRow[];
	/** Sum of all parameters; null when the network cannot be built. */
	readonly total: number | null;
	readonly problem: ShapeProblem | null;
}

const side = (n: number) => `${n}×${n}`;
export const formatShape = (shape: readonly number[]) => shape.join('×');

function checkSetting(name: string, value: number, [lo, hi]: readonly [number, number]): void {
	if (!Number.isInteger(value) || value < lo || value > hi) {
		throw new RangeError(`checkArchitecture: ${name} must be a whole number in ${lo}…${hi}, got ${value}`);
	}
}

/** Throws a RangeError naming the first setting outside LIMITS (the URL reader and the controls never pass one). */
export function validateArchitecture(a: Architecture): void {
	checkSetting('size', a.size, LIMITS.size);
	checkSetting('channels', a.channels, LIMITS.channels);
	checkSetting('number of blocks', a.blocks.length, LIMITS.blocks);
	checkSetting('number of FC layers', a.fc.length, LIMITS.fcs);
	checkSetting('classes', a.classes, LIMITS.classes);
	a.blocks.forEach((b, i) => {
		for (const key of ['filters', 'kernel', 'padding', 'convs', 'pool'] as const) {
			checkSetting(`blocks[${i}].${key}`, b[key], LIMITS[key]);
		}
	});
	a.fc.forEach((w, i) => checkSetting(`fc[${i}]`, w, LIMITS.width));
}

/** Why a k×k kernel with padding p cannot run on an n×n map, or null when it can. */
function convProblem(label: string, n: number, k: number, p: number): string | null {
	if (p > Math.floor(k / 2)) {
		return `${label}: padding ${p} is more than half the ${side(k)} kernel (at most ${Math.floor(k / 2)}): the outermost outputs would see nothing but added zeros. Use padding ≤ ${Math.floor(k / 2)}.`;
	}
	if (convOutputSize(n, k, 1, p) >= 1) return null;
	const padded = p > 0 ? ` (${side(n + 2 * p)} with padding ${p})` : '';
	return `${label}: its ${side(k)} kernel is larger than its ${side(n)} input${padded}, so it fits nowhere and there is no output. Use a smaller kernel, more padding, or fewer pooling steps before it.`;
}

function poolProblem(label: string, n: number, size: number): string | null {
	if (poolOutputSize(n, size, size, false) >= 1) return null;
	const fix = n === 1 ? 'Set this pool to 1 (no pooling)' : `Use a pool of at most ${side(n)}`;
	return `${label}: a ${side(size)} max-pool window does not fit the ${side(n)} map it should pool, so there is no output. ${fix}, or fewer blocks.`;
}

/**
 * Every layer's output shape and parameter count for `a`, stopping at the first layer whose
 * input is too small for it, with the reason in words. Never throws for a shape that does not
 * fit (that is the point of the page); throws RangeError for settings outside LIMITS.
 */
export function checkArchitecture(a: Architecture): CheckResult {
	validateArchitecture(a);
	const layers: LayerRow[] = [
		{
			kind: 'input',
			label: 'INPUT',
			detail: `${side(a.size)} image, ${a.channels} ${a.channels === 1 ? 'channel' : 'channels'}`,
			shape: [a.channels, a.size, a.size],
			params: 0,
			formula: ''
		}
	];
	const broken = (layer: string, message: string): CheckResult => ({
		layers,
		total: null,
		problem: { layer, message }
	});
	let [c, n] = [a.channels, a.size];
	for (const [bi, b] of a.blocks.entries()) {
		for (let ci = 0; ci < b.convs; ci++) {
			const label = b.convs === 1 ? `CONV ${bi + 1}` : `CONV ${bi + 1}.${ci + 1}`;
			const problem = convProblem(label, n, b.kernel, b.padding);
			if (problem) return broken(label, problem);
			n = convOutputSize(n, b.kernel, 1, b.padding);
			const params = (b.kernel * b.kernel * c + 1) * b.filters;
			layers.push({
				kind: 'conv',
				label,
				detail: `${b.filters} ${b.filters === 1 ? 'filter' : 'filters'} ${side(b.kernel)}×${c}, padding ${b.padding}`,
				shape: [b.filters, n, n],
				params,
				formula: `(${b.kernel}·${b.kernel}·${c} + 1)·${b.filters}`
			});
			c = b.filters;
			layers.push(relu(`RELU ${label.slice(5)}`, [c, n, n]));
		}
		if (b.pool > 1) {
			const label = `POOL ${bi + 1}`;
			const problem = poolProblem(label, n, b.pool);
			if (problem) return broken(label, problem);
			n = poolOutputSize(n, b.pool, b.pool, false);
			layers.push({
				kind: 'pool',
				label,
				detail: `max ${side(b.pool)}, stride ${b.pool}`,
				shape: [c, n, n],
				params: 0,
				formula: ''
			});
		}
	}
	let features = c * n * n;
	const widths = [...a.fc, a.classes];
	for (const [i, width] of widths.entries()) {
		const last = i === widths.length - 1;
		const label = last ? 'FC out' : `FC ${i + 1}`;
		const flattens = i === 0 ? `flattens ${c}·${n}·${n} = ${features}; ` : '';
		layers.push({
			kind: 'fc',
			label,
			detail: `${flattens}${width} ${last ? 'classes' : 'units'}`,
			shape: [width],
			params: (features + 1) * width,
			formula: `(${features} + 1)·${width}`
		});
		if (!last) layers.push(relu(`RELU ${label.slice(3)}`, [width]));
		features = width;
	}
	return { layers, total: layers.reduce((s, l) => s + l.params, 0), problem: null };
}

function relu(label: string, shape: readonly number[]): LayerRow {
	return { kind: 'relu', label, detail: 'max(0, x), element-wise', shape, params: 0, formula: '' };
}
