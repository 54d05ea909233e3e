/**
 * One test body per operation, run on every backend present in the environment (tfjs's
 * describeWithFlags pattern). `ops` is asynchronous so the same body drives a node KernelSet and
 * one inside Chromium.
 */
import { expect, it } from 'vitest';
import type { AsyncKernelOps, Backend } from '../../../src/lib/kernels/types';
import { digits, f32, fixtures, impulse, mix, tensor } from './fixtures';

/** |actual − expected| ≤ tol·(1 + |expected|): float32 sums on CPUs agree with float64 to ~1e-6. */
export const CPU_TOLERANCE = 2e-5;
/** GPU float32 arithmetic (software WebGL rounds and approximates pow/sqrt more loosely). */
export const GPU_TOLERANCE = 5e-4;

export function toleranceFor(backend: Backend): number {
	return ['js', 'cpu', 'webasm'].includes(backend) ? CPU_TOLERANCE : GPU_TOLERANCE;
}

export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number, what = '') {
	expect(actual.length, `${what} length`).toBe(expected.length);
	for (let i = 0; i < expected.length; i++) {
		const a = actual[i];
		const e = expected[i];
		if (Number.isNaN(e)) {
			expect(Number.isNaN(a), `${what}[${i}] should be NaN, got ${a}`).toBe(true);
		} else if (a !== e && !(Math.abs(a - e) <= tol * (1 + Math.abs(e)))) {
			// (a === e first: equal infinities are close, though ∞ − ∞ is NaN)
			expect.fail(`${what}[${i}] = ${a}, expected ${e} (tolerance ${tol})`);
		}
	}
}

const dims = (s: readonly number[]) => `[${s.join(',')}]`;

export function defineKernelTests(backend: Backend, ops: () => AsyncKernelOps) {
	const tol = toleranceFor(backend);

	for (const c of fixtures.correlate1d) {
		it(`correlate1d/convolve1d x=[${c.n}] h=[${c.m}] ${c.mode}`, async () => {
			const mode = c.mode as 'full';
			expectClose(await ops().correlate1d(f32(c.x), f32(c.h), mode), f32(c.correlate), tol, 'correlate');
			expectClose(await ops().convolve1d(f32(c.x), f32(c.h), mode), f32(c.convolve), tol, 'convolve');
		});
	}

	for (const c of fixtures.correlate2d) {
		it(`correlate2d/convolve2d x=${dims(c.x)} h=${dims(c.h)} ${c.mode}`, async () => {
			const mode = c.mode as 'full';
			const x = tensor(c.x, c.xData);
			const h = tensor(c.h, c.hData);
			const cor = await ops().correlate2d(x, h, mode);
			expectClose(cor.data, f32(c.correlate), tol, 'correlate2d');
			expectClose((await ops().convolve2d(x, h, mode)).data, f32(c.convolve), tol, 'convolve2d');
			const [H, W] = c.x;
			const [kh, kw] = c.h;
			const size = (n: number, k: number) => (mode === 'full' ? n + k - 1 : mode === 'same' ? n : n - k + 1);
			expect(cor.shape).toEqual([size(H, kh), size(W, kw)]);
		});
	}

	it('correlate2d x=[3,24] digits h=[3,3] impulses same: output is the shifted input', async () => {
		const x = digits(3, 24);
		for (const [r, c] of [
			[0, 0],
			[1, 1],
			[2, 1],
			[0, 2]
		]) {
			const out = await ops().correlate2d(x, impulse(3, 3, r, c), 'same');
			const expected = x.data.map((_, i) => {
				const y = Math.floor(i / 24) + r - 1;
				const xx = (i % 24) + c - 1;
				return y >= 0 && y < 3 && xx >= 0 && xx < 24 ? x.data[y * 24 + xx] : 0;
			});
			expectClose(out.data, expected, tol, `impulse at ${r},${c}`);
		}
	});

	it('convolve2d x=[4,6] h=[2,3] even: convolve(x,h) = correlate(x, flip(h)), impulse returns x', async () => {
		const x = digits(4, 6);
		const h = tensor([2, 3], [1, -2, 3, 0.5, 4, -1]);
		for (const mode of ['full', 'same', 'valid'] as const) {
			const a = await ops().convolve2d(x, h, mode);
			const b = await ops().correlate2d(x, { shape: [2, 3], data: h.data.slice().reverse() }, mode);
			expectClose(a.data, b.data, tol, mode);
		}
		expectClose((await ops().convolve2d(x, impulse(1, 1, 0, 0), 'same')).data, x.data, tol, 'impulse');
	});

	it('convolve1d x=[9] h=[4]: identities (flip, impulse, linearity)', async () => {
		const x = f32([111, 112, 113, 121, 122, 123, 131, 132, 133]);
		const y = f32([3, -1, 4, 1, -5, 9, 2, -6, 5]);
		const h = f32([0.5, -1, 2, 0.25]);
		const flipped = h.slice().reverse();
		for (const mode of ['full', 'same', 'valid'] as const) {
			expectClose(await ops().convolve1d(x, h, mode), await ops().correlate1d(x, flipped, mode), tol, mode);
			const lhs = await ops().convolve1d(mix(x, y, 2, -3), h, mode);
			const rhs = mix(await ops().convolve1d(x, h, mode), await ops().convolve1d(y, h, mode), 2, -3);
			expectClose(lhs, rhs, tol, `linearity ${mode}`);
		}
		expectClose(await ops().convolve1d(x, f32([1]), 'same'), x, tol, 'impulse');
		expectClose(await ops().convolve1d(x, f32([0, 0, 1]), 'full'), f32([0, 0, ...x]), tol, 'delayed impulse');
	});

	for (const c of fixtures.flipShiftProducts) {
		it(`flipShiftProducts x=[${c.n}] h=[${c.m}]: values and rows summing to convolve1d full`, async () => {
			const p = await ops().flipShiftProducts(f32(c.x), f32(c.h));
			expect(p.shape).toEqual([c.n + c.m - 1, c.n]);
			expectClose(p.data, f32(c.expected), tol, 'products');
			const rows = Array.from({ length: c.n + c.m - 1 }, (_, t) =>
				p.data.slice(t * c.n, (t + 1) * c.n).reduce((a, b) => a + b, 0)
			);
			expectClose(rows, await ops().convolve1d(f32(c.x), f32(c.h), 'full'), tol, 'row sums');
		});
	}

	for (const c of fixtures.matchedFilter) {
		it(`matchedFilter ${c.name} signal=[${c.signal.length}] template=[${c.template.length}]`, async () => {
			const r = await ops().matchedFilter(f32(c.signal), f32(c.template));
			// a second call must not write into the first result (output and normalized are views of one array)
			await ops().matchedFilter(
				f32(c.signal).map((v) => -v),
				f32(c.template)
			);
			expectClose(r.output, f32(c.output), tol, 'output');
			expectClose(r.normalized, f32(c.normalized), tol, 'normalized');
			expect(r.peakIndex).toBe(c.peakIndex);
			if (c.hiddenAt !== null) expect(r.peakIndex).toBe(c.hiddenAt);
		});
	}

	for (const c of fixtures.conv2d) {
		it(`conv2d x=${dims(c.x)} w=${dims(c.w)} stride=${c.stride} padding=${c.padding} bias=${!!c.bias}`, async () => {
			const bias = c.bias ? f32(c.bias) : undefined;
			const opts = { stride: c.stride, padding: c.padding };
			const out = await ops().conv2d(tensor(c.x, c.xData), tensor(c.w, c.wData), bias, opts);
			expect(out.shape).toEqual(c.outShape);
			expectClose(out.data, f32(c.expected), tol, 'conv2d');
		});
	}

	for (const c of fixtures.maxPool2d) {
		const name = `x=${dims(c.x)} size=${c.size} stride=${c.stride} ${c.ceilMode ? 'ceil' : 'floor'}`;
		it(`maxPool2d ${name} → ${dims(c.outShape)}, then maxPool2dBackward`, async () => {
			const opts = { size: c.size, stride: c.stride, ceilMode: c.ceilMode };
			const { output, argmax } = await ops().maxPool2d(tensor(c.x, c.xData), opts);
			expect(output.shape).toEqual(c.outShape);
			expectClose(output.data, f32(c.expected), 0, 'max');
			expect(Array.from(argmax)).toEqual(c.argmax);
			const grad = await ops().maxPool2dBackward(tensor(c.outShape, c.grad), Int32Array.from(c.argmax), c.x);
			expect(grad.shape).toEqual(c.x);
			expectClose(grad.data, f32(c.gradInput), tol, 'gradient');
		});
	}

	for (const c of fixtures.pNormPool2d) {
		const p = c.p === 'Infinity' ? Infinity : c.p;
		it(`pNormPool2d x=${dims(c.x)} size=${c.size} stride=${c.stride} ${c.ceilMode ? 'ceil' : 'floor'} p=${p}`, async () => {
			const out = await ops().pNormPool2d(tensor(c.x, c.xData), {
				size: c.size,
				stride: c.stride,
				ceilMode: c.ceilMode,
				p
			});
			expect(out.shape).toEqual(c.outShape);
			expectClose(out.data, f32(c.expected), tol, 'p-norm');
		});
	}

	for (const c of fixtures.conv1x1) {
		it(`conv1x1 x=${dims(c.x)} w=${dims(c.w)} bias=${!!c.bias}`, async () => {
			const out = await ops().conv1x1(
				tensor(c.x, c.xData),
				tensor(c.w, c.wData),
				c.bias ? f32(c.bias) : undefined
			);
			expect(out.shape).toEqual([c.w[0], c.x[1], c.x[2]]);
			expectClose(out.data, f32(c.expected), tol, 'conv1x1');
		});
	}

	it('correlate2d with changing sizes [6,5]·[3,3], [9,11]·[2,4], [6,5]·[3,3] never returns stale results', async () => {
		const a = tensor(
			[6, 5],
			Array.from({ length: 30 }, (_, i) => i - 7)
		);
		const b = tensor(
			[9, 11],
			Array.from({ length: 99 }, (_, i) => (i * 37) % 23)
		);
		const ha = tensor([3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
		const hb = tensor([2, 4], [1, -1, 2, -2, 3, -3, 4, -4]);
		const first = await ops().correlate2d(a, ha, 'same');
		const kept = first.data.slice();
		const second = await ops().correlate2d(b, hb, 'valid');
		const third = await ops().correlate2d(a, hb, 'full');
		expect(second.shape).toEqual([8, 8]);
		expect(third.shape).toEqual([7, 8]);
		expect(Array.from(first.data)).toEqual(Array.from(kept));
		expectClose((await ops().correlate2d(a, ha, 'same')).data, kept, tol, 'again');
	});
}
