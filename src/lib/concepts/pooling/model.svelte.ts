import type { ParamReader, ParamValue } from '$lib/deck/params';
import { Player, readSpeed } from '$lib/components/player.svelte';
import { nextCell, poolOutputShape, type Cell } from '$lib/viz/grid';
import { EXAMPLE_SIDE, FEATURE_SIDE, MAX_SIZE, MAX_STRIDE, MIN_SIZE } from './functions';

/** The pooling demo's settings: window size, stride, rounding, and the window on each map. */
export class PoolingModel {
	size = $state(3);
	stride = $state(3);
	ceil = $state(false);
	/** The example steps are on screen (set by the explainer from the step). */
	example = $state(false);
	// On the right edge of the dark square: a window with a clear maximum.
	cell = $state<Cell>({ row: 10, col: 14 });
	exampleCell = $state<Cell>({ row: 0, col: 0 });
	readonly player = new Player(() => this.advance(), { ticksPerSecond: 2 });

	constructor(params: ParamReader) {
		this.size = params.number('size', { min: MIN_SIZE, max: MAX_SIZE, fallback: 3, integer: true });
		this.stride = params.number('stride', { min: 1, max: MAX_STRIDE, fallback: 3, integer: true });
		this.ceil = params.boolean('ceil', false);
		this.cell = {
			row: params.number('r', { min: 0, max: FEATURE_SIDE, fallback: 10, integer: true }),
			col: params.number('c', { min: 0, max: FEATURE_SIDE, fallback: 14, integer: true })
		};
		this.exampleCell = {
			row: params.number('er', { min: 0, max: EXAMPLE_SIDE, fallback: 0, integer: true }),
			col: params.number('ec', { min: 0, max: EXAMPLE_SIDE, fallback: 0, integer: true })
		};
		this.player.speed = readSpeed(params);
	}

	/** Output size of the example's or the feature map's pooling under the current rule. */
	shapeOf(example: boolean): [number, number] {
		const side = example ? EXAMPLE_SIDE : FEATURE_SIDE;
		const g = { kh: this.size, kw: this.size, stride: this.stride, padding: 0 };
		return poolOutputShape(side, side, g, this.ceil);
	}

	/** A map's window position: the stored one clamped into its current output. */
	positionOf(example: boolean): Cell {
		const [oh, ow] = this.shapeOf(example);
		const c = example ? this.exampleCell : this.cell;
		return { row: Math.min(oh - 1, c.row), col: Math.min(ow - 1, c.col) };
	}

	get outShape(): [number, number] {
		return this.shapeOf(this.example);
	}

	get at(): Cell {
		return this.positionOf(this.example);
	}

	moveTo(cell: Cell): void {
		const [oh, ow] = this.outShape;
		const next = {
			row: Math.min(oh - 1, Math.max(0, cell.row)),
			col: Math.min(ow - 1, Math.max(0, cell.col))
		};
		if (this.example) this.exampleCell = next;
		else this.cell = next;
	}

	advance(): boolean {
		const [oh, ow] = this.outShape;
		const per = this.example ? 1 : Math.max(1, Math.round(ow / 6));
		let cell: Cell = this.at;
		const from = cell;
		// Several cells a tick on large maps; a tick that runs past the end stops on the last cell.
		for (let i = 0; i < per; i++) {
			const next: Cell | null = nextCell(cell, oh, ow);
			if (!next) break;
			cell = next;
		}
		if (cell.row === from.row && cell.col === from.col) return false;
		this.moveTo(cell);
		return true;
	}

	toParams(): Record<string, ParamValue> {
		const [image, small] = [this.positionOf(false), this.positionOf(true)];
		return {
			size: this.size,
			stride: this.stride,
			ceil: this.ceil,
			r: image.row,
			c: image.col,
			er: small.row,
			ec: small.col,
			speed: this.player.speed
		};
	}
}
