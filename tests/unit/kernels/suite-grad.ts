/**
 * The trainer's operations, one body for every backend (like suite.ts): batched conv2d and max
 * pooling, conv2dBackward and pNormPool2dBackward against numpy fixtures, and finite-difference
 * checks of both gradients against the forward functions of the same backend.
 */
import { expect, it } from 'vitest';
import type { AsyncKernelOps, Backend, Tensor } from '../../../src/lib/kernels/types';
import { f32, fixtures, tensor } from './fixtures';
import { expectClose, toleranceFor } from './suite';

const dims = (s: readonly number[]) => `[${s.join(',')}]`;

/** A smooth, sign-mixed, seedless pattern (no Math.random in tests either). */
function wave(shape: number[], phase: number): Tensor {
	const n = shape.reduce((a, b) => a * b, 1);
	return {
		shape,
		data: Float32Array.from({ length: n }, (_, i) => Math.sin(1.3 * i + phase) + 0.25 * Math.cos(0.7 * i))
	};
}

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, v, i) => s + v * b[i], 0);

/**
 * Central differences of L(x) = Σ G ⊙ forward(x) at the coordinates `at`, compared with the
 * analytic gradient. float32 forward values limit the accuracy: `rel` of the largest gradient.
 */
async function finiteDifference(
	forward: (x: Tensor) => Promise<Tensor>,
	x: Tensor,
	grad: Float32Array,
	G: Float32Array,
	eps: number,
	rel: number,
	at: number[]
) {
	const scale = Math.max(...grad.map(Math.abs));
	for (const i of at) {
		const plus = x.data.slice();
		const minus = x.data.slice();
		plus[i] += eps;
		minus[i] -= eps;
		const lp = dot((await forward({ shape: x.shape, data: plus })).data, G);
		const lm = dot((await forward({ shape: x.shape, data: minus })).data, G);
		const numeric = (lp - lm) / (2 * eps);
		expect(
			Math.abs(numeric - grad[i]),
			`d/dx[${i}]: numeric ${numeric}, analytic ${grad[i]}`
		).toBeLessThanOrEqual(rel * scale);
	}
}

export function defineGradTests(backend: Backend, ops: () => AsyncKernelOps) {
	const tol = toleranceFor(backend);
	const gpu = tol > 1e-4;

	for (const c of fixtures.conv2dBatched) {
		it(`conv2d batched x=${dims(c.x)} w=${dims(c.w)} stride=${c.stride} padding=${c.padding}`, async () => {
			const opts = { stride: c.stride, padding: c.padding };
			const out = await ops().conv2d(tensor(c.x, c.xData), tensor(c.w, c.wData), f32(c.bias!), opts);
			expect(out.shape).toEqual(c.outShape);
			expectClose(out.data, f32(c.expected), tol, 'conv2d');
		});
	}

	for (const c of fixtures.maxPool2dBatched) {
		const name = `x=${dims(c.x)} size=${c.size} stride=${c.stride} ${c.ceilMode ? 'ceil' : 'floor'}`;
		it(`maxPool2d batched ${name}: values, per-channel argmax, backward; maxPool2dValues`, async () => {
			const opts = { size: c.size, stride: c.stride, ceilMode: c.ceilMode };
			const { output, argmax } = await ops().maxPool2d(tensor(c.x, c.xData), opts);
			expect(output.shape).toEqual(c.outShape);
			expectClose(output.data, f32(c.expected), 0, 'max');
			expect(Array.from(argmax)).toEqual(c.argmax);
			const values = await ops().maxPool2dValues(tensor(c.x, c.xData), opts);
			expect(values.shape).toEqual(c.outShape);
			expectClose(values.data, f32(c.expected), 0, 'maxPool2dValues');
			const grad = await ops().maxPool2dBackward(tensor(c.outShape, c.grad), Int32Array.from(c.argmax), c.x);
			expect(grad.shape).toEqual(c.x);
			expectClose(grad.data, f32(c.gradInput), tol, 'gradient');
		});
	}

	for (const c of fixtures.conv2dBackward) {
		it(`conv2dBackward x=${dims(c.x)} w=${dims(c.w)} stride=${c.stride} padding=${c.padding}`, async () => {
			const opts = { stride: c.stride, padding: c.padding };
			const x = tensor(c.x, c.xData);
			const g = await ops().conv2dBackward(x, tensor(c.w, c.wData), tensor(c.gradShape, c.grad), opts);
			expect(g.gradInput.shape).toEqual(c.x);
			expect(g.gradWeight.shape).toEqual(c.w);
			expectClose(g.gradInput.data, f32(c.gradInput), tol, 'gradInput');
			expectClose(g.gradWeight.data, f32(c.gradWeight), tol, 'gradWeight');
			expectClose(g.gradBias, f32(c.gradBias), tol, 'gradBias');
		});
	}

	for (const c of fixtures.pNormPool2dBackward) {
		const p = c.p === 'Infinity' ? Infinity : c.p;
		const name = `x=${dims(c.x)} size=${c.size} stride=${c.stride} ${c.ceilMode ? 'ceil' : 'floor'} p=${p}`;
		it(`pNormPool2dBackward ${name} (zeros and an all-zero window give 0)`, async () => {
			const opts = { size: c.size, stride: c.stride, ceilMode: c.ceilMode, p };
			const out = await ops().pNormPool2dBackward(tensor(c.x, c.xData), tensor(c.gradShape, c.grad), opts);
			expect(out.shape).toEqual(c.x);
			expect(out.data.every(Number.isFinite)).toBe(true);
			expectClose(out.data, f32(c.gradInput), gpu ? 5e-3 : tol, 'gradInput');
		});
	}

	it('conv2d x=[2,2,5,6] w=[3,2,3,3] stride=2 padding=1: a batch equals its images one by one', async () => {
		const x = wave([2, 2, 5, 6], 0);
		const w = wave([3, 2, 3, 3], 1);
		const bias = Float32Array.from([0.5, -1, 2]);
		const both = await ops().conv2d(x, w, bias, { stride: 2, padding: 1 });
		expect(both.shape).toEqual([2, 3, 3, 3]);
		for (let n = 0; n < 2; n++) {
			const image = { shape: [2, 5, 6], data: x.data.subarray(n * 60, (n + 1) * 60) };
			const one = await ops().conv2d(image, w, bias, { stride: 2, padding: 1 });
			expectClose(both.data.subarray(n * 27, (n + 1) * 27), one.data, tol, `image ${n}`);
		}
	});

	it('conv2dBackward x=[2,2,5,6] w=[3,2,3,3] stride=2 padding=1: finite differences of conv2d', async () => {
		const x = wave([2, 2, 5, 6], 0);
		const w = wave([3, 2, 3, 3], 1);
		const opts = { stride: 2, padding: 1 };
		const G = wave([2, 3, 3, 3], 2).data;
		const g = await ops().conv2dBackward(x, w, { shape: [2, 3, 3, 3], data: G }, opts);
		// conv2d is linear in x and in w, so a large step is exact but for float32 rounding
		const rel = gpu ? 2e-2 : 1e-3;
		await finiteDifference(
			(xx) => ops().conv2d(xx, w, undefined, opts),
			x,
			g.gradInput.data,
			G,
			0.5,
			rel,
			[0, 7, 29, 60, 77, 119]
		);
		await finiteDifference(
			(ww) => ops().conv2d(x, ww, undefined, opts),
			w,
			g.gradWeight.data,
			G,
			0.5,
			rel,
			[0, 4, 13, 22, 40, 53]
		);
		const withBias = await ops().conv2d(x, w, Float32Array.from([1, 0, 0]), opts);
		const without = await ops().conv2d(x, w, undefined, opts);
		expect(dot(withBias.data, G) - dot(without.data, G)).toBeCloseTo(g.gradBias[0], gpu ? 1 : 3);
	});

	for (const p of [1, 2, 3.5, Infinity]) {
		it(`pNormPool2dBackward x=[1,2,6,7] size=3 stride=2 ceil p=${p}: finite differences of pNormPool2d`, async () => {
			const x = wave([1, 2, 6, 7], 3);
			const opts = { size: 3, stride: 2, ceilMode: true, p };
			const y = await ops().pNormPool2d(x, opts);
			const G = wave([...y.shape], 4).data;
			const grad = await ops().pNormPool2dBackward(x, { shape: y.shape, data: G }, opts);
			const eps = gpu ? 3e-2 : 1e-2;
			await finiteDifference(
				(xx) => ops().pNormPool2d(xx, opts),
				x,
				grad.data,
				G,
				eps,
				gpu ? 5e-2 : 1e-2,
				[0, 5, 11, 20, 33, 47, 60, 83]
			);
		});
	}
}
