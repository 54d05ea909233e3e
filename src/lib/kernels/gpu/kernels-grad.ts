/** GPU.js kernels for the CNN gradients (source text, see kernels-signal.ts for why), all in gather form. */

/**
 * Flat [N, C, H, W]: input pixel (y, x) gathers every output cell (oy, ox) whose window tap (i, j)
 * lands on it: oy·stride = y + padding − i. Constants: C, H, W, F, kh, kw, stride, padding, outH, outW.
 */
export const conv2dGradInputKernel = `function conv2dGradInputKernel(grad, weight) {
	const plane = this.constants.H * this.constants.W;
	const image = this.constants.C * plane;
	const n = Math.floor((this.thread.x + 0.5) / image);
	const r1 = this.thread.x - n * image;
	const c = Math.floor((r1 + 0.5) / plane);
	const r2 = r1 - c * plane;
	const y = Math.floor((r2 + 0.5) / this.constants.W);
	const x = r2 - y * this.constants.W;
	let s = 0;
	for (let f = 0; f < this.constants.F; f++) {
		for (let i = 0; i < this.constants.kh; i++) {
			const ty = y + this.constants.padding - i;
			const oy = Math.floor((ty + 0.5) / this.constants.stride);
			if (ty >= 0 && oy * this.constants.stride === ty && oy < this.constants.outH) {
				for (let j = 0; j < this.constants.kw; j++) {
					const tx = x + this.constants.padding - j;
					const ox = Math.floor((tx + 0.5) / this.constants.stride);
					if (tx >= 0 && ox * this.constants.stride === tx && ox < this.constants.outW) {
						const g = grad[((n * this.constants.F + f) * this.constants.outH + oy) * this.constants.outW + ox];
						s += g * weight[((f * this.constants.C + c) * this.constants.kh + i) * this.constants.kw + j];
					}
				}
			}
		}
	}
	return s;
}`;

/** Flat [F, C, kh, kw], summed over the batch. Constants: N, C, H, W, F, kh, kw, stride, padding, outH, outW. */
export const conv2dGradWeightKernel = `function conv2dGradWeightKernel(input, grad) {
	const taps = this.constants.kh * this.constants.kw;
	const per = this.constants.C * taps;
	const f = Math.floor((this.thread.x + 0.5) / per);
	const r1 = this.thread.x - f * per;
	const c = Math.floor((r1 + 0.5) / taps);
	const r2 = r1 - c * taps;
	const i = Math.floor((r2 + 0.5) / this.constants.kw);
	const j = r2 - i * this.constants.kw;
	let s = 0;
	for (let n = 0; n < this.constants.N; n++) {
		for (let oy = 0; oy < this.constants.outH; oy++) {
			const y = oy * this.constants.stride - this.constants.padding + i;
			if (y >= 0 && y < this.constants.H) {
				for (let ox = 0; ox < this.constants.outW; ox++) {
					const x = ox * this.constants.stride - this.constants.padding + j;
					if (x >= 0 && x < this.constants.W) {
						const g = grad[((n * this.constants.F + f) * this.constants.outH + oy) * this.constants.outW + ox];
						s += g * input[((n * this.constants.C + c) * this.constants.H + y) * this.constants.W + x];
					}
				}
			}
		}
	}
	return s;
}`;

/**
 * Flat like the input: each input cell sums, over the (at most spanY × spanX) windows holding it,
 * g·sign(x)·(|x|/y)^(p−1) with the conventions of pnorm-math.ts's pNormSlope (0 at x = 0, sign(x)
 * where |x| = y, 0 where |x|/y is 0 for p < 1; |x|/y ≤ 1, so no overflow), or with isMax = 1,
 * g·sign(x) where it is the window's first max |x| (or first NaN). Constants: H, W, size, stride, outH, outW,
 * spanY, spanX, isMax.
 */
export const pNormPoolBackwardKernel = `function pNormPoolBackwardKernel(input, grad, out, p) {
	const plane = this.constants.H * this.constants.W;
	const c = Math.floor((this.thread.x + 0.5) / plane);
	const r = this.thread.x - c * plane;
	const y = Math.floor((r + 0.5) / this.constants.W);
	const x = r - y * this.constants.W;
	const base = c * plane;
	const xv = input[this.thread.x];
	let sgn = xv;
	if (xv > 0) {
		sgn = 1;
	}
	if (xv < 0) {
		sgn = -1;
	}
	let s = 0;
	for (let a = 0; a < this.constants.spanY; a++) {
		const oy = Math.floor((y + 0.5) / this.constants.stride) - a;
		if (oy >= 0 && oy < this.constants.outH && oy * this.constants.stride + this.constants.size > y) {
			for (let b = 0; b < this.constants.spanX; b++) {
				const ox = Math.floor((x + 0.5) / this.constants.stride) - b;
				if (ox >= 0 && ox < this.constants.outW && ox * this.constants.stride + this.constants.size > x) {
					const o = (c * this.constants.outH + oy) * this.constants.outW + ox;
					if (this.constants.isMax > 0.5) {
						const y0 = oy * this.constants.stride;
						const x0 = ox * this.constants.stride;
						let best = y0 * this.constants.W + x0;
						let bv = Math.abs(input[base + best]);
						for (let i = 0; i < this.constants.size; i++) {
							for (let j = 0; j < this.constants.size; j++) {
								if (y0 + i < this.constants.H && x0 + j < this.constants.W) {
									const v = Math.abs(input[base + (y0 + i) * this.constants.W + x0 + j]);
									if (bv === bv && (v > bv || v !== v)) {
										bv = v;
										best = (y0 + i) * this.constants.W + x0 + j;
									}
								}
							}
						}
						if (best === r) {
							s += grad[o] * sgn;
						}
					} else if (xv !== 0) {
						const yv = out[o];
						const ax = Math.abs(xv);
						let r = ax / yv;
						if (ax === yv) {
							r = 1;
						}
						if (r > 0 || p >= 1 || r !== r) {
							s += grad[o] * sgn * Math.pow(r, p - 1);
						}
					}
				}
			}
		}
	}
	return s;
}`;
