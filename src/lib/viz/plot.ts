/** D3 as maths: scales and path strings for plots. Nothing here touches the DOM. */
import { line, scaleLinear, type ScaleLinear } from 'd3';

export interface Margin {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

export interface PlotFrame {
	width: number;
	height: number;
	margin: Margin;
	x: ScaleLinear<number, number>;
	y: ScaleLinear<number, number>;
}

export function plotFrame(
	width: number,
	height: number,
	xDomain: readonly [number, number],
	yDomain: readonly [number, number],
	margin: Margin = { top: 12, right: 16, bottom: 36, left: 52 }
): PlotFrame {
	const w = Math.max(1, width);
	const h = Math.max(1, height);
	return {
		width: w,
		height: h,
		margin,
		x: scaleLinear([...xDomain], [margin.left, Math.max(margin.left + 1, w - margin.right)]),
		y: scaleLinear([...yDomain], [Math.max(margin.top + 1, h - margin.bottom), margin.top])
	};
}

/**
 * An SVG path for y = f(x) over the frame's x domain. Non-finite values break the line
 * rather than drawing a spike.
 */
export function functionPath(f: (x: number) => number, frame: PlotFrame, samples = 400): string {
	const [x0, x1] = frame.x.domain();
	const [yLo, yHi] = frame.y.domain();
	const pad = (yHi - yLo) * 2;
	const points: [number, number][] = [];
	for (let i = 0; i <= samples; i++) {
		const x = x0 + ((x1 - x0) * i) / samples;
		points.push([x, f(x)]);
	}
	const path = line<[number, number]>()
		.defined(([, y]) => Number.isFinite(y))
		// Clip far outside the view so the path stays small and the stroke stays straight.
		.x(([x]) => frame.x(x))
		.y(([, y]) => frame.y(Math.max(yLo - pad, Math.min(yHi + pad, y))));
	return path(points) ?? '';
}

/** A value clamped into [lo, hi]. */
export function clamp(value: number, lo: number, hi: number): number {
	return Math.min(hi, Math.max(lo, value));
}
