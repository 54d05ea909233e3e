/**
 * The 'js' backend's pooling: max pooling (its argmax and gradient) and p-norm pooling (and its
 * gradient). A batch arrives as N·C channels (pooling is per channel). The forward max pool is in
 * js-maxpool.ts.
 */
import type { PoolGeometry } from './shape';
import { pNormSlope } from './pnorm-math';

export function maxPoolBackward(grad: Float32Array, argmax: Int32Array, g: PoolGeometry): Float32Array {
	const plane = g.height * g.width;
	const per = g.outHeight * g.outWidth;
	const out = new Float32Array(g.channels * plane);
	for (let c = 0; c < g.channels; c++) {
		for (let i = c * per; i < (c + 1) * per; i++) out[c * plane + argmax[i]] += grad[i];
	}
	return out;
}

/** Per window m·(Σ(|x|/m)^p)^(1/p), m = max|x| (pnorm-math.ts: no overflow for large p). */
export function pNormPool(input: Float32Array, g: PoolGeometry, p: number): Float32Array {
	const { channels, height: H, width: W, size, stride, outHeight, outWidth } = g;
	const out = new Float32Array(channels * outHeight * outWidth);
	let i = 0;
	for (let c = 0; c < channels; c++) {
		for (let oy = 0; oy < outHeight; oy++) {
			const y0 = oy * stride;
			const y1 = Math.min(y0 + size, H);
			for (let ox = 0; ox < outWidth; ox++) {
				const x0 = ox * stride;
				const x1 = Math.min(x0 + size, W);
				// p = 1 and 2 in float64 cannot overflow or underflow from float32 inputs: one unscaled
				// pass (NaN, ∞ and all-zero windows come out as the scaled form gives them)
				let m = 1;
				if (p !== 1 && p !== 2) {
					m = 0;
					for (let y = y0; y < y1 && m === m; y++) {
						const row = (c * H + y) * W;
						for (let x = x0; x < x1; x++) {
							const a = Math.abs(input[row + x]);
							if (a > m || a !== a) m = a;
						}
					}
					if (p === Infinity || !(m > 0) || m === Infinity) {
						out[i++] = m;
						continue;
					}
				}
				let s = 0;
				for (let y = y0; y < y1; y++) {
					const row = (c * H + y) * W;
					for (let x = x0; x < x1; x++) {
						const a = Math.abs(input[row + x]);
						if (p === 1) s += a;
						else if (p === 2) s += a * a;
						else s += (a / m) ** p;
					}
				}
				out[i++] = p === 1 ? s : p === 2 ? Math.sqrt(s) : m * s ** (1 / p);
			}
		}
	}
	return out;
}

/** Scatters each window's gradient back through the slope of its p-norm (pnorm-math.ts). */
export function pNormPoolBackward(input: Float32Array, grad: Float32Array, g: PoolGeometry, p: number) {
	const { channels, height: H, width: W, size, stride, outHeight, outWidth } = g;
	const out = new Float64Array(channels * H * W);
	const y = p === Infinity ? null : pNormPool(input, g, p);
	let o = 0;
	for (let c = 0; c < channels; c++) {
		const base = c * H * W;
		for (let oy = 0; oy < outHeight; oy++) {
			const y0 = oy * stride;
			const y1 = Math.min(y0 + size, H);
			for (let ox = 0; ox < outWidth; ox++, o++) {
				const x0 = ox * stride;
				const x1 = Math.min(x0 + size, W);
				const go = grad[o];
				if (y === null) {
					let best = base + y0 * W + x0;
					let bv = Math.abs(input[best]);
					for (let yy = y0; yy < y1 && bv === bv; yy++)
						for (let k = base + yy * W + x0, end = k - x0 + x1; k < end; k++) {
							const v = Math.abs(input[k]);
							if (v > bv || v !== v) {
								bv = v;
								best = k;
								if (v !== v) break;
							}
						}
					const xb = input[best];
					out[best] += xb > 0 ? go : xb < 0 ? -go : xb === 0 ? 0 : NaN;
					continue;
				}
				// the float32 forward output, as the caller's forward pass saw it
				const yo = y[o];
				for (let yy = y0; yy < y1; yy++)
					for (let k = base + yy * W + x0, end = k - x0 + x1; k < end; k++)
						out[k] += go * pNormSlope(input[k], yo, p);
			}
		}
	}
	return Float32Array.from(out);
}
