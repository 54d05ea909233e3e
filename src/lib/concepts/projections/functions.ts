/**
 * The maths of the projections demo: a two-class cloud, projections wᵀx, Fisher's linear
 * discriminant, and two linear layers with and without a ReLU between them. Pure, no DOM.
 */
import { createRng, normal } from '$lib/signal';

export type Vec2 = readonly [number, number];
/** A 2×2 matrix as rows: [[a, b], [c, d]]. */
export type Mat2 = readonly [Vec2, Vec2];

export interface LabelledPoint {
	readonly x: number;
	readonly y: number;
	/** 0 or 1. */
	readonly label: 0 | 1;
}

export const dot = (a: Vec2, b: Vec2): number => a[0] * b[0] + a[1] * b[1];
export const norm = (a: Vec2): number => Math.hypot(a[0], a[1]);
export const relu = (v: number): number => Math.max(0, v);

/** The foot of the perpendicular from p onto the line through the origin along w. */
export function footOnLine(p: Vec2, w: Vec2): Vec2 {
	const k = dot(p, w) / Math.max(dot(w, w), 1e-12);
	return [k * w[0], k * w[1]];
}

/**
 * Two elongated Gaussian classes sharing one tilted covariance, so the best direction to
 * separate them (LDA) is visibly not the line between their means.
 */
export function makeCloud(seed: number, perClass = 60): LabelledPoint[] {
	const rng = createRng(seed);
	const angle = (35 * Math.PI) / 180;
	const [c, s] = [Math.cos(angle), Math.sin(angle)];
	const [long, short] = [1.25, 0.4];
	const means: Mat2 = [
		[-0.9, 0.7],
		[0.9, -0.4]
	];
	const points: LabelledPoint[] = [];
	for (const label of [0, 1] as const) {
		for (let i = 0; i < perClass; i++) {
			const a = long * normal(rng);
			const b = short * normal(rng);
			points.push({ x: means[label][0] + c * a - s * b, y: means[label][1] + s * a + c * b, label });
		}
	}
	return points;
}

export interface ClassStats {
	readonly mean0: Vec2;
	readonly mean1: Vec2;
	/**
	 * Pooled within-class covariance S_w = (1/N) Σ_c Σ_{i∈c} (xᵢ − μ_c)(xᵢ − μ_c)ᵀ. The 1/N keeps
	 * J(w) readable (near 1) whatever the cloud size; it does not move the LDA direction.
	 */
	readonly scatter: Mat2;
}

export function classStats(points: readonly LabelledPoint[]): ClassStats {
	const sum = [
		[0, 0, 0],
		[0, 0, 0]
	];
	for (const p of points) {
		sum[p.label][0] += p.x;
		sum[p.label][1] += p.y;
		sum[p.label][2] += 1;
	}
	const mean = (c: 0 | 1): Vec2 => [sum[c][0] / Math.max(1, sum[c][2]), sum[c][1] / Math.max(1, sum[c][2])];
	const means = [mean(0), mean(1)];
	let [sxx, sxy, syy] = [0, 0, 0];
	for (const p of points) {
		const dx = p.x - means[p.label][0];
		const dy = p.y - means[p.label][1];
		sxx += dx * dx;
		sxy += dx * dy;
		syy += dy * dy;
	}
	const n = Math.max(1, points.length);
	[sxx, sxy, syy] = [sxx / n, sxy / n, syy / n];
	return {
		mean0: means[0],
		mean1: means[1],
		scatter: [
			[sxx, sxy],
			[sxy, syy]
		]
	};
}

/**
 * Fisher's direction S_w⁻¹(μ₁ − μ₀), scaled to unit length. A tiny ridge keeps it defined
 * when S_w is singular (all points on a line, e.g. after two parallel weight vectors).
 */
export function ldaDirection(stats: ClassStats): Vec2 {
	const [[a, b], [, d]] = stats.scatter;
	const ridge = 1e-9 * (a + d + 1);
	const [p, q, r] = [a + ridge, b, d + ridge];
	const det = p * r - q * q;
	const m: Vec2 = [stats.mean1[0] - stats.mean0[0], stats.mean1[1] - stats.mean0[1]];
	const v: Vec2 = [(r * m[0] - q * m[1]) / det, (-q * m[0] + p * m[1]) / det];
	const length = norm(v);
	return length > 0 ? [v[0] / length, v[1] / length] : [1, 0];
}

/** Fisher's criterion J(w) = (wᵀ(μ₁ − μ₀))² / (wᵀ S_w w): between-class over within-class spread. */
export function fisherCriterion(w: Vec2, stats: ClassStats): number {
	const m: Vec2 = [stats.mean1[0] - stats.mean0[0], stats.mean1[1] - stats.mean0[1]];
	const [[a, b], [, d]] = stats.scatter;
	const within = a * w[0] * w[0] + 2 * b * w[0] * w[1] + d * w[1] * w[1];
	return within > 0 ? dot(w, m) ** 2 / within : 0;
}

/** Wᵀx for W = [w₁ w₂] (the weight vectors as columns): one number per neuron. */
export function layer(w1: Vec2, w2: Vec2, x: Vec2): Vec2 {
	return [dot(w1, x), dot(w2, x)];
}

/** W v: the single weight vector that does the work of W followed by v. */
export function merge(w1: Vec2, w2: Vec2, v: Vec2): Vec2 {
	return [w1[0] * v[0] + w2[0] * v[1], w1[1] * v[0] + w2[1] * v[1]];
}

export interface TwoLayerResult {
	/** Wᵀx: the hidden features. */
	readonly hidden: Vec2;
	/** After the optional ReLU. */
	readonly activated: Vec2;
	/** vᵀ(activated): the two-layer output. */
	readonly stacked: number;
	/** (Wv)ᵀx: the one merged layer. */
	readonly merged: number;
}

/** The two-layer output vᵀ f(Wᵀx) next to the merged (Wv)ᵀx; f is the identity or ReLU. */
export function twoLayers(w1: Vec2, w2: Vec2, v: Vec2, x: Vec2, withRelu: boolean): TwoLayerResult {
	const hidden = layer(w1, w2, x);
	const activated: Vec2 = withRelu ? [relu(hidden[0]), relu(hidden[1])] : hidden;
	return { hidden, activated, stacked: dot(v, activated), merged: dot(merge(w1, w2, v), x) };
}

/** The hidden features of every point, labelled: the cloud as the next layer sees it. */
export function transformCloud(
	points: readonly LabelledPoint[],
	w1: Vec2,
	w2: Vec2,
	withRelu = false
): LabelledPoint[] {
	return points.map((p) => {
		const [a, b] = layer(w1, w2, [p.x, p.y]);
		return withRelu ? { x: relu(a), y: relu(b), label: p.label } : { x: a, y: b, label: p.label };
	});
}
