/**
 * Pointer and keyboard behaviour shared by the grid views (HeatMap, NumberGrid). The view is one
 * focusable element (no focusable cells inside it, so nothing nests): the pointer over it reports
 * the cell under it (`onhover`), pressing and dragging reports cells to `onselect`, and the arrow
 * keys either move the selection (when the view has `onselect`) or move a focus cell that is
 * reported like a hover. The handlers are read at event time, so a drag survives prop updates.
 */
import type { Attachment } from 'svelte/attachments';
import type { Cell } from '$lib/viz/grid';
import { arrowKeys } from './attach';

export interface GridHandlers {
	rows: number;
	cols: number;
	/** Zero-padding ring drawn around the data, in cells; pointer cells may fall in it. */
	padding: number;
	/** The selected cell the arrow keys move from (when `onselect` is given). */
	selected: Cell | null | undefined;
	onhover: ((cell: Cell | null) => void) | undefined;
	onselect: ((cell: Cell) => void) | undefined;
}

export class GridCursor {
	/** The cell the arrow keys walk over while the view has the keyboard focus (hover mode). */
	focusCell = $state<Cell | null>(null);
	#get: () => GridHandlers;

	constructor(get: () => GridHandlers) {
		this.#get = get;
	}

	/** The data cell under a pointer event, clamped into the drawn area (data plus padding). */
	cellAt(element: Element, clientX: number, clientY: number): Cell {
		const { rows, cols, padding } = this.#get();
		const box = element.getBoundingClientRect();
		const across = cols + 2 * padding;
		const down = rows + 2 * padding;
		const col = Math.floor(((clientX - box.left) / Math.max(1, box.width)) * across) - padding;
		const row = Math.floor(((clientY - box.top) / Math.max(1, box.height)) * down) - padding;
		return {
			row: Math.min(rows - 1 + padding, Math.max(-padding, row)),
			col: Math.min(cols - 1 + padding, Math.max(-padding, col))
		};
	}

	#move(dx: number, dy: number): void {
		const { rows, cols, selected, onhover, onselect } = this.#get();
		const from = (onselect ? selected : this.focusCell) ?? { row: 0, col: 0 };
		const to = {
			row: Math.min(rows - 1, Math.max(0, from.row - dy)),
			col: Math.min(cols - 1, Math.max(0, from.col + dx))
		};
		if (onselect) onselect(to);
		else {
			this.focusCell = to;
			onhover?.(to);
		}
	}

	attach: Attachment<HTMLElement | SVGElement> = (element) => {
		let dragging = -1;
		const down = (event: PointerEvent) => {
			const { onselect } = this.#get();
			if (!onselect || event.button !== 0) return;
			// No focus on click, so → after a drag still turns the page; Tab still reaches the view.
			event.preventDefault();
			dragging = event.pointerId;
			element.setPointerCapture?.(event.pointerId);
			onselect(this.cellAt(element, event.clientX, event.clientY));
		};
		const move = (event: PointerEvent) => {
			const { onselect, onhover } = this.#get();
			const cell = this.cellAt(element, event.clientX, event.clientY);
			if (dragging === event.pointerId && onselect) onselect(cell);
			else onhover?.(cell);
		};
		const up = (event: PointerEvent) => {
			if (dragging === event.pointerId) dragging = -1;
		};
		const leave = () => {
			if (dragging < 0 && !this.focusCell) this.#get().onhover?.(null);
		};
		const focus = () => {
			const { onselect, onhover } = this.#get();
			// Only keyboard focus walks the cells; a click on a hover view leaves the pointer in charge.
			if (onselect || !element.matches(':focus-visible')) return;
			this.focusCell ??= { row: 0, col: 0 };
			onhover?.(this.focusCell);
		};
		const blur = () => {
			if (!this.focusCell) return;
			this.focusCell = null;
			this.#get().onhover?.(null);
		};
		const key = arrowKeys((dx, dy) => this.#move(dx, dy));
		const onkey = (event: Event) => key(event as KeyboardEvent);
		element.addEventListener('pointerdown', down as EventListener);
		element.addEventListener('pointermove', move as EventListener);
		element.addEventListener('pointerup', up as EventListener);
		element.addEventListener('pointercancel', up as EventListener);
		element.addEventListener('pointerleave', leave);
		element.addEventListener('focus', focus);
		element.addEventListener('blur', blur);
		element.addEventListener('keydown', onkey);
		return () => {
			element.removeEventListener('pointerdown', down as EventListener);
			element.removeEventListener('pointermove', move as EventListener);
			element.removeEventListener('pointerup', up as EventListener);
			element.removeEventListener('pointercancel', up as EventListener);
			element.removeEventListener('pointerleave', leave);
			element.removeEventListener('focus', focus);
			element.removeEventListener('blur', blur);
			element.removeEventListener('keydown', onkey);
		};
	};
}
