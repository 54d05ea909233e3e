#!/usr/bin/env python3
"""Expected values for flipshift's kernel tests, computed by numpy/scipy (an outside oracle).

Writes tests/fixtures/kernels.json. Inputs are float32 values on a 1/1024 grid (exact in float32
and short in JSON); expected values are computed in float64 from those inputs. conv2d and pooling
have no PyTorch here, so they are written out in numpy following PyTorch's documented semantics:
conv2d is cross-correlation with zero padding and output floor((H + 2p - k) / s) + 1; max pooling
keeps, in ceil mode, a last partial window only if it starts inside the input.

Run: python3 scripts/make_fixtures.py   (deterministic: fixed seed)
"""
import json
import math
from pathlib import Path

import numpy as np
from scipy import signal

rng = np.random.default_rng(20261127)
OUT = Path(__file__).resolve().parent.parent / 'tests' / 'fixtures' / 'kernels.json'


def grid(shape, lo=-2.0, hi=2.0):
    """Random float32-exact values on a 1/1024 grid."""
    return np.round(rng.uniform(lo, hi, size=shape) * 1024) / 1024


def ints(shape, hi=5):
    """Small integers: many ties, so the first-maximum rule is tested."""
    return rng.integers(0, hi, size=shape).astype(np.float64)


def flat(a):
    return [float('%.9g' % v) if math.isfinite(v) else None for v in np.asarray(a, dtype=np.float64).ravel()]


def same_slice(full_len, n):
    start = (full_len - n) // 2  # = floor((m - 1) / 2), scipy.signal's centring
    return slice(start, start + n)


def corr1d_cases():
    cases = []
    for n, m in [(1, 1), (5, 1), (7, 4), (10, 3), (6, 6), (13, 8), (3, 5), (32, 2)]:
        x, h = grid(n), grid(m)
        for mode in ['full', 'same', 'valid']:
            if mode != 'full' and m > n:
                continue
            cases.append({'n': n, 'm': m, 'mode': mode, 'x': flat(x), 'h': flat(h),
                          'correlate': flat(signal.correlate(x, h, mode=mode, method='direct')),
                          'convolve': flat(signal.convolve(x, h, mode=mode, method='direct'))})
    return cases


def corr2d_cases():
    cases = []
    for xs, hs in [((5, 7), (2, 4)), ((8, 8), (3, 3)), ((6, 9), (1, 1)), ((7, 5), (4, 2)),
                   ((3, 3), (5, 5)), ((10, 12), (5, 4)), ((1, 6), (1, 3))]:
        x, h = grid(xs), grid(hs)
        for mode in ['full', 'same', 'valid']:
            if mode != 'full' and (hs[0] > xs[0] or hs[1] > xs[1]):
                continue
            cases.append({'x': xs, 'h': hs, 'mode': mode, 'xData': flat(x), 'hData': flat(h),
                          'correlate': flat(signal.correlate(x, h, mode=mode, method='direct')),
                          'convolve': flat(signal.convolve(x, h, mode=mode, method='direct'))})
    return cases


def flip_shift_cases():
    cases = []
    for n, m in [(5, 3), (4, 6), (1, 1)]:
        x, h = grid(n), grid(m)
        p = np.zeros((n + m - 1, n))
        for t in range(n + m - 1):
            for k in range(n):
                if 0 <= t - k < m:
                    p[t, k] = x[k] * h[t - k]
        cases.append({'n': n, 'm': m, 'x': flat(x), 'h': flat(h), 'expected': flat(p)})
    return cases


def pearson(sig, tpl):
    m = len(tpl)
    tc = tpl - tpl.mean()
    out = []
    for i in range(len(sig) - m + 1):
        d = sig[i:i + m] - sig[i:i + m].mean()
        den = math.sqrt((d @ d) * (tc @ tc))
        out.append(0.0 if den == 0 else (d @ tc) / den)
    return np.array(out)


def matched_cases():
    cases = []
    barker = np.array([1, 1, 1, 1, 1, -1, -1, 1, 1, -1, 1, -1, 1], dtype=np.float64)
    noise = np.round(rng.normal(0, 0.5, 300) * 1024) / 1024
    sig = noise.copy()
    sig[77:90] += barker
    cases.append({'name': 'barker13 at 77 in noise sigma=0.5', 'signal': flat(sig), 'template': flat(barker),
                  'hiddenAt': 77})
    sig2, tpl2 = grid(40), grid(7)
    sig2[10:20] = 0.75  # a constant stretch: zero variance gives normalized 0
    cases.append({'name': 'random 40 with a constant stretch, template 7', 'signal': flat(sig2),
                  'template': flat(tpl2), 'hiddenAt': None})
    for c in cases:
        s, t = np.array(c['signal']), np.array(c['template'])
        out = signal.correlate(s, t, mode='valid', method='direct')
        c.update(output=flat(out), normalized=flat(pearson(s, t)), peakIndex=int(np.argmax(out)))
    return cases


def conv2d_np(x, w, b, stride, pad):
    c, hh, ww = x.shape
    f, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (pad, pad), (pad, pad)))
    oh, ow = (hh + 2 * pad - kh) // stride + 1, (ww + 2 * pad - kw) // stride + 1
    out = np.zeros((f, oh, ow))
    for oy in range(oh):
        for ox in range(ow):
            win = xp[:, oy * stride:oy * stride + kh, ox * stride:ox * stride + kw]
            out[:, oy, ox] = np.einsum('chw,fchw->f', win, w) + b
    return out


def conv2d_cases():
    cases = []
    for xs, ws, stride, pad, bias in [((1, 5, 5), (1, 1, 3, 3), 1, 0, False), ((3, 7, 6), (2, 3, 3, 3), 1, 1, True),
                                      ((2, 9, 8), (3, 2, 3, 2), 2, 0, True), ((2, 8, 8), (4, 2, 4, 4), 2, 2, False),
                                      ((4, 6, 5), (3, 4, 1, 1), 1, 0, True), ((3, 5, 7), (2, 3, 2, 2), 1, 2, True),
                                      ((1, 28, 28), (8, 1, 3, 3), 1, 0, True)]:
        x, w = grid(xs), grid(ws)
        b = grid(ws[0]) if bias else np.zeros(ws[0])
        cases.append({'x': xs, 'w': ws, 'stride': stride, 'padding': pad, 'xData': flat(x), 'wData': flat(w),
                      'bias': flat(b) if bias else None, 'expected': flat(conv2d_np(x, w, b, stride, pad)),
                      'outShape': list(conv2d_np(x, w, b, stride, pad).shape)})
    return cases


def pool_out(n, k, s, ceil):
    if not ceil:
        return (n - k) // s + 1
    out = -(-(n - k) // s) + 1
    if (out - 1) * s >= n:
        out -= 1
    return out


def pool_np(x, k, s, ceil, reduce):
    c, hh, ww = x.shape
    oh, ow = pool_out(hh, k, s, ceil), pool_out(ww, k, s, ceil)
    out = np.zeros((c, oh, ow))
    arg = np.zeros((c, oh, ow), dtype=np.int64)
    for ch in range(c):
        for oy in range(oh):
            for ox in range(ow):
                y0, x0 = oy * s, ox * s
                win = x[ch, y0:min(y0 + k, hh), x0:min(x0 + k, ww)]
                out[ch, oy, ox] = reduce(win)
                wy, wx = np.unravel_index(np.argmax(win), win.shape)  # first maximum, row-major
                arg[ch, oy, ox] = (y0 + wy) * ww + (x0 + wx)
    return out, arg


def pool_cases():
    maxes, pnorms = [], []
    for xs, k, s in [((2, 7, 7), 2, 2), ((3, 6, 9), 3, 1), ((2, 5, 5), 2, 3), ((1, 4, 6), 1, 1), ((2, 8, 5), 3, 2),
                     ((1, 98, 98), 3, 3)]:
        x = ints(xs, 100 if xs[1] == 98 else 5)
        for ceil in [False, True]:
            out, arg = pool_np(x, k, s, ceil, np.max)
            maxes.append({'x': xs, 'size': k, 'stride': s, 'ceilMode': ceil, 'xData': flat(x), 'expected': flat(out),
                          'argmax': arg.ravel().tolist(), 'outShape': list(out.shape),
                          'grad': flat(grid(out.shape))})
            xr = grid(xs)
            for p in [1, 2, 3.5, math.inf]:
                def pn(win, p=p):
                    a = np.abs(win)
                    return a.max() if p == math.inf else (a ** p).sum() ** (1 / p)
                pout, _ = pool_np(xr, k, s, ceil, pn)
                if xs[1] == 98 and p != 2:
                    continue  # keep the JSON small: the big case once
                pnorms.append({'x': xs, 'size': k, 'stride': s, 'ceilMode': ceil, 'p': 'Infinity' if p == math.inf
                               else p, 'xData': flat(xr), 'expected': flat(pout), 'outShape': list(pout.shape)})
    for c in maxes:  # backward: gradients summed into each window's argmax (overlaps add up)
        g = np.zeros(int(np.prod(c['x'])))
        per = c['outShape'][1] * c['outShape'][2]
        plane = c['x'][1] * c['x'][2]
        for i, (a, gv) in enumerate(zip(c['argmax'], c['grad'])):
            g[(i // per) * plane + a] += gv
        c['gradInput'] = flat(g)
    return maxes, pnorms


def conv1x1_cases():
    cases = []
    for xs, f, bias in [((5, 4, 6), 3, True), ((1, 3, 3), 2, False), ((8, 7, 5), 4, True)]:
        x, w = grid(xs), grid((f, xs[0]))
        b = grid(f) if bias else np.zeros(f)
        out = np.einsum('chw,fc->fhw', x, w) + b[:, None, None]
        cases.append({'x': xs, 'w': [f, xs[0]], 'xData': flat(x), 'wData': flat(w), 'bias': flat(b) if bias else None,
                      'expected': flat(out)})
    return cases


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


def main():
    maxes, pnorms = pool_cases()
    data = {'generator': 'scripts/make_fixtures.py', 'numpy': np.__version__,
            'correlate1d': corr1d_cases(), 'correlate2d': corr2d_cases(), 'flipShiftProducts': flip_shift_cases(),
            'matchedFilter': matched_cases(), 'conv2d': conv2d_cases(), 'maxPool2d': maxes, 'pNormPool2d': pnorms,
            'conv1x1': conv1x1_cases(), 'conv2dBackward': conv2d_backward_cases(),
            'conv2dBatched': conv2d_batched_cases(), 'maxPool2dBatched': pool_batched_cases(),
            'pNormPool2dBackward': pnorm_backward_cases()}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, separators=(',', ':')) + '\n')
    print(f'wrote {OUT} ({OUT.stat().st_size / 1024:.0f} KiB)')


if __name__ == '__main__':
    main()
