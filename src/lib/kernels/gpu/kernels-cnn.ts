/** GPU.js kernels for the CNN layers (source text, see kernels-signal.ts for why): conv2d, pooling, its backward pass, 1×1 conv. */

/** Flat [N, F, outH, outW]. Constants: C, H, W, F, kh, kw, stride, padding, outH, outW. */
export const conv2dKernel = `function conv2dKernel(input, weight, bias) {
	const plane = this.constants.outH * this.constants.outW;
	const n = Math.floor((this.thread.x + 0.5) / (this.constants.F * plane));
	const r1 = this.thread.x - n * this.constants.F * plane;
	const f = Math.floor((r1 + 0.5) / plane);
	const rest = r1 - f * plane;
	const oy = Math.floor((rest + 0.5) / this.constants.outW);
	const ox = rest - oy * this.constants.outW;
	const y0 = oy * this.constants.stride - this.constants.padding;
	const x0 = ox * this.constants.stride - this.constants.padding;
	let s = bias[f];
	for (let c = 0; c < this.constants.C; c++) {
		for (let i = 0; i < this.constants.kh; i++) {
			const y = y0 + i;
			if (y >= 0 && y < this.constants.H) {
				for (let j = 0; j < this.constants.kw; j++) {
					const x = x0 + j;
					if (x >= 0 && x < this.constants.W) {
						const w = weight[((f * this.constants.C + c) * this.constants.kh + i) * this.constants.kw + j];
						s += input[((n * this.constants.C + c) * this.constants.H + y) * this.constants.W + x] * w;
					}
				}
			}
		}
	}
	return s;
}`;

/**
 * [values | indices]: threads below `cells` return the window's maximum, the others y·W+x of its
 * first occurrence (first NaN wins). Constants: H, W, size, stride, outH, outW, cells.
 */
export const maxPoolArgmaxKernel = `function maxPoolArgmaxKernel(input) {
	const plane = this.constants.outH * this.constants.outW;
	let t = this.thread.x;
	if (t >= this.constants.cells) {
		t = t - this.constants.cells;
	}
	const c = Math.floor((t + 0.5) / plane);
	const rest = t - c * plane;
	const oy = Math.floor((rest + 0.5) / this.constants.outW);
	const ox = rest - oy * this.constants.outW;
	const y0 = oy * this.constants.stride;
	const x0 = ox * this.constants.stride;
	const base = c * this.constants.H * this.constants.W;
	let best = y0 * this.constants.W + x0;
	let bv = input[base + best];
	for (let i = 0; i < this.constants.size; i++) {
		const y = y0 + i;
		if (y < this.constants.H) {
			for (let j = 0; j < this.constants.size; j++) {
				const x = x0 + j;
				if (x < this.constants.W) {
					const v = input[base + y * this.constants.W + x];
					if (bv === bv && (v > bv || v !== v)) {
						bv = v;
						best = y * this.constants.W + x;
					}
				}
			}
		}
	}
	if (this.thread.x < this.constants.cells) {
		return bv;
	}
	return best;
}`;

/**
 * Gather form of the max-pool gradient: input cell (c,y,x) sums the output cells whose argmax is
 * y·W+x. rowStart/colStart (host-computed) bound where those cells can be, spans bound the loops.
 * Constants: H, W, outH, outW, spanY, spanX.
 */
export const maxPoolBackwardKernel = `function maxPoolBackwardKernel(grad, argmax, rowStart, colStart) {
	const plane = this.constants.H * this.constants.W;
	const c = Math.floor((this.thread.x + 0.5) / plane);
	const target = this.thread.x - c * plane;
	const y = Math.floor((target + 0.5) / this.constants.W);
	const x = target - y * this.constants.W;
	let s = 0;
	for (let i = 0; i < this.constants.spanY; i++) {
		const oy = rowStart[y] + i;
		if (oy < this.constants.outH) {
			for (let j = 0; j < this.constants.spanX; j++) {
				const ox = colStart[x] + j;
				if (ox < this.constants.outW) {
					const o = (c * this.constants.outH + oy) * this.constants.outW + ox;
					if (Math.abs(argmax[o] - target) < 0.5) {
						s += grad[o];
					}
				}
			}
		}
	}
	return s;
}`;

/**
 * max|x| over the in-bounds window (the first NaN wins) when constants.isMax is 1, else its p-norm
 * scaled by that max (pnorm-math.ts): m·(Σ(|x|/m)^p)^(1/p), which stays in float32's range for
 * any p. A term with |x| = m counts 1, so an infinite m gives ∞ (not ∞/∞); m = 0 gives 0·0 = 0,
 * and a NaN anywhere reaches the sum even where the comparisons above ignore it.
 */
export const pNormPoolKernel = `function pNormPoolKernel(input, p) {
	const plane = this.constants.outH * this.constants.outW;
	const c = Math.floor((this.thread.x + 0.5) / plane);
	const rest = this.thread.x - c * plane;
	const oy = Math.floor((rest + 0.5) / this.constants.outW);
	const ox = rest - oy * this.constants.outW;
	const base = c * this.constants.H * this.constants.W;
	let m = 0;
	for (let i = 0; i < this.constants.size; i++) {
		const y = oy * this.constants.stride + i;
		if (y < this.constants.H) {
			for (let j = 0; j < this.constants.size; j++) {
				const x = ox * this.constants.stride + j;
				if (x < this.constants.W) {
					const a = Math.abs(input[base + y * this.constants.W + x]);
					if (a > m || a !== a) {
						m = a;
					}
				}
			}
		}
	}
	if (this.constants.isMax > 0.5) {
		return m;
	}
	let d = m;
	if (m === 0) {
		d = 1;
	}
	let s = 0;
	for (let i = 0; i < this.constants.size; i++) {
		const y = oy * this.constants.stride + i;
		if (y < this.constants.H) {
			for (let j = 0; j < this.constants.size; j++) {
				const x = ox * this.constants.stride + j;
				if (x < this.constants.W) {
					const a = Math.abs(input[base + y * this.constants.W + x]);
					let q = a / d;
					if (a === m) {
						q = 1;
					}
					s += Math.pow(q, p);
				}
			}
		}
	}
	return m * Math.pow(s, 1 / p);
}`;

/** Flat [F, P]: bias[f] + Σ_c weight[f,c] · input[c, i]. Constants: C, P. */
export const conv1x1Kernel = `function conv1x1Kernel(input, weight, bias) {
	const f = Math.floor((this.thread.x + 0.5) / this.constants.P);
	const i = this.thread.x - f * this.constants.P;
	let s = bias[f];
	for (let c = 0; c < this.constants.C; c++) {
		s += input[c * this.constants.P + i] * weight[f * this.constants.C + c];
	}
	return s;
}`;
