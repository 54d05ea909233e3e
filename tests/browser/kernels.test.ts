/**
 * The shared kernel test body (tests/unit/kernels/suite.ts) run inside headless Chromium on every
 * backend present there: webgpu and webgl2 (software SwiftShader / WebGPU with the design.md flags),
 * webgl, webasm and js. A backend missing in this Chromium is skipped, and the skip says why.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AsyncKernelOps, Backend } from '../../src/lib/kernels/types';
import { launchBrowser } from './harness';
import { buildAndServeKernelPage } from './kernels/build';
import { decode, encode } from './kernels/rpc';
import { OP_NAMES } from '../unit/kernels/helpers';
import { CPU_TOLERANCE, defineKernelTests, expectClose } from '../unit/kernels/suite';
import { defineGradTests } from '../unit/kernels/suite-grad';
import { definePNormTests } from '../unit/kernels/suite-pnorm';
import type { SweepReport } from '../unit/kernels/sweep';
import { KERNEL_CACHE_LIMIT } from '../../src/lib/kernels/gpu/kernel-cache';
import { digits } from '../unit/kernels/fixtures';

type Flipshift = {
	availableBackends(): Promise<Backend[]>;
	probeBackends(): Promise<Record<Backend, string>>;
	open(b: string): Promise<Backend>;
	settle(b: string): Promise<number>;
	call(b: string, op: string, args: unknown[]): Promise<{ result: unknown; ran: Backend }>;
	loseContext(b: string, target: string): boolean;
	sweep(b: string, count: number): Promise<SweepReport & { cacheSize: number }>;
	close(): void;
	calibration(): Record<string, { overheadMs: number; msPerWork: number; perOp?: Record<string, number> }>;
};
declare const flipshift: Flipshift;

const server = await buildAndServeKernelPage();
const browser: Browser = await launchBrowser();
const page: Page = await (await browser.newContext()).newPage();
const pageErrors: string[] = [];
page.on('pageerror', (e) => pageErrors.push(e.message));
await page.goto(server.url);
await page.waitForFunction(() => 'flipshift' in globalThis);
const report = await page.evaluate(() => flipshift.probeBackends());
const present = (Object.keys(report) as Backend[]).filter((b) => report[b] === 'ok');
console.log('backends in this Chromium:', JSON.stringify(report));

afterAll(async () => {
	await page.evaluate(() => flipshift.close());
	await browser.close();
	await server.close();
});

/** Whether any array argument (or tensor's data) holds NaN or ±∞. */
function readsNonFinite(args: unknown[]): boolean {
	return args.some((a) => {
		const data = a instanceof Float32Array ? a : (a as { data?: unknown } | null)?.data;
		return data instanceof Float32Array && data.some((v) => !Number.isFinite(v));
	});
}

/**
 * Remote operations: arguments and results cross as tagged arrays; `ran` records who computed
 * each call, and `nonFinite` who computed the calls that read NaN or ±∞ (kept off the shaders).
 */
function remoteOps(backend: Backend | 'auto', ran: Backend[], nonFinite: Backend[] = []): AsyncKernelOps {
	const ops: Record<string, unknown> = {};
	for (const op of OP_NAMES) {
		ops[op] = async (...args: unknown[]) => {
			const r = await page.evaluate(([b, o, a]) => flipshift.call(b, o, a), [
				backend,
				op,
				encode(args) as unknown[]
			] as const);
			(readsNonFinite(args) ? nonFinite : ran).push(r.ran);
			return decode(r.result);
		};
	}
	return ops as unknown as AsyncKernelOps;
}

it('webgl2 and webgpu really initialise in this Chromium (design.md flags)', () => {
	expect(present).toContain('webgl2');
	expect(present).toContain('js');
	expect(pageErrors).toEqual([]);
});

/** Shading languages may assume finite floats: the dispatcher keeps NaN and ±∞ off these. */
const SHADERS: Backend[] = ['webgpu', 'webgl2', 'webgl'];

for (const backend of ['webgpu', 'webgl2', 'webgl', 'webasm', 'js'] as Backend[]) {
	const why = `${backend} is not available in this Chromium: ${report[backend]}`;
	describe.skipIf(!present.includes(backend))(`browser backend ${backend} (skipped when ${why})`, () => {
		const ran: Backend[] = [];
		const nonFinite: Backend[] = [];
		defineKernelTests(backend, () => remoteOps(backend, ran, nonFinite));
		defineGradTests(backend, () => remoteOps(backend, ran, nonFinite));
		definePNormTests(backend, () => remoteOps(backend, ran, nonFinite));
		it(`every call above really ran on ${backend}`, () => {
			expect(ran.length).toBeGreaterThan(0);
			expect(new Set(ran)).toEqual(new Set([backend]));
		});
		it(`the calls above that read NaN or ±∞ ran on ${SHADERS.includes(backend) ? 'js, not on the shaders' : backend}`, () => {
			expect(nonFinite.length).toBeGreaterThan(0);
			expect(new Set(nonFinite)).toEqual(new Set([SHADERS.includes(backend) ? 'js' : backend]));
		});
		// webgpu has no synchronous path to sweep; its cache is the same class (tests/unit/kernels/cache.test.ts)
		it.skipIf(backend === 'webgpu')(
			`${backend}: the kernel fixtures' shapes then 250 more shapes all run on ${backend} (bounded kernel caches)`,
			async () => {
				const report = await page.evaluate((b) => flipshift.sweep(b, 250), backend);
				expect(report.dropped).toEqual([]);
				expect(report.ran).toEqual([backend]);
				expect(report.lastError).toBeLessThan(1e-2);
				expect(report.cacheSize).toBeLessThanOrEqual(KERNEL_CACHE_LIMIT);
			},
			240_000
		);
	});
}

describe.skipIf(!present.includes('webgl2'))('webgl2 context loss', () => {
	it('a real WEBGL_lose_context falls back down the chain with equal numbers', async () => {
		const x = digits(9, 13);
		const h = { shape: [3, 3], data: Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]) };
		const ran: Backend[] = [];
		const ops = remoteOps('webgl2', ran);
		const before = await ops.correlate2d(x, h, 'same');
		expect(ran).toEqual(['webgl2']);
		expect(await page.evaluate(() => flipshift.loseContext('webgl2', 'webgl2'))).toBe(true);
		const after = await ops.correlate2d(x, h, 'same');
		expect(ran[1]).not.toBe('webgl2');
		expectClose(after.data, before.data, CPU_TOLERANCE * 10, 'after loss');
	});
});

it('auto starts on js at once, measures every backend that could win in the background, then picks by predicted time', async () => {
	const ran: Backend[] = [];
	const ops = remoteOps('auto', ran);
	const x = digits(100, 100);
	const h = { shape: [3, 3], data: Float32Array.from([1, 0, -1, 2, 0, -2, 1, 0, -1]) };
	const { startMs, models } = await page.evaluate(async () => {
		const startMs = await flipshift.settle('auto');
		return { startMs, models: flipshift.calibration() }; // before the call below refines them
	});
	console.log(`auto start-up ${startMs.toFixed(1)} ms`);
	const out = await ops.correlate2d(x, h, 'same');
	expect(out.shape).toEqual([100, 100]);
	// GPU.js cpu (always slower than js) and webgl (when webgl2 exists) are not candidates
	const candidates = present.filter((b) => !['webgpu', 'cpu', 'webgl'].includes(b));
	for (const b of candidates) expect(models[b], b).toBeDefined();
	expect(models.cpu).toBeUndefined();
	const rate = (b: string) => models[b].perOp?.correlate2d ?? models[b].msPerWork;
	const predicted = (b: string) => models[b].overheadMs + rate(b) * 100 * 100 * 9;
	const best = candidates.sort((a, b) => predicted(a) - predicted(b))[0];
	console.log('calibration (ms, ms per multiply-add):', JSON.stringify(models), 'auto ran', ran[0]);
	expect(ran[0]).toBe(best);
	// software WebGL2 is not picked when it measured slower than the best
	if (present.includes('webgl2') && predicted('webgl2') > predicted(best)) expect(ran[0]).not.toBe('webgl2');
});
