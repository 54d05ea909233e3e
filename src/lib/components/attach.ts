/**
 * Attachments that hand D3 an element it may own (axes, drag behaviour), each returning its
 * cleanup so Svelte releases it with the element.
 */
import { axisBottom, axisLeft, drag, select, type ScaleLinear } from 'd3';
import type { Attachment } from 'svelte/attachments';

export function axis(
	scale: ScaleLinear<number, number>,
	side: 'bottom' | 'left',
	ticks = 6
): Attachment<SVGGElement> {
	return (g) => {
		const make = side === 'bottom' ? axisBottom(scale) : axisLeft(scale);
		select(g).call(make.ticks(ticks).tickSizeOuter(0));
		return () => select(g).selectAll('*').remove();
	};
}

/**
 * Pointer drag along x: calls `onx` with the data value under the pointer while the button
 * is down. Works for mouse, pen and touch (d3-drag handles the pointer capture).
 */
export function dragX(
	scale: ScaleLinear<number, number>,
	onx: (value: number) => void,
	onend?: () => void
): Attachment<SVGElement> {
	return (element) => {
		const behaviour = drag<SVGElement, unknown>()
			.container(() => element.ownerSVGElement ?? (element as unknown as SVGSVGElement))
			.on('start drag', (event: { x: number }) => onx(scale.invert(event.x)))
			.on('end', () => onend?.());
		select(element).call(behaviour);
		return () => {
			select(element).on('.drag', null);
		};
	};
}

/** Pointer drag along y: calls `ony` with the data value under the pointer while the button is down. */
export function dragY(
	scale: ScaleLinear<number, number>,
	ony: (value: number) => void
): Attachment<SVGElement> {
	return (element) => {
		const behaviour = drag<SVGElement, unknown>()
			.container(() => element.ownerSVGElement ?? (element as unknown as SVGSVGElement))
			.on('start drag', (event: { y: number }) => ony(scale.invert(event.y)));
		select(element).call(behaviour);
		return () => {
			select(element).on('.drag', null);
		};
	};
}
