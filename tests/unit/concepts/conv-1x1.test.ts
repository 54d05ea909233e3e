import { describe, expect, it } from 'vitest';
import { ParamReader } from '../../../src/lib/deck/params';
import { steps } from '../../../src/lib/concepts/conv-1x1/steps';
import { Conv1x1Model } from '../../../src/lib/concepts/conv-1x1/model.svelte';
import {
	block,
	diagonal,
	fibre,
	multiplyAdds,
	parameterCount,
	seededStack,
	withBlock
} from '../../../src/lib/concepts/conv-1x1/functions';
import { conv1x1 } from '../../../src/lib/kernels/reference';

const reader = (query: string) => new ParamReader(new URLSearchParams(query));

describe('conv-1x1 steps', () => {
	it('steps: stack, one filter, same weights everywhere, F < K, counts, try it; each has notes', () => {
		expect(steps.map((s) => s.output)).toEqual(['none', 'one', 'one', 'all', 'all', 'all']);
		expect(steps.map((s) => s.counts)).toEqual([false, false, false, true, true, true]);
		for (const s of steps) expect(s.notes?.length ?? 0).toBeGreaterThan(80);
	});
});

describe('conv-1x1 functions', () => {
	it('parameterCount(K=4, F=2) = 2·4 + 2 = 10; 3×3 filters: 2·36 + 2 = 74; K=256 → F=64: 16,448', () => {
		const size = { channels: 4, filters: 2, height: 5, width: 5 };
		expect(parameterCount(size)).toBe(10);
		expect(parameterCount(size, 3)).toBe(74);
		expect(parameterCount({ channels: 256, filters: 64, height: 28, width: 28 })).toBe(16448);
	});
	it('multiplyAdds(5×5, K=4, F=2) = 200; 3×3: 1,800; 28×28, 256 → 64: 12,845,056', () => {
		const size = { channels: 4, filters: 2, height: 5, width: 5 };
		expect(multiplyAdds(size)).toBe(200);
		expect(multiplyAdds(size, 3)).toBe(1800);
		expect(multiplyAdds({ channels: 256, filters: 64, height: 28, width: 28 })).toBe(12845056);
		expect(() => multiplyAdds({ ...size, channels: 0 })).toThrow(/channels/);
	});
	it('the diagonal trick: conv1x1(fibre [3,1,1], diag(w)) gives the products w_c·x_c', () => {
		const x = new Float32Array([2, -1, 4]);
		const w = new Float32Array([0.5, 3, -1]);
		const out = conv1x1({ shape: [3, 1, 1], data: x }, { shape: [3, 3], data: diagonal(w) });
		expect([...out.data]).toEqual([1, -3, -4]);
	});
	it('fibre(stack [2,2,2], pixel 3) = the two channel values at (1,1); pixel 4 is a RangeError', () => {
		const stack = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
		expect([...fibre(stack, 2, 4, 3)]).toEqual([4, 8]);
		expect(() => fibre(stack, 2, 4, 4)).toThrow(RangeError);
	});
	it('block/withBlock: the top-left 2×3 of a 3×4 matrix and back', () => {
		const m = Float32Array.from({ length: 12 }, (_, i) => i);
		expect([...block(m, 4, 2, 3)]).toEqual([0, 1, 2, 4, 5, 6]);
		expect([...withBlock(m, 4, 1, 2, [9, 9]).slice(0, 4)]).toEqual([9, 9, 2, 3]);
		expect(() => withBlock(m, 4, 2, 2, [1])).toThrow(RangeError);
	});
	it('seededStack(seed) holds 8 maps of 5×5 whole numbers 0…5, the same for the same seed', () => {
		const s = seededStack(5);
		expect(s.length).toBe(8 * 25);
		expect(s).toEqual(seededStack(5));
		expect(s.every((v) => Number.isInteger(v) && v >= 0 && v <= 5)).toBe(true);
	});
});

describe('conv-1x1 model', () => {
	it('opens K=4, F=2, with weights of −1…1 and biases 0; a link sets them and reopens the same', () => {
		const m = new Conv1x1Model(reader(''));
		expect([m.channels, m.filters, m.weights.length, m.bias.length]).toEqual([4, 2, 8, 2]);
		m.setWeight(1, 0.333);
		m.setBias(-1.27);
		m.setFilters(3);
		m.setFilter(2);
		m.setPixel(7);
		const params = m.toParams();
		expect(params.w).toMatch(/^1,0.33,/);
		expect(params.b).toBe('-1.27,0,0');
		const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
		const again = new Conv1x1Model(new ParamReader(query));
		expect(again.toParams()).toEqual(params);
	});
	it('weights outside ±2 clamp; a link with the wrong count of weights is reported and not used', () => {
		const m = new Conv1x1Model(reader('k=2&f=1&w=1,2,3'));
		expect(m.linkProblem).toMatch(/w in the link has 3 values; this view needs 2/);
		const c = new Conv1x1Model(reader('k=2&f=1&w=5,-0.5'));
		expect([...c.weights]).toEqual([2, -0.5]);
	});
	it('shrinking K then growing it back keeps the weights that were hidden', () => {
		const m = new Conv1x1Model(reader('k=4&f=1'));
		m.setWeight(3, 1.75);
		m.setChannels(2);
		expect(m.filterWeights.length).toBe(2);
		m.setChannels(4);
		expect(m.filterWeights[3]).toBe(1.75);
	});
	it('movePixel clamps to the 5×5 map; setFilters(1) moves the focused filter to 0', () => {
		const m = new Conv1x1Model(reader('px=24&filter=1'));
		m.movePixel(1, -1);
		expect(m.pixel).toBe(24);
		m.movePixel(-1, 1);
		expect(m.pixel).toBe(18);
		m.setFilters(1);
		expect(m.filter).toBe(0);
	});
});

describe('grid-param', () => {
	it('readGridParam: one value is a grid (F=1 bias); "1,x" names the bad value; 1.234 snaps to 1.23', async () => {
		const { readGridParam } = await import('../../../src/lib/components/grid-param');
		const spec = { length: 2, min: -2, max: 2, decimals: 2 };
		expect(readGridParam(reader('b=0.5'), 'b', { ...spec, length: 1 }).values).toEqual(
			new Float32Array([0.5])
		);
		expect(readGridParam(reader('w=1,x'), 'w', spec).problem).toBe(
			'w in the link: "x" (value 2) is not a number'
		);
		expect([...readGridParam(reader('w=1.234,-9'), 'w', spec).values!]).toEqual([Math.fround(1.23), -2]);
		expect(readGridParam(reader(''), 'w', spec)).toEqual({ values: null, problem: null });
		expect(() => readGridParam(reader(''), 'w', { ...spec, length: 0 })).toThrow(RangeError);
	});
});
