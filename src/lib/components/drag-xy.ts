/**
 * A 2-D pointer drag for a handle (an arrow head, a point): D3 owns the element's drag
 * listeners, the caller gets SVG coordinates. The callback is read through a getter at
 * event time, so the attachment never has to be rebuilt while a drag is in progress.
 */
import { drag, select } from 'd3';
import type { Attachment } from 'svelte/attachments';

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
