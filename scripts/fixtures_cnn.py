"""The CNN trainer's fixtures for scripts/make_fixtures.py: batched conv2d and max pooling, and the
gradients of conv2d and p-norm pooling, computed independently of flipshift's loops (the input
gradient as a full convolution of the dilated output gradient with scipy, the weight gradient as a
correlation of the padded input with it, the p-norm slope per window from its definition).
"""
import math

import numpy as np
from scipy import signal


def cnn_training_cases(grid, ints, flat, conv2d_np, pool_out, pool_np):
    """The four fixture lists, drawing from make_fixtures' generators in a fixed order."""
    def digit_encoded(shape):
        """x[n, c, y, x] = (1000n + 100c + 10y + x) / 64 (y, x < 10 here): each value says where it came from."""
        idx = np.indices(shape)
        scale = [10 ** (len(shape) - 1 - i) for i in range(len(shape))]
        return sum(i * s for i, s in zip(idx, scale)) / 64.0


    def dilate_pad(g, stride, kh, kw, pad, hh, ww):
        """The output gradient with stride − 1 zeros between cells, padded so that a valid correlation
        with the rotated kernel yields the input gradient (a full convolution), cropped to [hh, ww]."""
        n, f, oh, ow = g.shape
        d = np.zeros((n, f, (oh - 1) * stride + 1, (ow - 1) * stride + 1))
        d[:, :, ::stride, ::stride] = g
        # rows past the last window's reach (the floor in the output size) get no gradient: pad to hh + 2p
        full = np.zeros((n, f, hh + 2 * pad + kh - 1, ww + 2 * pad + kw - 1))
        full[:, :, kh - 1:kh - 1 + d.shape[2], kw - 1:kw - 1 + d.shape[3]] = d
        return full


    def conv2d_grads_np(x, w, g, stride, pad):
        """Input gradient as a full convolution of the dilated output gradient with the kernel (scipy),
        weight gradient as a correlation of the padded input with the dilated output gradient."""
        n, c, hh, ww = x.shape
        f, _, kh, kw = w.shape
        full = dilate_pad(g, stride, kh, kw, pad, hh, ww)
        gi_pad = np.zeros((n, c, hh + 2 * pad, ww + 2 * pad))
        for b in range(n):
            for ch in range(c):
                for fi in range(f):
                    gi_pad[b, ch] += signal.convolve2d(full[b, fi], w[fi, ch], mode='valid')
        gi = gi_pad[:, :, pad:pad + hh, pad:pad + ww]
        xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
        d = full[:, :, kh - 1:kh - 1 + hh + 2 * pad - kh + 1, kw - 1:kw - 1 + ww + 2 * pad - kw + 1]
        gw = np.zeros_like(w)
        for b in range(n):
            for fi in range(f):
                for ch in range(c):
                    gw[fi, ch] += signal.correlate2d(xp[b, ch], d[b, fi], mode='valid')
        return gi, gw, g.sum(axis=(0, 2, 3))


    def conv2d_backward_cases():
        cases = []
        for xs, ws, stride, pad, batched, digits in [
                ((1, 5, 5), (1, 1, 3, 3), 1, 0, False, True), ((3, 7, 6), (2, 3, 3, 3), 1, 1, False, False),
                ((2, 9, 8), (3, 2, 3, 2), 2, 0, True, True), ((2, 8, 8), (4, 2, 4, 4), 2, 2, False, False),
                ((4, 6, 5), (3, 4, 1, 1), 1, 0, True, False), ((3, 5, 7), (2, 3, 2, 2), 1, 2, True, True),
                ((1, 9, 9), (2, 1, 3, 3), 2, 1, True, False), ((1, 12, 12), (8, 1, 3, 3), 1, 0, True, False)]:
            n = 3 if batched else 1
            x = digit_encoded((n,) + xs) if digits else grid((n,) + xs)
            w = grid(ws)
            oh, ow = (xs[1] + 2 * pad - ws[2]) // stride + 1, (xs[2] + 2 * pad - ws[3]) // stride + 1
            g = grid((n, ws[0], oh, ow))
            gi, gw, gb = conv2d_grads_np(x, w, g, stride, pad)
            shape_x = [n, *xs] if batched else list(xs)
            shape_g = [n, ws[0], oh, ow] if batched else [ws[0], oh, ow]
            cases.append({'x': shape_x, 'w': ws, 'stride': stride, 'padding': pad, 'xData': flat(x), 'wData': flat(w),
                          'gradShape': shape_g, 'grad': flat(g), 'gradInput': flat(gi), 'gradWeight': flat(gw),
                          'gradBias': flat(gb)})
        return cases


    def conv2d_batched_cases():
        cases = []
        for xs, ws, stride, pad in [((3, 2, 7, 6), (4, 2, 3, 2), 1, 1), ((2, 3, 9, 8), (2, 3, 3, 3), 2, 1),
                                    ((3, 1, 14, 14), (8, 1, 3, 3), 1, 0), ((2, 4, 5, 5), (3, 4, 1, 1), 1, 0)]:
            x, w, b = digit_encoded(xs) if xs[2] < 10 else grid(xs), grid(ws), grid(ws[0])
            out = np.stack([conv2d_np(img, w, b, stride, pad) for img in x])
            cases.append({'x': xs, 'w': ws, 'stride': stride, 'padding': pad, 'xData': flat(x), 'wData': flat(w),
                          'bias': flat(b), 'expected': flat(out), 'outShape': list(out.shape)})
        return cases


    def pool_batched_cases():
        cases = []
        for xs, k, s, ceil in [((3, 2, 7, 7), 2, 2, False), ((2, 3, 8, 5), 3, 2, True), ((2, 1, 6, 6), 2, 1, False)]:
            x = ints(xs)
            res = [pool_np(img, k, s, ceil, np.max) for img in x]
            out = np.stack([r[0] for r in res])
            arg = np.stack([r[1] for r in res])
            g = grid(out.shape)
            gi = np.zeros(xs)
            for b in range(xs[0]):
                for ch in range(xs[1]):
                    np.add.at(gi[b, ch].reshape(-1), arg[b, ch].ravel(), g[b, ch].ravel())
            cases.append({'x': xs, 'size': k, 'stride': s, 'ceilMode': ceil, 'xData': flat(x), 'expected': flat(out),
                          'argmax': arg.ravel().tolist(), 'outShape': list(out.shape), 'grad': flat(g),
                          'gradInput': flat(gi)})
        return cases


    def pnorm_grad_np(x, g, k, s, ceil, p):
        """Per window y = (Σ|x|^p)^(1/p); dy/dx = sign(x)(|x|/y)^(p−1), 0 at x = 0 or y = 0; p = ∞: the
        first max |x| (row-major) takes g·sign(x)."""
        c, hh, ww = x.shape
        oh, ow = pool_out(hh, k, s, ceil), pool_out(ww, k, s, ceil)
        out = np.zeros_like(x)
        for ch in range(c):
            for oy in range(oh):
                for ox in range(ow):
                    y0, x0 = oy * s, ox * s
                    y1, x1 = min(y0 + k, hh), min(x0 + k, ww)
                    win = x[ch, y0:y1, x0:x1]
                    a = np.abs(win)
                    if p == math.inf:
                        wy, wx = np.unravel_index(np.argmax(a), a.shape)
                        out[ch, y0 + wy, x0 + wx] += g[ch, oy, ox] * np.sign(win[wy, wx])
                        continue
                    yv = (a ** p).sum() ** (1 / p)
                    if yv == 0:
                        continue
                    with np.errstate(divide='ignore'):
                        slope = np.where(win == 0, 0.0, np.sign(win) * np.where(win == 0, 1.0, a / yv) ** (p - 1))
                    out[ch, y0:y1, x0:x1] += g[ch, oy, ox] * slope
        return out


    def pnorm_backward_cases():
        cases = []
        for xs, k, s, ceil, batched in [((2, 7, 7), 2, 2, False, False), ((3, 6, 9), 3, 1, True, False),
                                        ((2, 8, 5), 3, 2, True, True), ((1, 5, 6), 2, 1, False, True)]:
            n = 2 if batched else 1
            x = grid((n,) + xs)
            x[x.__abs__() < 0.4] = 0  # zeros: the defined value 0 of the slope at x = 0
            x[0, 0, 0:3, 0:3] = 0  # an all-zero window: gradient 0, not NaN
            for p in [1, 2, 3.5, 0.5, math.inf]:
                oh, ow = pool_out(xs[1], k, s, ceil), pool_out(xs[2], k, s, ceil)
                g = grid((n, xs[0], oh, ow))
                gi = np.stack([pnorm_grad_np(x[b], g[b], k, s, ceil, p) for b in range(n)])
                cases.append({'x': [n, *xs] if batched else list(xs), 'size': k, 'stride': s, 'ceilMode': ceil,
                              'p': 'Infinity' if p == math.inf else p, 'xData': flat(x),
                              'gradShape': [n, xs[0], oh, ow] if batched else [xs[0], oh, ow], 'grad': flat(g),
                              'gradInput': flat(gi)})
        return cases

    return {'conv2dBackward': conv2d_backward_cases(), 'conv2dBatched': conv2d_batched_cases(),
            'maxPool2dBatched': pool_batched_cases(), 'pNormPool2dBackward': pnorm_backward_cases()}
