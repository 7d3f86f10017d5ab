"""The built-in two-input training sets, trained full-batch.

Each set is a pair ``(X, y)`` with ``X`` of shape ``(2, m)`` (one column per
example) and ``y`` of shape ``(1, m)``; targets are 0 or 1.
"""

from __future__ import annotations

import numpy as np

from eigenvue.prng import StringRandom

_CORNERS = np.array([[0.0, 0.0, 1.0, 1.0], [0.0, 1.0, 0.0, 1.0]])

#: Number of points in the circle set.
CIRCLE_POINTS = 60


def _circle() -> tuple[np.ndarray, np.ndarray]:
    """Points spread over [−1, 1]², labelled 1 inside the circle of radius 0.7 (seeded)."""
    xy = 2.0 * StringRandom("circle-dataset").random_array(2 * CIRCLE_POINTS).reshape(2, -1) - 1.0
    inside = (xy**2).sum(axis=0) < 0.7**2
    return xy, inside.astype(float)[None, :]


def load(name: str) -> tuple[np.ndarray, np.ndarray]:
    """The inputs ``(2, m)`` and targets ``(1, m)`` of a built-in dataset."""
    if name == "circle":
        return _circle()
    a, b = _CORNERS
    truth = {"xor": (a != b), "and": (a * b > 0), "or": (a + b > 0)}[name]
    return _CORNERS.copy(), truth.astype(float)[None, :]


def extent(x: np.ndarray, margin: float = 0.5) -> tuple[float, float, float, float]:
    """The input-plane rectangle a decision-boundary picture covers."""
    return (
        float(x[0].min() - margin),
        float(x[0].max() + margin),
        float(x[1].min() - margin),
        float(x[1].max() + margin),
    )
