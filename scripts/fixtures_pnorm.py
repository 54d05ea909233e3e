"""p-norm pooling at large p and at the edges, for scripts/make_fixtures.py: written to its own file
(tests/fixtures/pnorm.json) with its own seed, so the other fixtures stay as they were.

Expected values come from numpy in float64, in the scaled form y = m·(Σ(|x|/m)^p)^(1/p), m = max|x|
(the plain Σ|x|^p overflows float64 from p ≈ 320 for values up to 9 and underflows for values 1e-3
from p ≈ 100, so it cannot be the oracle here). The slope follows the kernel API's conventions
(src/lib/kernels/types.ts): sign(x)·(|x|/y)^(p−1); 0 at x = 0 and in an all-zero window; sign(x) where
|x| = y (an infinite x in a window whose y is ∞); 0 where |x|/y = 0 for p < 1; NaN in a window with a
NaN, except at zeros and, for p = 1 (slope sign(x) whatever y is), at finite x. Values are float32-exact: integers, or multiples of 2^-20 for the tiny ones. Non-finite numbers
are written as the strings 'NaN', 'Infinity' and '-Infinity'.
"""
import math

import numpy as np

rng = np.random.default_rng(20261203)


def pool_out(n, k, s, ceil):
    if not ceil:
        return (n - k) // s + 1
    o = -(-(n - k) // s) + 1
    return o - 1 if (o - 1) * s >= n else o


def wire(a):
    def one(v):
        if math.isnan(v):
            return 'NaN'
        if math.isinf(v):
            return 'Infinity' if v > 0 else '-Infinity'
        return float('%.9g' % v)
    return [one(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def window_norm(win, p):
    """‖win‖ₚ, scaled by the largest |x|; NaN if any is NaN, ∞ if any is ∞, 0 if all are 0."""
    a = np.abs(win).ravel()
    if np.isnan(a).any():
        return math.nan
    m = a.max()
    if p == math.inf or m == 0 or math.isinf(m):
        return m
    return m * ((a / m) ** p).sum() ** (1 / p)


def slope(x, y, p):
    if x == 0 or y == 0:
        return 0.0
    a = abs(x)
    r = 1.0 if a == y else a / y
    if r == 0 and p < 1:
        return 0.0
    return (math.nan if math.isnan(x) else math.copysign(1.0, x)) * r ** (p - 1)  # nan ** 0 is 1


def windows(shape, k, s, ceil):
    c, hh, ww = shape
    oh, ow = pool_out(hh, k, s, ceil), pool_out(ww, k, s, ceil)
    for ch in range(c):
        for oy in range(oh):
            for ox in range(ow):
                y0, x0 = oy * s, ox * s
                yield (ch, oy, ox), (ch, slice(y0, min(y0 + k, hh)), slice(x0, min(x0 + k, ww)))


def forward(x, k, s, ceil, p):
    c, hh, ww = x.shape
    out = np.zeros((c, pool_out(hh, k, s, ceil), pool_out(ww, k, s, ceil)))
    for o, win in windows(x.shape, k, s, ceil):
        out[o] = window_norm(x[win], p)
    return out


def backward(x, g, k, s, ceil, p):
    """Per window the slope of each cell times the window's output gradient, summed where windows overlap."""
    gi = np.zeros_like(x)
    for o, win in windows(x.shape, k, s, ceil):
        xs = x[win]
        if p == math.inf:
            a = np.abs(xs)
            first = np.argmax(np.isnan(a)) if np.isnan(a).any() else np.argmax(a)  # the first NaN or max
            wy, wx = np.unravel_index(first, a.shape)
            v = xs[wy, wx]
            gi[win][wy, wx] += g[o] * (math.nan if math.isnan(v) else np.sign(v))
            continue
        y = window_norm(xs, p)
        gi[win] += g[o] * np.vectorize(lambda v: slope(v, y, p))(xs)
    return gi


def pnorm_cases():
    """Large p with values up to 9 (the explainer's 4 × 4 windows and overlapping 3 × 3 ones), tiny
    values, and windows that are all zero, hold a NaN, or hold ±∞."""
    cases = []
    big = rng.integers(-4, 10, size=(2, 8, 8)).astype(np.float64)  # the explainer's range
    big[0, 0:4, 0:4] = 9  # sixteen ties at the max: y = 9·16^(1/p)
    overlap = np.round(rng.uniform(-9, 9, size=(2, 6, 7)) * 1024) / 1024
    tiny = np.round(rng.uniform(-1e-3, 1e-3, size=(1, 6, 6)) * 2 ** 20) / 2 ** 20
    special = np.round(rng.uniform(-9, 9, size=(1, 4, 8)) * 4) / 4
    # non-overlapping 2 × 2 windows: top row of windows, then bottom row
    special[0, 0:2, 0:2] = 0  # all zeros
    special[0, 0, 3] = math.nan  # a NaN among finite values
    special[0, 1, 5] = 0  # a zero among finite values
    special[0, 2, 0] = math.inf  # +∞ among finite values
    special[0, 2, 2], special[0, 3, 3] = math.inf, -math.inf  # two infinities of opposite sign
    special[0, 2:4, 6:8] = [[-0.5, 0], [0, 0]]  # a single non-zero: y = |x|
    plan = [('values up to 9, 4x4 windows', big, 4, 4, False, [40, 64, 100, 1000]),
            ('values up to 9, overlapping 3x3', overlap, 3, 2, True, [40, 64, 100, 1000]),
            ('values below 1e-3', tiny, 2, 1, False, [40, 64, 100, 1000]),
            ('zeros, NaN and infinities', special, 2, 2, False, [0.5, 1, 2, 40, 1000, math.inf])]
    for name, x, k, s, ceil, ps in plan:
        for p in ps:
            out = forward(x, k, s, ceil, p)
            g = np.round(rng.uniform(-2, 2, size=out.shape) * 1024) / 1024
            cases.append({'name': name, 'x': list(x.shape), 'size': k, 'stride': s, 'ceilMode': ceil,
                          'p': 'Infinity' if p == math.inf else p, 'xData': wire(x), 'expected': wire(out),
                          'outShape': list(out.shape), 'grad': wire(g),
                          'gradInput': wire(backward(x, g, k, s, ceil, p))})
    return cases
