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
 * Pointer drag: calls `onmove` with the pointer's SVG coordinates while the button is down.
 * Works for mouse, pen and touch (d3-drag handles the pointer capture). The callback is read at
 * event time, so the attachment never has to be rebuilt while a drag is in progress.
 */
export function dragXY(onmove: (px: number, py: number) => void, onend?: () => void): Attachment<SVGElement> {
	return (element) => {
		const behaviour = drag<SVGElement, unknown>()
			.container(() => element.ownerSVGElement ?? (element as unknown as SVGSVGElement))
			.on('start drag', (event: { x: number; y: number }) => onmove(event.x, event.y))
			.on('end', () => onend?.());
		select(element).call(behaviour);
		return () => {
			select(element).on('.drag', null);
		};
	};
}

/** Pointer drag along x: calls `onx` with the data value under the pointer. */
export function dragX(
	scale: ScaleLinear<number, number>,
	onx: (value: number) => void,
	onend?: () => void
): Attachment<SVGElement> {
	return dragXY((px) => onx(scale.invert(px)), onend);
}

/** Pointer drag along y: calls `ony` with the data value under the pointer. */
export function dragY(
	scale: ScaleLinear<number, number>,
	ony: (value: number) => void
): Attachment<SVGElement> {
	return dragXY((_, py) => ony(scale.invert(py)));
}

/**
 * Cancels the focus a click would give a draggable widget (a capture listener, since d3-drag
 * stops the event), so → after a drag still turns the page; Tab still reaches it.
 */
export const keepFocusOnPage: Attachment<Element> = (element) => {
	const cancel = (event: Event) => event.preventDefault();
	element.addEventListener('mousedown', cancel, { capture: true });
	return () => element.removeEventListener('mousedown', cancel, { capture: true });
};

/**
 * Arrow keys on a focused widget: calls `onarrow(dx, dy)` with ±1 steps (±10 with Shift; up is
 * +y) and keeps the key from the deck, which would otherwise turn the page.
 */
export function arrowKeys(onarrow: (dx: number, dy: number) => void): (event: KeyboardEvent) => void {
	const moves: Record<string, [number, number]> = {
		ArrowRight: [1, 0],
		ArrowLeft: [-1, 0],
		ArrowUp: [0, 1],
		ArrowDown: [0, -1]
	};
	return (event) => {
		const move = moves[event.key];
		if (!move) return;
		const by = event.shiftKey ? 10 : 1;
		onarrow(move[0] * by, move[1] * by);
		event.preventDefault();
		event.stopPropagation();
	};
}
