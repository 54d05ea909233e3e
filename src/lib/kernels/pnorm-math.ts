/**
 * The p-norm of one pooling window and its slope, in the scaled form every backend follows:
 * y = m·(Σ(|x|/m)^p)^(1/p) with m = max|x|. Each term (|x|/m)^p lies in [0, 1] and the largest is
 * 1, so the sum lies in [1, n] and neither overflows for large p (Σ|x|^p of a 4 × 4 window of
 * values up to 9 leaves float32 near p = 39 and float64 near p = 320) nor underflows to 0 for
 * small values (Σ|x|^p of values 10⁻³ is 0 in float32 from p = 15).
 */

/**
 * ‖x‖ₚ of a window given its absolute values: NaN if any is NaN, ∞ if any is ∞, 0 if all are 0;
 * p = ∞ gives max|x|.
 */
export function scaledPNorm(abs: ArrayLike<number>, p: number): number {
	let m = 0;
	for (let i = 0; i < abs.length; i++) {
		const a = abs[i];
		if (a > m || Number.isNaN(a)) m = a;
		if (Number.isNaN(a)) break;
	}
	if (p === Infinity || !(m > 0) || m === Infinity) return m;
	let s = 0;
	for (let i = 0; i < abs.length; i++) s += (abs[i] / m) ** p;
	return m * s ** (1 / p);
}

/**
 * ∂y/∂x for y = ‖window‖ₚ: sign(x)·(|x|/y)^(p−1), where |x|/y ≤ 1 (y ≥ max|x|), so the power
 * cannot overflow for p > 1. Conventions that keep it finite: 0 at x = 0 and in an all-zero window
 * (y = 0); sign(x) where |x| = y (also an infinite x in a window whose y is ∞); 0 where |x|/y is 0
 * for p < 1 (a finite x beside an infinite one, whose true slope would be ∞). A NaN in the window
 * (y NaN) gives NaN, except at x = 0 and, for p = 1 (slope sign(x) whatever y is), at finite x.
 */
export function pNormSlope(x: number, y: number, p: number): number {
	if (x === 0 || y === 0) return 0;
	const a = Math.abs(x);
	const r = a === y ? 1 : a / y;
	if (r === 0 && p < 1) return 0;
	return (x > 0 ? 1 : x < 0 ? -1 : NaN) * r ** (p - 1);
}
