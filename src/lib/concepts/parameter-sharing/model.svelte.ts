import type { ParamReader, ParamValue } from '$lib/deck/params';
import { DECK_SIZES, LIMITS, outputSide, parameterCount, WIRINGS, type LayerSizes } from './functions';

type Key = keyof LayerSizes;
const KEYS: readonly [Key, string][] = [
	['size', 'n'],
	['channels', 'c'],
	['kernel', 'k'],
	['filters', 'f']
];

/** The layer's sizes (URL n, c, k, f); every count is derived from them. */
export class SharingModel {
	sizes = $state<LayerSizes>(DECK_SIZES);

	readonly out = $derived(outputSide(this.sizes));
	readonly counts = $derived(
		Object.fromEntries(WIRINGS.map((w) => [w, parameterCount(this.sizes, w)])) as Record<
			(typeof WIRINGS)[number],
			ReturnType<typeof parameterCount>
		>
	);

	constructor(params: ParamReader) {
		const read = (key: Key, name: string) =>
			params.number(name, {
				min: LIMITS[key][0],
				max: LIMITS[key][1],
				fallback: DECK_SIZES[key],
				integer: true
			});
		const size = read('size', 'n');
		this.sizes = {
			size,
			channels: read('channels', 'c'),
			kernel: Math.min(size, read('kernel', 'k')),
			filters: read('filters', 'f')
		};
	}

	/** Sets one size, whole and inside its limits; the kernel never exceeds the input. */
	set(key: Key, value: number): void {
		const [lo, hi] = LIMITS[key];
		const v = Math.min(hi, Math.max(lo, Math.round(Number.isFinite(value) ? value : lo)));
		const next = { ...this.sizes, [key]: v };
		// A kernel larger than the input has nowhere to go: it follows the input down.
		next.kernel = Math.min(next.kernel, next.size);
		this.sizes = next;
	}

	reset(): void {
		this.sizes = DECK_SIZES;
	}

	toParams(): Record<string, ParamValue> {
		return Object.fromEntries(KEYS.map(([key, name]) => [name, this.sizes[key]]));
	}
}
