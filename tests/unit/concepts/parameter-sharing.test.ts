import { describe, expect, it } from 'vitest';
import {
	DECK_SIZES,
	demoLocations,
	demoWeights,
	DEMO_SIZE,
	float32Bytes,
	outputSide,
	parameterCount
} from '$lib/concepts/parameter-sharing/functions';
import { SharingModel } from '$lib/concepts/parameter-sharing/model.svelte';
import { steps } from '$lib/concepts/parameter-sharing/steps';
import { ParamReader } from '$lib/deck/params';

const reader = (query: string) => new ParamReader(new URLSearchParams(query));

describe('parameter-sharing: counts', () => {
	it('deck sizes n=100 k=3: output 98×98', () => {
		expect(outputSide(DECK_SIZES)).toBe(98);
	});

	it('dense n=100 c=1 k=3 f=1: 100·100·98·98 = 96 040 000 weights + 98·98 biases', () => {
		const d = parameterCount(DECK_SIZES, 'dense');
		expect(d.weights).toBe(96_040_000);
		expect(d.biases).toBe(9604);
		expect(d.total).toBe(96_049_604);
		expect(d.formula).toBe('100·100·1 · 98·98·1');
	});

	it('locally connected n=100 k=3: 3·3·98·98 = 86 436 weights + 9 604 biases', () => {
		const l = parameterCount(DECK_SIZES, 'local');
		expect(l.weights).toBe(86_436);
		expect(l.total).toBe(86_436 + 9604);
	});

	it('conv n=100 k=3 f=1: 3·3 + 1 = 10, whatever the input size (n=512 too)', () => {
		expect(parameterCount(DECK_SIZES, 'conv')).toEqual({
			weights: 9,
			biases: 1,
			total: 10,
			formula: '3·3·1 · 1'
		});
		expect(parameterCount({ ...DECK_SIZES, size: 512 }, 'conv').total).toBe(10);
	});

	it('n=224 c=3 k=3 f=64: conv (3·3·3+1)·64 = 1 792; dense 224·224·3·222·222·64', () => {
		const s = { size: 224, channels: 3, kernel: 3, filters: 64 };
		expect(parameterCount(s, 'conv').total).toBe(1792);
		expect(parameterCount(s, 'dense').weights).toBe(224 * 224 * 3 * 222 * 222 * 64);
		expect(parameterCount(s, 'dense').biases).toBe(222 * 222 * 64);
	});

	it('kernel as large as the input (n=5 k=5): one location, dense = local = conv weights', () => {
		const s = { size: 5, channels: 2, kernel: 5, filters: 3 };
		expect(outputSide(s)).toBe(1);
		expect(parameterCount(s, 'dense').total).toBe(parameterCount(s, 'conv').total);
		expect(parameterCount(s, 'local').total).toBe(5 * 5 * 2 * 3 + 3);
	});

	it('bad sizes throw RangeError naming them: kernel 7 > size 5, size 2.5, filters 0', () => {
		expect(() => parameterCount({ size: 5, channels: 1, kernel: 7, filters: 1 }, 'conv')).toThrow(
			/kernel \(7\)/
		);
		expect(() => outputSide({ ...DECK_SIZES, size: 2.5 })).toThrow(RangeError);
		expect(() => outputSide({ ...DECK_SIZES, filters: 0 })).toThrow(/filters/);
	});

	it('float32Bytes: 10 → 40 B, 96 049 604 → 384 MB, 1e12 → 4 TB', () => {
		expect(float32Bytes(10)).toBe('40 B');
		expect(float32Bytes(96_049_604)).toBe('384 MB');
		expect(float32Bytes(1e12)).toBe('4 TB');
	});
});

describe('parameter-sharing: the picture', () => {
	it('demoLocations(3) on the 6×6 input: three distinct windows, all inside', () => {
		const locs = demoLocations(3);
		expect(new Set(locs.map((l) => l.join(','))).size).toBe(3);
		for (const [r, c] of locs) {
			expect(r).toBeGreaterThanOrEqual(0);
			expect(r + 3).toBeLessThanOrEqual(DEMO_SIZE);
			expect(c + 3).toBeLessThanOrEqual(DEMO_SIZE);
		}
	});

	it('demoWeights(3, 3, shared) repeats one grid; unshared draws three different grids', () => {
		const shared = demoWeights(3, 3, true);
		expect(shared[1]).toEqual(shared[0]);
		expect(shared[2]).toEqual(shared[0]);
		const own = demoWeights(3, 3, false);
		expect(own[1]).not.toEqual(own[0]);
		expect(own[0]).toHaveLength(9);
		expect(demoWeights(3, 3, false)).toEqual(own);
	});
});

describe('parameter-sharing: model and steps', () => {
	it('no settings: the deck sizes; n=20&k=30 clamps the kernel to 20 (and says n/k were read)', () => {
		expect(new SharingModel(reader('')).toParams()).toEqual({ n: 100, c: 1, k: 3, f: 1 });
		expect(new SharingModel(reader('n=20&k=15')).sizes.kernel).toBe(15);
		expect(new SharingModel(reader('n=10&k=15')).sizes.kernel).toBe(10);
	});

	it('set(size, 4) pulls a 5×5 kernel down to 4; set(filters, 2.6) rounds to 3; NaN goes to the minimum', () => {
		const m = new SharingModel(reader('k=5'));
		m.set('size', 4);
		expect(m.sizes).toEqual({ size: 4, channels: 1, kernel: 4, filters: 1 });
		m.set('filters', 2.6);
		expect(m.sizes.filters).toBe(3);
		m.set('channels', NaN);
		expect(m.sizes.channels).toBe(1);
		expect(m.counts.conv.total).toBe((4 * 4 + 1) * 3);
	});

	it('steps reveal dense, then local, then conv; every step has speaker notes', () => {
		expect(steps.map((s) => s.counts.length)).toEqual([1, 2, 3, 3]);
		for (const s of steps) expect(s.notes?.length ?? 0).toBeGreaterThan(40);
	});
});
