import { scaleLinear } from 'd3';
import { describe, expect, it } from 'vitest';
import { linePath, signalExtent, stemsPath, visibleRange } from '../../../src/lib/viz/signal-path';

const x = (d0: number, d1: number, width: number) => scaleLinear([d0, d1], [0, width]);
const y = scaleLinear([-1, 1], [100, 0]);

describe('signal paths', () => {
	it('visibleRange(length=10, offset=-3, domain [0, 4]) keeps indices 3..7', () => {
		expect(visibleRange(10, -3, x(0, 4, 100))).toEqual([3, 7]);
	});
	it('stemsPath([1, -1], offset=0) draws one stem per sample from the zero line', () => {
		expect(stemsPath(new Float32Array([1, -1]), 0, x(0, 1, 10), y)).toBe('M0,50V0M10,50V100');
	});
	it('linePath(3 samples, 100 px) is a plain polyline', () => {
		expect(linePath(new Float32Array([0, 1, 0]), 0, x(0, 2, 100), y)).toBe('M0,50L50,0L100,50');
	});
	it('linePath(65 536 samples, 100 px) decimates to 100 columns and keeps a one-sample peak', () => {
		const v = new Float32Array(65_536);
		v[40_000] = 1;
		const d = linePath(v, 0, x(0, 65_535, 100), y);
		expect(d.split('M').length + d.split('L').length - 2).toBe(200);
		expect(d).toContain(',0L');
	});
	it('signalExtent([[0, 2]]) includes 0 and pads 20 %', () => {
		expect(signalExtent([new Float32Array([0, 2])])).toEqual([0, 2.4]);
		expect(signalExtent([new Float32Array([0, 0])])).toEqual([-1, 1]);
	});
});
