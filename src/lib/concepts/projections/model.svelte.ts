import { snap, type ParamReader, type ParamValue } from '$lib/deck/params';
import {
	classStats,
	fisherCriterion,
	ldaDirection,
	makeCloud,
	transformCloud,
	twoLayers,
	type LabelledPoint,
	type Vec2
} from './functions';

/** The plane shown, in data units, on both axes. */
export const PLANE = [-4, 4] as const;
/** Arrow heads closer to the origin than this would make a direction meaningless. */
export const MIN_LENGTH = 0.3;
export const SEED_RANGE = [1, 9999] as const;
export const POINTS_PER_CLASS = 60;
/** Arrow heads are kept (and written to the link) with two decimals. */
export const VECTOR_STEP = 0.01;

/** The projections demo: the cloud's seed, the two weight vectors, the probed point and the ReLU switch. */
export class ProjectionsModel {
	seed = $state(7);
	w1 = $state<Vec2>([1.5, 1]);
	w2 = $state<Vec2>([-0.6, 1.6]);
	/** Index of the point whose numbers the collapse steps write out. */
	probe = $state(0);
	relu = $state(true);

	readonly points: LabelledPoint[] = $derived(makeCloud(this.seed, POINTS_PER_CLASS));
	readonly stats = $derived(classStats(this.points));
	readonly lda = $derived(ldaDirection(this.stats));
	/** v: Fisher's direction for the features Wᵀx, i.e. the second layer V. */
	readonly v = $derived(ldaDirection(classStats(transformCloud(this.points, this.w1, this.w2))));

	constructor(params: ParamReader) {
		this.seed = params.number('seed', { min: SEED_RANGE[0], max: SEED_RANGE[1], fallback: 7, integer: true });
		this.w1 = this.readVector(params, 'w1', [1.5, 1]);
		this.w2 = this.readVector(params, 'w2', [-0.6, 1.6]);
		const last = 2 * POINTS_PER_CLASS - 1;
		this.probe = params.number('pt', {
			min: 0,
			max: last,
			fallback: this.firstReluDisagreement(),
			integer: true
		});
		this.relu = params.boolean('relu', true);
	}

	private readVector(params: ParamReader, name: string, fallback: Vec2): Vec2 {
		const spec = (i: 0 | 1) => ({ min: PLANE[0], max: PLANE[1], fallback: fallback[i], step: VECTOR_STEP });
		return constrain([params.number(`${name}x`, spec(0)), params.number(`${name}y`, spec(1))]);
	}

	/** The default probe: the first point where the ReLU changes the answer, so the last step shows it. */
	private firstReluDisagreement(): number {
		const index = this.points.findIndex((p) => {
			const r = twoLayers(this.w1, this.w2, this.v, [p.x, p.y], true);
			return Math.abs(r.stacked - r.merged) > 1e-6;
		});
		return Math.max(0, index);
	}

	setVector(which: 'w1' | 'w2', to: Vec2): void {
		this[which] = constrain(to);
	}

	/** Fisher's criterion for any direction, against this cloud. */
	criterion(w: Vec2): number {
		return fisherCriterion(w, this.stats);
	}

	/** The probed point through both layers, with or without the ReLU. */
	probeResult(withRelu: boolean) {
		const p = this.points[this.probe];
		return twoLayers(this.w1, this.w2, this.v, [p.x, p.y], withRelu);
	}

	/** A new cloud (the next seed), for "regenerate". */
	regenerate(): void {
		this.seed = this.seed >= SEED_RANGE[1] ? SEED_RANGE[0] : this.seed + 1;
	}

	toParams(): Record<string, ParamValue> {
		return {
			seed: this.seed,
			w1x: this.w1[0],
			w1y: this.w1[1],
			w2x: this.w2[0],
			w2y: this.w2[1],
			pt: this.probe,
			relu: this.relu
		};
	}
}

/**
 * Keeps an arrow head inside the plane and away from the origin, on the two-decimal grid the
 * link writes: constrain(constrain(w)) equals constrain(w), so a reopened link shows the same arrow.
 */
export function constrain(w: Vec2): Vec2 {
	const c = (v: number) => snap(Math.min(PLANE[1], Math.max(PLANE[0], v)), VECTOR_STEP);
	const clamped: Vec2 = [c(w[0]), c(w[1])];
	const length = Math.hypot(clamped[0], clamped[1]);
	if (length >= MIN_LENGTH) return clamped;
	if (length === 0) return [MIN_LENGTH, 0];
	// Pushed out to the minimum length, rounding away from the origin so it stays outside it.
	const away = (v: number) =>
		Math.sign(v) * Math.ceil((Math.abs(v) * MIN_LENGTH) / length / VECTOR_STEP - 1e-9) * VECTOR_STEP;
	return [snap(away(clamped[0]), VECTOR_STEP), snap(away(clamped[1]), VECTOR_STEP)];
}
