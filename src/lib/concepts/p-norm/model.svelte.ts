import type { ParamReader, ParamValue } from '$lib/deck/params';
import { snapValue } from '$lib/components/grid-param';
import {
	featureMap,
	FEATURE_SIDE,
	P_MAX,
	P_MIN,
	P_STOPS,
	parseP,
	pParam,
	POOL_SIZES,
	snapP
} from './functions';

const MAX_SEED = 2 ** 31 - 1;
/** The dragged point stays inside the picture and keeps two decimals (as the link writes it). */
export const POINT_SPEC = { min: -1.5, max: 1.5, decimals: 2 } as const;

/** The p-norm demo's settings: p, the dragged point, the pool size, the map's seed and the focused window. */
export class PNormModel {
	p = $state(2);
	point = $state<[number, number]>([0.6, 0.8]);
	size = $state<number>(2);
	seed = $state(3);
	/** The focused pooling window (row-major over the pooled output). */
	window = $state(0);
	readonly map = $derived(featureMap(this.seed));
	readonly pooledSide = $derived(FEATURE_SIDE / this.size);

	constructor(params: ParamReader, presetP?: number) {
		const raw = params.string('p', '');
		const p = raw === '' ? null : parseP(raw);
		if (raw !== '' && p === null) params.number('p', { min: P_MIN, max: P_MAX, fallback: 2 }); // reports the bad value
		this.p = p ?? presetP ?? 2;
		const sizes = POOL_SIZES as readonly number[];
		const size = params.number('size', {
			min: sizes[0],
			max: sizes[sizes.length - 1],
			fallback: 2,
			integer: true
		});
		this.size = sizes.reduce((best, s) => (Math.abs(s - size) < Math.abs(best - size) ? s : best));
		this.seed = params.number('seed', { min: 0, max: MAX_SEED, fallback: 3, integer: true });
		const pt = params.string('pt', '').split(',');
		if (pt.length === 2) {
			const [a, b] = pt.map((t) => (t.trim() === '' ? NaN : Number(t)));
			if (Number.isFinite(a) && Number.isFinite(b)) this.setPoint(a, b);
		}
		this.window = params.number('w', { min: 0, max: this.pooledSide ** 2 - 1, fallback: 0, integer: true });
	}

	setP(p: number): void {
		if (!Number.isNaN(p)) this.p = snapP(p);
	}

	/** Moves p to the next slider stop above (direction > 0) or below (direction < 0) the current p. */
	stepP(direction: number): void {
		const above = P_STOPS.find((s) => s > this.p);
		const below = P_STOPS.findLast((s) => s < this.p);
		if (direction > 0 && above !== undefined) this.p = above;
		if (direction < 0 && below !== undefined) this.p = below;
	}

	setPoint(a: number, b: number): void {
		this.point = [snapValue(a, POINT_SPEC), snapValue(b, POINT_SPEC)];
	}

	setSize(size: number): void {
		if (!(POOL_SIZES as readonly number[]).includes(size)) return;
		this.size = size;
		this.window = Math.min(this.window, this.pooledSide ** 2 - 1);
	}

	setWindow(w: number): void {
		if (Number.isInteger(w) && w >= 0 && w < this.pooledSide ** 2) this.window = w;
	}

	/** Moves the focused window by (dx, dy) windows (up is −y on screen). */
	moveWindow(dx: number, dy: number): void {
		const n = this.pooledSide;
		const y = Math.min(n - 1, Math.max(0, Math.floor(this.window / n) - dy));
		const x = Math.min(n - 1, Math.max(0, (this.window % n) + dx));
		this.window = y * n + x;
	}

	newMap(): void {
		this.seed = this.seed >= MAX_SEED ? 0 : this.seed + 1;
	}

	toParams(): Record<string, ParamValue> {
		return {
			p: pParam(this.p),
			pt: `${this.point[0]},${this.point[1]}`,
			size: this.size,
			seed: this.seed,
			w: this.window
		};
	}
}
