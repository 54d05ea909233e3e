/** The numpy/scipy fixtures (scripts/make_fixtures.py) and small helpers shared by node and browser tests. */
import raw from '../../fixtures/kernels.json';

type Num = number | null;
export interface Fixtures {
	correlate1d: {
		n: number;
		m: number;
		mode: string;
		x: Num[];
		h: Num[];
		correlate: Num[];
		convolve: Num[];
	}[];
	correlate2d: {
		x: number[];
		h: number[];
		mode: string;
		xData: Num[];
		hData: Num[];
		correlate: Num[];
		convolve: Num[];
	}[];
	flipShiftProducts: { n: number; m: number; x: Num[]; h: Num[]; expected: Num[] }[];
	matchedFilter: {
		name: string;
		signal: Num[];
		template: Num[];
		hiddenAt: number | null;
		output: Num[];
		normalized: Num[];
		peakIndex: number;
	}[];
	conv2d: {
		x: number[];
		w: number[];
		stride: number;
		padding: number;
		xData: Num[];
		wData: Num[];
		bias: Num[] | null;
		expected: Num[];
		outShape: number[];
	}[];
	maxPool2d: {
		x: number[];
		size: number;
		stride: number;
		ceilMode: boolean;
		xData: Num[];
		expected: Num[];
		argmax: number[];
		outShape: number[];
		grad: Num[];
		gradInput: Num[];
	}[];
	pNormPool2d: {
		x: number[];
		size: number;
		stride: number;
		ceilMode: boolean;
		p: number | 'Infinity';
		xData: Num[];
		expected: Num[];
		outShape: number[];
	}[];
	conv1x1: { x: number[]; w: number[]; xData: Num[]; wData: Num[]; bias: Num[] | null; expected: Num[] }[];
	conv2dBackward: {
		x: number[];
		w: number[];
		stride: number;
		padding: number;
		xData: Num[];
		wData: Num[];
		gradShape: number[];
		grad: Num[];
		gradInput: Num[];
		gradWeight: Num[];
		gradBias: Num[];
	}[];
	conv2dBatched: Fixtures['conv2d'];
	maxPool2dBatched: Fixtures['maxPool2d'];
	pNormPool2dBackward: {
		x: number[];
		size: number;
		stride: number;
		ceilMode: boolean;
		p: number | 'Infinity';
		xData: Num[];
		gradShape: number[];
		grad: Num[];
		gradInput: Num[];
	}[];
}

export const fixtures = raw as unknown as Fixtures;

export const f32 = (a: readonly Num[]): Float32Array => Float32Array.from(a, (v) => (v === null ? NaN : v));
export const tensor = (shape: readonly number[], data: readonly Num[]) => ({
	shape: [...shape],
	data: f32(data)
});

/** 100·(row+1) + 10 + (column+1): every value says where it came from (111, 112, … 334 for [3,24]). */
export function digits(h: number, w: number): { shape: number[]; data: Float32Array } {
	const data = new Float32Array(h * w);
	for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = 100 * (y + 1) + 10 + (x + 1);
	return { shape: [h, w], data };
}

/** A 1 at (row, col) of a [kh,kw] kernel: shifting by a known amount reveals off-by-one indexing. */
export function impulse(kh: number, kw: number, row: number, col: number) {
	const data = new Float32Array(kh * kw);
	data[row * kw + col] = 1;
	return { shape: [kh, kw], data };
}

export const mix = (a: Float32Array, b: Float32Array, s: number, t: number) =>
	a.map((v, i) => s * v + t * b[i]);
