"""Reference values for the neural-net library's unit tests (tests/fixtures/nn.json), from numpy.

Run through `npm run fixtures`. Inputs are digit-encoded (row*10+col style) so indexing bugs show.
"""
import json
import pathlib

import numpy as np

out = {}

# matmul: C = op(A) op(B) for every transpose combination, m=5 k=3 n=7
m, k, n = 5, 3, 7
A = np.array([[10 * i + j + 1 for j in range(k)] for i in range(m)], dtype=np.float64) / 10
B = np.array([[10 * i + j + 1 for j in range(n)] for i in range(k)], dtype=np.float64) / 100
C0 = np.arange(m * n, dtype=np.float64).reshape(m, n) / 7
out["matmul"] = {
    "m": m, "k": k, "n": n,
    "A": A.ravel().tolist(), "AT": A.T.ravel().tolist(),
    "B": B.ravel().tolist(), "BT": B.T.ravel().tolist(),
    "C0": C0.ravel().tolist(),
    "AB": (A @ B).ravel().tolist(),
    "ABplusC0": (A @ B + C0).ravel().tolist(),
}

# softmax cross-entropy on logits [3, 4] with labels, mean over rows
logits = np.array([[1.0, 2.0, 0.5, -1.0], [0.0, 0.0, 0.0, 0.0], [5.0, -3.0, 2.0, 1.0]])
labels = np.array([1, 3, 0])
z = logits - logits.max(axis=1, keepdims=True)
p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
loss = -np.log(p[np.arange(3), labels]).mean()
grad = p.copy()
grad[np.arange(3), labels] -= 1
grad /= 3
out["softmaxCE"] = {"logits": logits.ravel().tolist(), "labels": labels.tolist(),
                    "probs": p.ravel().tolist(), "loss": float(loss), "grad": grad.ravel().tolist()}

# mean squared error, mean over all elements
pred = np.array([[0.5, -1.0, 2.0], [3.0, 0.0, -0.25]])
target = np.array([[0.0, -1.5, 2.5], [1.0, 0.5, 0.0]])
out["mse"] = {"pred": pred.ravel().tolist(), "target": target.ravel().tolist(),
              "loss": float(((pred - target) ** 2).mean()),
              "grad": (2 * (pred - target) / pred.size).ravel().tolist()}

# Adam (PyTorch's formula, L2 added to the gradient) for 3 steps with fixed gradients
w = np.array([0.5, -1.0, 2.0])
grads = [np.array([0.1, -0.2, 0.3]), np.array([-0.05, 0.4, 0.0]), np.array([0.2, 0.1, -0.6])]
lr, b1, b2, eps, wd = 0.01, 0.9, 0.999, 1e-8, 0.1
mm, vv = np.zeros(3), np.zeros(3)
for t, g in enumerate(grads, start=1):
    g = g + wd * w
    mm = b1 * mm + (1 - b1) * g
    vv = b2 * vv + (1 - b2) * g * g
    w = w - lr * (mm / (1 - b1 ** t)) / (np.sqrt(vv / (1 - b2 ** t)) + eps)
out["adam"] = {"w0": [0.5, -1.0, 2.0], "grads": [g.tolist() for g in grads], "lr": lr, "wd": wd, "w3": w.tolist()}

path = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "nn.json"
path.write_text(json.dumps(out, indent=1) + "\n")
print(f"wrote {path}")
