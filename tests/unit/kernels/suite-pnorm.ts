/**
 * p-norm pooling at large p and at the edges, one body for every backend (like suite.ts): against
 * numpy's scaled p-norm (scripts/fixtures_pnorm.py) for p up to 1000 with values up to 9 (where
 * Σ|x|ᵖ leaves float32), values below 10⁻³ (where it underflows), all-zero windows, NaN and ±∞;
 * the backward against numpy and against finite differences of the same backend's forward pass.
 */
import { expect, it } from 'vitest';
import raw from '../../fixtures/pnorm.json';
import type { AsyncKernelOps, Backend, Tensor } from '../../../src/lib/kernels/types';
import { expectClose, toleranceFor } from './suite';

type Wire = number | 'NaN' | 'Infinity' | '-Infinity';
interface PNormCase {
	name: string;
	x: number[];
	size: number;
	stride: number;
	ceilMode: boolean;
	p: number | 'Infinity';
	xData: Wire[];
	expected: Wire[];
	outShape: number[];
	grad: Wire[];
	gradInput: Wire[];
}
const cases = (raw as unknown as { pNormPool2d: PNormCase[] }).pNormPool2d;

const f32 = (a: readonly Wire[]) => Float32Array.from(a, (v) => Number(v));
const dims = (s: readonly number[]) => `[${s.join(',')}]`;

/**
 * The slope (|x|/y)^(p−1) multiplies y's relative rounding error by about p − 1: float32's y
 * (7 digits) leaves p·1e-7 of relative error at large p, more on the GPU's approximate pow/log2.
 */
function gradTolerance(backend: Backend, p: number): number {
	const base = toleranceFor(backend);
	const finite = Number.isFinite(p) ? p : 1;
	return base > 1e-4 ? Math.max(5e-3, finite * 2e-5) : Math.max(base, finite * 2e-7);
}

export function definePNormTests(backend: Backend, ops: () => AsyncKernelOps) {
	const tol = toleranceFor(backend);
	for (const c of cases) {
		const p = c.p === 'Infinity' ? Infinity : c.p;
		const opts = { size: c.size, stride: c.stride, ceilMode: c.ceilMode, p };
		const name = `x=${dims(c.x)} size=${c.size} stride=${c.stride} ${c.ceilMode ? 'ceil' : 'floor'} p=${p}`;
		it(`pNormPool2d and pNormPool2dBackward ${name}, ${c.name}`, async () => {
			const x = { shape: c.x, data: f32(c.xData) };
			const out = await ops().pNormPool2d(x, opts);
			expect(out.shape).toEqual(c.outShape);
			expectClose(out.data, f32(c.expected), tol, 'p-norm');
			const back = await ops().pNormPool2dBackward(x, { shape: c.outShape, data: f32(c.grad) }, opts);
			expect(back.shape).toEqual(c.x);
			expectClose(back.data, f32(c.gradInput), gradTolerance(backend, p), 'gradInput');
		});
	}

	it('pNormPool2d [1,4,4] size 4: p=40, 64, 100, 1000 of sixteen 9s is 9·16^(1/p), finite and above the max', async () => {
		const x = { shape: [1, 4, 4], data: new Float32Array(16).fill(9) };
		for (const p of [40, 64, 100, 1000]) {
			const [y] = (await ops().pNormPool2d(x, { size: 4, p })).data;
			expect(y, `p=${p}`).toBeCloseTo(9 * 16 ** (1 / p), 3);
			expect(y, `p=${p}`).toBeGreaterThan(9);
		}
	});

	for (const p of [64, 1000]) {
		it(`pNormPool2dBackward x=[1,2,6,7] values up to 9 size=3 stride=2 ceil p=${p}: finite differences`, async () => {
			const n = 2 * 6 * 7;
			// distinct magnitudes (no ties within 1 %), so the slope is smooth at every probed cell
			const data = Float32Array.from(
				{ length: n },
				(_, i) => 9 * Math.sin(1.3 * i + 3) * (0.8 + 0.2 * Math.cos(0.7 * i))
			);
			const x: Tensor = { shape: [1, 2, 6, 7], data };
			const opts = { size: 3, stride: 2, ceilMode: true, p };
			const y = await ops().pNormPool2d(x, opts);
			const G = Float32Array.from({ length: y.data.length }, (_, i) => Math.cos(0.9 * i + 1));
			const grad = (await ops().pNormPool2dBackward(x, { shape: y.shape, data: G }, opts)).data;
			expect(grad.every(Number.isFinite)).toBe(true);
			const gpu = tol > 1e-4;
			// a step small against p: the slope changes by a factor e^(p·eps/|x|) across it
			const eps = (gpu ? 8 : 2) / p;
			const scale = Math.max(...grad.map(Math.abs));
			for (const i of [0, 5, 11, 20, 33, 47, 60, 83]) {
				const loss = async (d: number) => {
					const moved = data.slice();
					moved[i] += d;
					const out = await ops().pNormPool2d({ shape: x.shape, data: moved }, opts);
					return out.data.reduce((s, v, k) => s + v * G[k], 0);
				};
				const numeric = ((await loss(eps)) - (await loss(-eps))) / (2 * eps);
				expect(
					Math.abs(numeric - grad[i]),
					`d/dx[${i}]: numeric ${numeric}, analytic ${grad[i]}`
				).toBeLessThanOrEqual((gpu ? 5e-2 : 1e-2) * scale);
			}
		});
	}
}
