import type { ParamReader, ParamValue } from '$lib/deck/params';
import { Player, readSpeed } from '$lib/components/player.svelte';
import { convOutputShape, nextCell, type Cell } from '$lib/viz/grid';
import { EXAMPLE_FILTER, EXAMPLE_INPUT, EXAMPLE_SIZE } from './example';
import {
	FILTER_CHOICES,
	KERNEL_SIZES,
	flip2d,
	formatWeights,
	parseWeights,
	presetWeights,
	snapWeight,
	snapWeights,
	type FilterChoice,
	type KernelSize
} from './filters';
import { MAX_PADDING, MAX_STRIDE, RESOLUTIONS, type Resolution } from './functions';
import { atResolution, ImageSource, SOURCES } from './image-source.svelte';

/** A k×k filter cut from or centred in another size (keeps the middle when k changes). */
function resize(w: Float32Array, from: number, to: number): Float32Array {
	const out = new Float32Array(to * to);
	const off = (to - from) / 2;
	for (let r = 0; r < to; r++)
		for (let c = 0; c < to; c++) {
			const [sr, sc] = [r - off, c - off];
			if (sr >= 0 && sc >= 0 && sr < from && sc < from) out[r * to + c] = w[sr * from + sc];
		}
	return out;
}

/** The demo's settings; the example (steps 1–2) and the image have their own window positions. */
export class Convolution2dModel {
	readonly images = new ImageSource();
	res = $state<Resolution>(100);
	k = $state<KernelSize>(3);
	filter = $state<FilterChoice>('sobel-x');
	custom = $state.raw<Float32Array>(presetWeights('sobel-x', 3));
	/** true: convolution (filter flipped); false: cross-correlation, what CNNs call convolution. */
	flip = $state(false);
	stride = $state(1);
	padding = $state(0);
	cell = $state<Cell>({ row: 40, col: 40 });
	exampleCell = $state<Cell>({ row: 0, col: 1 });
	/** The example steps are on screen (set by the explainer from the step). */
	example = $state(false);
	linkProblem = $state<string | null>(null);
	readonly player = new Player(() => this.advance(), { ticksPerSecond: 4 });

	constructor(params: ParamReader) {
		this.res = Number(params.choice('res', RESOLUTIONS.map(String), '100')) as Resolution;
		this.k = Number(params.choice('k', KERNEL_SIZES.map(String), '3')) as KernelSize;
		this.filter = params.choice('f', FILTER_CHOICES, 'sobel-x');
		if (this.filter === 'custom') {
			const parsed = parseWeights(params.string('w', ''), this.k);
			if (parsed.weights) this.custom = parsed.weights;
			else {
				this.linkProblem = `the link’s filter was not used: ${parsed.problem}`;
				this.filter = 'sobel-x';
			}
		}
		this.flip = params.boolean('flip', false);
		this.stride = params.number('s', { min: 1, max: MAX_STRIDE, fallback: 1, integer: true });
		this.padding = params.number('p', { min: 0, max: MAX_PADDING, fallback: 0, integer: true });
		const [oh, ow] = this.outShape;
		this.cell = {
			row: params.number('r', { min: 0, max: 511, fallback: Math.floor(oh * 0.4), integer: true }),
			col: params.number('c', { min: 0, max: 511, fallback: Math.floor(ow * 0.4), integer: true })
		};
		this.exampleCell = {
			row: params.number('er', { min: 0, max: EXAMPLE_SIZE - 3, fallback: 0, integer: true }),
			col: params.number('ec', { min: 0, max: EXAMPLE_SIZE - 3, fallback: 1, integer: true })
		};
		this.player.speed = readSpeed(params);
		void this.images.select(params.choice('img', SOURCES, 'cat'));
	}

	/** The filter as written (preset or the user's weights). */
	readonly weights = $derived(this.filter === 'custom' ? this.custom : presetWeights(this.filter, this.k));
	/** The filter as it is slid over the image: flipped for convolution. */
	readonly applied = $derived(this.flip ? flip2d(this.weights) : this.weights);
	readonly exampleApplied = $derived(this.flip ? flip2d(EXAMPLE_FILTER) : EXAMPLE_FILTER);
	/** The image at the chosen resolution, or null while it loads. */
	readonly input = $derived(this.images.base ? atResolution(this.images.base, this.res) : null);
	readonly inputShape = $derived<[number, number]>(
		this.input ? [this.input.height, this.input.width] : [this.res, this.res]
	);
	readonly outShape = $derived.by((): [number, number] => {
		const g = { kh: this.k, kw: this.k, stride: this.stride, padding: this.padding };
		const [oh, ow] = convOutputShape(this.inputShape[0], this.inputShape[1], g);
		return [Math.max(1, oh), Math.max(1, ow)];
	});

	/** What the maps show: the deck's 5×5 example or the image, with the same fields. */
	readonly scene = $derived.by(() => {
		if (this.example)
			return {
				data: EXAMPLE_INPUT,
				height: EXAMPLE_SIZE,
				width: EXAMPLE_SIZE,
				k: 3,
				stride: 1,
				padding: 0,
				filter: this.exampleApplied
			};
		const [height, width] = this.inputShape;
		const { k, stride, padding } = this;
		return { data: this.input?.data ?? null, height, width, k, stride, padding, filter: this.applied };
	});

	/** The window position actually used: the stored one clamped into the current output. */
	get at(): Cell {
		const [oh, ow] = this.outShape;
		return { row: Math.min(oh - 1, this.cell.row), col: Math.min(ow - 1, this.cell.col) };
	}

	moveTo(cell: Cell): void {
		if (this.example) {
			const last = EXAMPLE_SIZE - 3;
			this.exampleCell = {
				row: Math.min(last, Math.max(0, cell.row)),
				col: Math.min(last, Math.max(0, cell.col))
			};
			return;
		}
		const [oh, ow] = this.outShape;
		this.cell = {
			row: Math.min(oh - 1, Math.max(0, cell.row)),
			col: Math.min(ow - 1, Math.max(0, cell.col))
		};
	}

	/** One output cell further in raster order (a row a second on large maps); false at the end. */
	advance(): boolean {
		const [oh, ow] = this.example ? [EXAMPLE_SIZE - 2, EXAMPLE_SIZE - 2] : this.outShape;
		const per = this.example ? 1 : Math.max(1, Math.round(ow / 4));
		let cell: Cell = this.example ? this.exampleCell : this.at;
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

	restart(): void {
		this.moveTo({ row: 0, col: 0 });
	}

	setFilter(choice: FilterChoice): void {
		if (choice === 'custom') this.custom = snapWeights(this.weights);
		this.filter = choice;
	}

	setWeight(i: number, value: number): void {
		const next = snapWeights(this.weights);
		next[i] = snapWeight(value);
		this.custom = next;
		this.filter = 'custom';
	}

	setK(k: KernelSize): void {
		if (this.filter === 'custom') this.custom = resize(this.custom, this.k, k);
		this.k = k;
	}

	toParams(): Record<string, ParamValue> {
		return {
			img: this.images.source,
			res: this.res,
			k: this.k,
			f: this.filter,
			w: this.filter === 'custom' ? formatWeights(this.custom) : null,
			flip: this.flip,
			s: this.stride,
			p: this.padding,
			r: this.at.row,
			c: this.at.col,
			er: this.exampleCell.row,
			ec: this.exampleCell.col,
			speed: this.player.speed
		};
	}
}
