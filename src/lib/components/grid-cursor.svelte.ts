/**
 * Pointer and keyboard behaviour shared by the grid views (HeatMap, NumberGrid). The view is one
 * focusable element (no focusable cells inside it, so nothing nests): the pointer over it reports
 * the cell under it (`onhover`), pressing and dragging reports cells to `onselect`, and the arrow
 * keys either move the selection (when the view has `onselect`) or move a focus cell that is
 * reported like a hover. The handlers are read at event time, so a drag survives prop updates.
 */
import type { Attachment } from 'svelte/attachments';
import type { Cell } from '$lib/viz/grid';
import { formatCell } from '$lib/viz/grid';
import { arrowKeys } from './attach';

export interface GridHandlers {
	/** Row-major values, rows × cols (read out for the cell the keys are on). */
	data: ArrayLike<number>;
	rows: number;
	cols: number;
	/** Zero-padding ring drawn around the data, in cells; pointer cells may fall in it. */
	padding: number;
	/** The selected cell the arrow keys move from (when `onselect` is given). */
	selected: Cell | null | undefined;
	onhover: ((cell: Cell | null) => void) | undefined;
	onselect: ((cell: Cell) => void) | undefined;
	/** Cells one arrow key press moves (e.g. the stride, when the selection is a window centre). */
	keyStep: number;
}

export class GridCursor {
	/** The cell the arrow keys walk over while the view has the keyboard focus (hover mode). */
	focusCell = $state<Cell | null>(null);
	#get: () => GridHandlers;

	constructor(get: () => GridHandlers) {
		this.#get = get;
	}

	/** "row r, column c: value" (the value only for a cell inside the data, not in the padding). */
	#describe(cell: Cell): string {
		const { data, rows, cols } = this.#get();
		const { row, col } = cell;
		const inside = row >= 0 && col >= 0 && row < rows && col < cols;
		return `row ${row}, column ${col}${inside ? `: ${formatCell(data[row * cols + col], 3)}` : ''}`;
	}

	/**
	 * The view's role and ARIA attributes. An interactive view is a 2-D slider whose value is the
	 * selected cell (with `onselect`) or the keyboard's focus cell; a plain one is a labelled group.
	 */
	aria(label: string) {
		const { rows, cols, selected, onhover, onselect } = this.#get();
		const how = onselect
			? ': drag or use the arrow keys to move the window'
			: onhover
				? ': use the arrow keys to walk the cells'
				: '';
		const name = `${label}, ${rows} by ${cols}${how}`;
		if (!onselect && !onhover) return { role: 'group', 'aria-label': name };
		const cell = onselect ? selected : this.focusCell;
		return {
			role: 'slider',
			'aria-label': name,
			'aria-valuemin': 0,
			'aria-valuemax': rows * cols - 1,
			'aria-valuenow': cell ? cell.row * cols + cell.col : 0,
			'aria-valuetext': cell ? this.#describe(cell) : 'no cell',
			tabindex: 0
		};
	}

	/** What a screen reader announces as the arrow keys walk the data cells ('' off the data). */
	get focusText(): string {
		const { rows, cols } = this.#get();
		const f = this.focusCell;
		if (!f || f.row < 0 || f.col < 0 || f.row >= rows || f.col >= cols) return '';
		return this.#describe(f);
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
		const { rows, cols, selected, onhover, onselect, keyStep } = this.#get();
		[dx, dy] = [dx * keyStep, dy * keyStep];
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
			// While dragging the selection is what the views show, not a hover.
			this.#get().onhover?.(null);
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
