#!/usr/bin/env python3
"""Expected values for flipshift's kernel tests, computed by numpy/scipy (an outside oracle).

Writes tests/fixtures/kernels.json (and tests/fixtures/pnorm.json, see fixtures_pnorm.py). Inputs are float32 values on a 1/1024 grid (exact in float32
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

from fixtures_cnn import cnn_training_cases
from fixtures_pnorm import pnorm_cases

rng = np.random.default_rng(20261127)
OUT = Path(__file__).resolve().parent.parent / 'tests' / 'fixtures' / 'kernels.json'
PNORM_OUT = OUT.parent / 'pnorm.json'


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


def main():
    maxes, pnorms = pool_cases()
    data = {'generator': 'scripts/make_fixtures.py', 'numpy': np.__version__,
            'correlate1d': corr1d_cases(), 'correlate2d': corr2d_cases(), 'flipShiftProducts': flip_shift_cases(),
            'matchedFilter': matched_cases(), 'conv2d': conv2d_cases(), 'maxPool2d': maxes, 'pNormPool2d': pnorms,
            'conv1x1': conv1x1_cases(),
            **cnn_training_cases(grid, ints, flat, conv2d_np, pool_out, pool_np)}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, separators=(',', ':')) + '\n')
    print(f'wrote {OUT} ({OUT.stat().st_size / 1024:.0f} KiB)')
    pnorm = {'generator': 'scripts/fixtures_pnorm.py', 'numpy': np.__version__, 'pNormPool2d': pnorm_cases()}
    PNORM_OUT.write_text(json.dumps(pnorm, separators=(',', ':'), allow_nan=False) + '\n')
    print(f'wrote {PNORM_OUT} ({PNORM_OUT.stat().st_size / 1024:.0f} KiB)')


if __name__ == '__main__':
    main()
