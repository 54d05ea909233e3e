import { describe, expect, it } from 'vitest';
import {
	checkArchitecture,
	type Architecture,
	type CheckResult
} from '$lib/concepts/architectures/functions';
import {
	DEFAULT_CODE,
	encodeArchitecture,
	parseArchitecture,
	presetArchitecture,
	PRESETS
} from '$lib/concepts/architectures/codec';
import { ArchitectureModel } from '$lib/concepts/architectures/model.svelte';
import { steps } from '$lib/concepts/architectures/steps';
import { ParamReader } from '$lib/deck/params';

const reader = (query: string) => new ParamReader(new URLSearchParams(query));
const arch = (code: string): Architecture => {
	const parsed = parseArchitecture(code);
	if (!('architecture' in parsed)) throw new Error(parsed.problem);
	return parsed.architecture;
};
const rows = (r: CheckResult) =>
	r.layers.filter((l) => l.kind !== 'relu').map((l) => [l.label, l.shape, l.params]);

describe('architectures: checkArchitecture on valid stacks', () => {
	it('LeNet-5 32x1-c6k5p0m2-c16k5p0m2-f120-f84-o10: shapes and counts (5·5·1+1)·6 … (84+1)·10, total 61 706', () => {
		const r = checkArchitecture(arch('32x1-c6k5p0m2-c16k5p0m2-f120-f84-o10'));
		expect(r.problem).toBeNull();
		expect(rows(r)).toEqual([
			['INPUT', [1, 32, 32], 0],
			['CONV 1', [6, 28, 28], (5 * 5 * 1 + 1) * 6],
			['POOL 1', [6, 14, 14], 0],
			['CONV 2', [16, 10, 10], (5 * 5 * 6 + 1) * 16],
			['POOL 2', [16, 5, 5], 0],
			['FC 1', [120], (16 * 5 * 5 + 1) * 120],
			['FC 2', [84], (120 + 1) * 84],
			['FC out', [10], (84 + 1) * 10]
		]);
		expect(r.total).toBe(156 + 2416 + 48120 + 10164 + 850);
		expect(r.total).toBe(61706);
	});

	it('LeNet-5 lists a RELU after every conv and hidden FC, with the same shape and 0 parameters', () => {
		const r = checkArchitecture(presetArchitecture('lenet5'));
		const relus = r.layers.filter((l) => l.kind === 'relu');
		expect(relus.map((l) => [l.label, l.shape, l.params])).toEqual([
			['RELU 1', [6, 28, 28], 0],
			['RELU 2', [16, 10, 10], 0],
			['RELU 1', [120], 0],
			['RELU 2', [84], 0]
		]);
		expect(r.layers.map((l) => l.kind).slice(0, 5)).toEqual(['input', 'conv', 'relu', 'pool', 'conv']);
	});

	it('the deck: 100x1, 3 filters 3×3 padding 0 → 3×98×98 (30 parameters), pool 3 (floor) → 3×32×32, FC 2', () => {
		const r = checkArchitecture(presetArchitecture('deck'));
		expect(rows(r)).toEqual([
			['INPUT', [1, 100, 100], 0],
			['CONV 1', [3, 98, 98], (3 * 3 + 1) * 3],
			['POOL 1', [3, 32, 32], 0],
			['FC out', [2], (3 * 32 * 32 + 1) * 2]
		]);
		expect(r.total).toBe(30 + 6146);
	});

	it('small VGG (two 3×3 convs with padding 1 per block, r2): 32 → 16 → 8 → 4, total 814 122', () => {
		const r = checkArchitecture(presetArchitecture('vgg'));
		expect(rows(r).map((x) => x[0])).toEqual([
			'INPUT',
			'CONV 1.1',
			'CONV 1.2',
			'POOL 1',
			'CONV 2.1',
			'CONV 2.2',
			'POOL 2',
			'CONV 3.1',
			'CONV 3.2',
			'POOL 3',
			'FC 1',
			'FC out'
		]);
		expect(r.layers.find((l) => l.label === 'CONV 1.2')?.params).toBe((3 * 3 * 32 + 1) * 32);
		expect(r.layers.find((l) => l.label === 'POOL 3')?.shape).toEqual([128, 4, 4]);
		expect(r.layers.find((l) => l.label === 'FC 1')?.params).toBe((128 * 4 * 4 + 1) * 256);
		expect(r.total).toBe(896 + 9248 + 18496 + 36928 + 73856 + 147584 + 524544 + 2570);
	});

	it('N = 0, M = 0 (8x3-o4): a linear classifier, (8·8·3 + 1)·4 = 772 parameters', () => {
		const r = checkArchitecture(arch('8x3-o4'));
		expect(rows(r)).toEqual([
			['INPUT', [3, 8, 8], 0],
			['FC out', [4], (8 * 8 * 3 + 1) * 4]
		]);
		expect(r.total).toBe(772);
	});

	it('a 1×1 input with a 1×1 kernel and pool 1 (1x1-c1k1p0m1-o1) fits: 1×1×1, (1+1)·1 + (1+1)·1', () => {
		const r = checkArchitecture(arch('1x1-c1k1p0m1-o1'));
		expect(r.problem).toBeNull();
		expect(r.total).toBe(4);
	});

	it('a kernel exactly as large as its input (5x1-c2k5p0m1-o1) gives a 2×1×1 map', () => {
		const r = checkArchitecture(arch('5x1-c2k5p0m1-o1'));
		expect(r.layers[1].shape).toEqual([2, 1, 1]);
	});
});

describe('architectures: checkArchitecture on stacks that do not fit', () => {
	it('pool 3×3 on a 2×2 map (8x1-c4k3p1m2-c8k3p1m2-c8k3p1m3-o10): stops at POOL 3 and says why', () => {
		const r = checkArchitecture(presetArchitecture('pool-too-big'));
		expect(r.problem?.layer).toBe('POOL 3');
		expect(r.problem?.message).toContain('3×3 max-pool window does not fit the 2×2 map');
		expect(r.total).toBeNull();
		expect(r.layers.at(-1)?.label).toBe('RELU 3');
		expect(r.layers.at(-1)?.shape).toEqual([8, 2, 2]);
	});

	it('kernel 5×5 on a 4×4 input (28x1-c8k5p0m2-c16k5p0m2-c32k5p0m2-o10): stops at CONV 3', () => {
		const r = checkArchitecture(presetArchitecture('kernel-too-big'));
		expect(r.problem?.layer).toBe('CONV 3');
		expect(r.problem?.message).toContain('5×5 kernel is larger than its 4×4 input');
		expect(r.layers.at(-1)?.shape).toEqual([16, 4, 4]);
	});

	it('padding counts: 3×3 kernel on a 2×2 map with padding 1 fits (2×2 out), padding 0 does not', () => {
		expect(checkArchitecture(arch('2x1-c1k3p1m1-o1')).layers[1].shape).toEqual([1, 2, 2]);
		const r = checkArchitecture(arch('2x1-c1k3p0m1-o1'));
		expect(r.problem?.message).toContain('3×3 kernel is larger than its 2×2 input');
	});

	it('padding more than half the kernel (k3 p2) is refused at that layer, as PyTorch does', () => {
		const r = checkArchitecture(arch('8x1-c1k3p2m1-o1'));
		expect(r.problem?.layer).toBe('CONV 1');
		expect(r.problem?.message).toContain('padding 2 is more than half the 3×3 kernel');
	});

	it('settings outside the limits throw RangeError naming them (size 0, blocks[0].kernel 16)', () => {
		const lenet = presetArchitecture('lenet5');
		expect(() => checkArchitecture({ ...lenet, size: 0 })).toThrow(/size/);
		expect(() => checkArchitecture({ ...lenet, blocks: [{ ...lenet.blocks[0], kernel: 16 }] })).toThrow(
			RangeError
		);
		expect(() => checkArchitecture({ ...lenet, blocks: [{ ...lenet.blocks[0], kernel: 16 }] })).toThrow(
			/blocks\[0\]\.kernel/
		);
	});
});

describe('architectures: the URL code', () => {
	it.each(PRESETS.map((p) => [p.id, p.code]))('preset %s round-trips: encode(parse(%s))', (_, code) => {
		expect(encodeArchitecture(arch(code))).toBe(code);
	});

	it.each([
		['', 'start with'],
		['32x1', 'end with o<classes>'],
		['32x1-c6k5m2-o10', 'neither a conv block'],
		['32x1-f10-c6k5p0m2-o10', 'comes after an FC layer'],
		['32x1-c6k5p0m2-o0', 'classes'],
		['999x1-o10', 'size'],
		['32x1-c6k5p0r3m2-o10', 'convs'],
		['32x1-c6k5p0m2-f1e3-o10', 'neither']
	])('parseArchitecture(%j) is refused: %s', (code, reason) => {
		const parsed = parseArchitecture(code);
		expect('problem' in parsed && parsed.problem).toContain(reason);
	});
});

describe('architectures: model and steps', () => {
	it('no net= in the link opens LeNet-5 with no problem', () => {
		const m = new ArchitectureModel(reader(''));
		expect(encodeArchitecture(m.architecture)).toBe(DEFAULT_CODE);
		expect(m.linkProblem).toBeNull();
	});

	it('net=garbage opens LeNet-5 and says what was wrong', () => {
		const m = new ArchitectureModel(reader('net=garbage'));
		expect(encodeArchitecture(m.architecture)).toBe(DEFAULT_CODE);
		expect(m.linkProblem).toContain('garbage');
	});

	it('a broken but well-formed net (pool 3 on 2×2) opens as written, so its message shows', () => {
		const code = PRESETS.find((p) => p.id === 'pool-too-big')!.code;
		const m = new ArchitectureModel(reader(`net=${code}`));
		expect(m.toParams().net).toBe(code);
		expect(m.result.problem?.layer).toBe('POOL 3');
	});

	it('editing: addBlock copies the last block, removeBlock/removeFc drop the last, setBlock clamps', () => {
		const m = new ArchitectureModel(reader(''));
		m.addBlock();
		expect(m.architecture.blocks).toHaveLength(3);
		expect(m.architecture.blocks[2]).toEqual(m.architecture.blocks[1]);
		m.setBlock(2, 'kernel', 99);
		expect(m.architecture.blocks[2].kernel).toBe(15);
		m.removeBlock();
		m.removeFc();
		expect(encodeArchitecture(m.architecture)).toBe('32x1-c6k5p0m2-c16k5p0m2-f120-o10');
		m.setFc(0, 0);
		expect(m.architecture.fc[0]).toBe(1);
	});

	it('every step has a title, narration and speaker notes', () => {
		expect(steps.length).toBeGreaterThanOrEqual(4);
		for (const s of steps) {
			expect(s.title.length).toBeGreaterThan(0);
			expect(s.narration.length).toBeGreaterThan(20);
			expect(s.notes?.length ?? 0).toBeGreaterThan(40);
		}
	});
});
