#!/usr/bin/env python3
"""Reference values for the recurrent layers (tests/fixtures/recurrent.json), from numpy.

The cells follow PyTorch's documented equations (torch.nn.RNN/LSTM/GRU, batch_first), written
out in float64 with weights stored as flipshift stores them: Wx [D, G*H], Wh [H, G*H], gate
blocks in PyTorch's order (LSTM i, f, g, o; GRU r, z, n). Inputs are on a 1/64 grid (exact in
float32). Run: python3 scripts/make_rnn_fixtures.py
"""
import json
import pathlib

import numpy as np

rng = np.random.default_rng(20261203)
N, T, D, H = 2, 5, 3, 4


def grid(shape, scale):
    return np.round(rng.uniform(-scale, scale, size=shape) * 64) / 64


def sig(x):
    return 1 / (1 + np.exp(-x))


def run(kind, x, Wx, Wh, b, bh=None):
    h = np.zeros((N, H))
    c = np.zeros((N, H))
    hs, cs = [], []
    for t in range(T):
        zx = x[:, t] @ Wx + b
        if kind == 'rnn':
            h = np.tanh(zx + h @ Wh)
        elif kind == 'lstm':
            z = zx + h @ Wh
            i, f, g, o = sig(z[:, :H]), sig(z[:, H:2 * H]), np.tanh(z[:, 2 * H:3 * H]), sig(z[:, 3 * H:])
            c = f * c + i * g
            h = o * np.tanh(c)
        else:
            a = h @ Wh + bh
            r = sig(zx[:, :H] + a[:, :H])
            u = sig(zx[:, H:2 * H] + a[:, H:2 * H])
            n = np.tanh(zx[:, 2 * H:] + r * a[:, 2 * H:])
            h = (1 - u) * n + u * h
        hs.append(h.copy())
        cs.append(c.copy())
    return np.stack(hs, axis=1), np.stack(cs, axis=1)


out = {'N': N, 'T': T, 'D': D, 'H': H}
for kind, G in [('rnn', 1), ('lstm', 4), ('gru', 3)]:
    x = grid((N, T, D), 1.5)
    Wx, Wh, b = grid((D, G * H), 0.8), grid((H, G * H), 0.8), grid((G * H,), 0.5)
    bh = grid((G * H,), 0.5) if kind == 'gru' else None
    hs, cs = run(kind, x, Wx, Wh, b, bh)
    case = {'x': x.ravel().tolist(), 'Wx': Wx.ravel().tolist(), 'Wh': Wh.ravel().tolist(),
            'bias': b.ravel().tolist(), 'hidden': hs.ravel().tolist()}
    if bh is not None:
        case['biasH'] = bh.ravel().tolist()
    if kind == 'lstm':
        case['cell'] = cs.ravel().tolist()
    out[kind] = case

path = pathlib.Path(__file__).resolve().parent.parent / 'tests' / 'fixtures' / 'recurrent.json'
path.write_text(json.dumps(out) + '\n')
print(f'wrote {path}')
