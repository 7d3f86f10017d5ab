"""The loss surface every optimizer of this lesson descends: f(x, y) = x² + 3y².

A bowl whose valley is three times steeper along y than along x, so the
steepest-descent direction does not point at the minimum (0, 0) and the three
optimizers behave visibly differently on it. Eigenvue's lesson uses this one
surface for every run, and so does this one.
"""

from __future__ import annotations

import numpy as np

Array = np.ndarray

#: Curvature along each axis: f = Σ (CURVATURE_i / 2) θ_i², so the Hessian is diag(2, 6).
CURVATURE = np.array([2.0, 6.0])


def loss(theta: Array) -> float:
    """f(x, y) = x² + 3y² at ``theta = (x, y)``."""
    x, y = float(theta[0]), float(theta[1])
    return x**2 + 3 * y**2


def gradient(theta: Array) -> Array:
    """∇f(x, y) = (2x, 6y)."""
    return CURVATURE * np.asarray(theta, dtype=float)


def loss_on_grid(xs: Array, ys: Array) -> Array:
    """The loss on the grid ``xs × ys``: ``[i, j]`` is f(xs[j], ys[i]), as contour plots expect."""
    x, y = np.meshgrid(np.asarray(xs, dtype=float), np.asarray(ys, dtype=float))
    return x**2 + 3 * y**2


def sgd_rate_limit() -> float:
    """The largest learning rate for which plain gradient descent converges on f: 2 / 6 = 1/3.

    SGD multiplies each coordinate by (1 − η·c) per step, where c is that axis's
    curvature; the iterates shrink only while |1 − η·c| < 1 on both axes.
    """
    return float(2.0 / CURVATURE.max())
