import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKernelSet } from '../../../src/lib/kernels';
import type { KernelOps, KernelSet } from '../../../src/lib/kernels';
import * as reference from '../../../src/lib/kernels/reference';

const v = (...a: number[]) => Float32Array.from(a);
const t = (shape: number[], n = shape.reduce((a, b) => a * b, 1)) => ({ shape, data: new Float32Array(n) });
const img = t([1, 4, 4]);

/** [name, call, message pattern]: every bad input the public boundary must refuse. */
const BAD: [string, (k: KernelOps) => unknown, RegExp][] = [
	['correlate1d empty x', (k) => k.correlate1d(v(), v(1)), /x is empty/],
	['convolve1d empty h', (k) => k.convolve1d(v(1, 2), v()), /h is empty/],
	[
		'correlate1d x not a Float32Array',
		(k) => k.correlate1d([1, 2] as unknown as Float32Array, v(1)),
		/Float32Array/
	],
	[
		'correlate1d h longer than x valid',
		(k) => k.correlate1d(v(1, 2), v(1, 2, 3), 'valid'),
		/longer than the input/
	],
	[
		'convolve1d h longer than x same',
		(k) => k.convolve1d(v(1, 2), v(1, 2, 3), 'same'),
		/longer than the input/
	],
	[
		'correlate1d unknown mode',
		(k) => k.correlate1d(v(1, 2), v(1), 'circular' as 'full'),
		/unknown mode "circular"/
	],
	['correlate2d unknown mode', (k) => k.correlate2d(t([2, 2]), t([1, 1]), 'wrap' as 'full'), /unknown mode/],
	[
		'correlate2d shape/data mismatch',
		(k) => k.correlate2d(t([2, 3], 5), t([1, 1])),
		/needs 6 values but data has 5/
	],
	['correlate2d rank', (k) => k.correlate2d(t([6]), t([1, 1])), /rank 2/],
	[
		'convolve2d kernel taller than x valid',
		(k) => k.convolve2d(t([2, 5]), t([3, 1]), 'valid'),
		/kernel height/
	],
	['correlate2d empty shape', (k) => k.correlate2d(t([0, 3], 0), t([1, 1])), /integers >= 1/],
	['flipShiftProducts empty x', (k) => k.flipShiftProducts(v(), v(1)), /x is empty/],
	['matchedFilter template longer', (k) => k.matchedFilter(v(1, 2), v(1, 2, 3)), /longer than the input/],
	['matchedFilter empty signal', (k) => k.matchedFilter(v(), v(1)), /signal is empty/],
	['conv2d channel mismatch', (k) => k.conv2d(t([2, 4, 4]), t([1, 3, 3, 3])), /channel mismatch/],
	['conv2d bias length', (k) => k.conv2d(img, t([2, 1, 3, 3]), v(1)), /bias has 1 values but weight has 2/],
	[
		'conv2d stride 0',
		(k) => k.conv2d(img, t([1, 1, 3, 3]), undefined, { stride: 0 }),
		/stride must be an integer >= 1/
	],
	['conv2d padding -1', (k) => k.conv2d(img, t([1, 1, 3, 3]), undefined, { padding: -1 }), /padding/],
	['conv2d kernel bigger than input', (k) => k.conv2d(img, t([1, 1, 5, 5])), /does not fit/],
	['maxPool2d size 0', (k) => k.maxPool2d(img, { size: 0 }), /pool size must be an integer >= 1/],
	['maxPool2d stride 0', (k) => k.maxPool2d(img, { size: 2, stride: 0 }), /stride must be an integer >= 1/],
	['maxPool2d size > input', (k) => k.maxPool2d(img, { size: 5 }), /larger than the input/],
	['maxPool2d rank', (k) => k.maxPool2d(t([4, 4]), { size: 2 }), /rank 3/],
	['maxPool2dValues size 0', (k) => k.maxPool2dValues(img, { size: 0 }), /maxPool2dValues.*pool size/],
	['maxPool2dValues size > input', (k) => k.maxPool2dValues(img, { size: 5 }), /larger than the input/],
	['pNormPool2d p=0', (k) => k.pNormPool2d(img, { size: 2, p: 0 }), /p must be a number > 0/],
	['pNormPool2d p=-1', (k) => k.pNormPool2d(img, { size: 2, p: -1 }), /p must be a number > 0/],
	['pNormPool2d p=NaN', (k) => k.pNormPool2d(img, { size: 2, p: NaN }), /p must be a number > 0/],
	['pNormPool2d size 0', (k) => k.pNormPool2d(img, { size: 0, p: 2 }), /pool size/],
	[
		'maxPool2dBackward argmax length',
		(k) => k.maxPool2dBackward(t([1, 2, 2]), new Int32Array(3), [1, 4, 4]),
		/argmax has length 3/
	],
	[
		'maxPool2dBackward argmax outside',
		(k) => k.maxPool2dBackward(t([1, 1, 1]), Int32Array.of(16), [1, 4, 4]),
		/outside its channel/
	],
	[
		'maxPool2dBackward channel mismatch',
		(k) => k.maxPool2dBackward(t([2, 1, 1]), new Int32Array(2), [1, 4, 4]),
		/channel mismatch/
	],
	[
		'maxPool2dBackward inputShape',
		(k) => k.maxPool2dBackward(t([1, 1, 1]), new Int32Array(1), [4, 4]),
		/inputShape/
	],
	['conv1x1 channel mismatch', (k) => k.conv1x1(t([3, 2, 2]), t([4, 2])), /channel mismatch/],
	['conv1x1 weight rank', (k) => k.conv1x1(t([3, 2, 2]), t([4, 3, 1, 1])), /rank 2/],
	[
		'conv2d input rank 5',
		(k) => k.conv2d(t([1, 1, 1, 4, 4]), t([1, 1, 3, 3])),
		/rank 3 \[C,H,W\] or \[N,C,H,W\]/
	],
	['conv2d batch channel mismatch', (k) => k.conv2d(t([2, 3, 4, 4]), t([1, 2, 3, 3])), /channel mismatch/],
	[
		'conv2dBackward gradOutput of the wrong shape',
		(k) => k.conv2dBackward(t([2, 1, 5, 5]), t([4, 1, 3, 3]), t([2, 4, 3, 2])),
		/gradOutput has shape \[2,4,3,2\] but the forward output is \[2,4,3,3\]/
	],
	[
		'conv2dBackward gradOutput unbatched for a batch',
		(k) => k.conv2dBackward(t([2, 1, 5, 5]), t([4, 1, 3, 3]), t([4, 3, 3])),
		/forward output is \[2,4,3,3\]/
	],
	[
		'conv2dBackward weight rank',
		(k) => k.conv2dBackward(img, t([1, 3, 3]), t([1, 2, 2])),
		/weight must have rank 4/
	],
	[
		'conv2dBackward stride 0',
		(k) => k.conv2dBackward(img, t([1, 1, 3, 3]), t([1, 2, 2]), { stride: 0 }),
		/stride must be an integer >= 1/
	],
	[
		'pNormPool2dBackward gradOutput of the wrong shape',
		(k) => k.pNormPool2dBackward(t([2, 1, 4, 4]), t([2, 1, 3, 3]), { size: 2, p: 2 }),
		/forward output is \[2,1,2,2\]/
	],
	[
		'pNormPool2dBackward p=0',
		(k) => k.pNormPool2dBackward(img, t([1, 2, 2]), { size: 2, p: 0 }),
		/p must be a number > 0/
	],
	[
		'maxPool2dBackward batch mismatch',
		(k) => k.maxPool2dBackward(t([2, 1, 2, 2]), new Int32Array(8), [3, 1, 4, 4]),
		/batch mismatch/
	],
	[
		'maxPool2dBackward batched gradient, unbatched inputShape',
		(k) => k.maxPool2dBackward(t([2, 1, 2, 2]), new Int32Array(8), [1, 4, 4]),
		/inputShape must be 4 integers/
	]
];

describe('reference: bad input throws an Error that says what is wrong', () => {
	for (const [name, call, message] of BAD) it(name, () => expect(() => call(reference)).toThrow(message));
});

for (const backend of ['js', 'webasm'] as const) {
	describe(`${backend} KernelSet: bad input throws an Error that says what is wrong`, () => {
		let set: KernelSet;
		beforeAll(async () => {
			set = await createKernelSet({ backend });
		});
		afterAll(() => set.dispose());
		for (const [name, call, message] of BAD) it(name, () => expect(() => call(set)).toThrow(message));
		it('async operations reject with the same message', async () => {
			await expect(set.async.correlate1d(v(), v(1))).rejects.toThrow(/x is empty/);
		});
	});
}

it('createKernelSet refuses an unknown backend', async () => {
	await expect(createKernelSet({ backend: 'cuda' as 'js' })).rejects.toThrow(/unknown backend "cuda"/);
});

it('a disposed set refuses to run', async () => {
	const set = await createKernelSet({ backend: 'js' });
	set.dispose();
	expect(() => set.correlate1d(v(1), v(1))).toThrow(/after dispose/);
});

describe('NaN in the data propagates like numpy and never crashes', () => {
	for (const backend of ['js', 'cpu', 'webasm'] as const) {
		it(`${backend}: correlate1d, maxPool2d (first NaN wins), pNormPool2d p=Infinity, matchedFilter`, async () => {
			const set = await createKernelSet({ backend });
			const x = v(1, NaN, 3, 4, 5, 6);
			const c = set.correlate1d(x, v(1, 1), 'valid');
			expect(Array.from(c.slice(0, 2)).every(Number.isNaN)).toBe(true);
			expect(Array.from(c.slice(2))).toEqual([7, 9, 11]);
			const pooled = set.maxPool2d(
				{ shape: [1, 2, 3], data: v(1, 9, 3, NaN, 5, NaN) },
				{ size: 2, stride: 1 }
			);
			expect(Array.from(pooled.argmax)).toEqual([3, 5]);
			expect(Number.isNaN(pooled.output.data[0])).toBe(true);
			const pn = set.pNormPool2d(
				{ shape: [1, 2, 3], data: v(1, 9, 3, NaN, 5, 2) },
				{ size: 2, stride: 1, p: Infinity }
			);
			expect(Number.isNaN(pn.data[0])).toBe(true);
			expect(pn.data[1]).toBe(9);
			const mf = set.matchedFilter(x, v(1, 2));
			expect(mf.peakIndex).toBe(0); // numpy's argmax: the first NaN
			expect(Number.isNaN(mf.normalized[0])).toBe(true);
			set.dispose();
		});
	}
});
