"""Expected numbers for tests/unit/concepts/projections.test.ts (Fisher/LDA on a fixed dataset).

Run: python3 scripts/fixtures_lda.py
S_w is the pooled within-class covariance: the sum of the class scatter matrices over N, the
number of points (the 1/N keeps J(w) near 1 for any cloud size and does not move the direction).
The direction is S_w^-1 (mu1 - mu0), unit length.
"""
import numpy as np

class0 = np.array([[0.0, 1.0], [1.0, 2.0], [-1.0, 0.5], [0.5, 0.0], [-0.5, 1.5]])
class1 = np.array([[2.0, 0.0], [3.0, 1.5], [2.5, -1.0], [1.5, 0.5], [3.5, 0.0]])

mu0, mu1 = class0.mean(axis=0), class1.mean(axis=0)
n = len(class0) + len(class1)
sw = ((class0 - mu0).T @ (class0 - mu0) + (class1 - mu1).T @ (class1 - mu1)) / n
v = np.linalg.solve(sw, mu1 - mu0)
v /= np.linalg.norm(v)
np.set_printoptions(precision=12)


def criterion(w):
    return float((w @ (mu1 - mu0)) ** 2 / (w @ sw @ w))


print("mu0", mu0, "mu1", mu1)
print("S_w", sw.tolist())
print("lda", v.tolist())
print("J(lda)", repr(criterion(v)))
print("J([1,0])", repr(criterion(np.array([1.0, 0.0]))))
print("J([0,1])", repr(criterion(np.array([0.0, 1.0]))))
