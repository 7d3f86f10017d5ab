"""Independent references for the attention lessons' tests.

Attention is written here with ``np.einsum`` and ``scipy.special.softmax``, and
the seeded matrices straight from the formulas of the step format (§5.1) on
:class:`eigenvue.StringRandom`, without the plugins' code.
"""

from __future__ import annotations

import numpy as np
from scipy.special import softmax

from eigenvue import StringRandom


def seeded(name: str, rows: int, cols: int) -> np.ndarray:
    """Weight matrix ``name``: ``round((r − 0.5)·1000)/1000`` row by row from "weight-" + name."""
    rng = StringRandom("weight-" + name)
    return np.array(
        [[round((rng.random() - 0.5) * 1000) / 1000 for _ in range(cols)] for _ in range(rows)]
    )


def seeded_bias(name: str, size: int) -> np.ndarray:
    """Bias vector ``name``: ``round((r − 0.5)·200)/1000`` from "bias-" + name."""
    rng = StringRandom("bias-" + name)
    return np.array([round((rng.random() - 0.5) * 200) / 1000 for _ in range(size)])


def embedding_rows(tokens: list[str], dim: int) -> np.ndarray:
    """The attention lessons' embeddings: ``round((2r − 1)·1000)/1000`` from "embedding-" + token."""
    rows = []
    for token in tokens:
        rng = StringRandom("embedding-" + token)
        rows.append([round((2 * rng.random() - 1) * 1000) / 1000 for _ in range(dim)])
    return np.array(rows)


def einsum_attention(
    q: np.ndarray, k: np.ndarray, v: np.ndarray, causal: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """(weights, output) of scaled dot-product attention, by einsum and scipy's softmax.

    ``q``, ``k``, ``v`` may carry leading batch (head) axes: ``(..., n, d_k)``.
    """
    scores = np.einsum("...qd,...kd->...qk", q, k) / np.sqrt(q.shape[-1])
    if causal:
        n = scores.shape[-1]
        scores = np.where(np.tril(np.ones((n, n), dtype=bool)), scores, -np.inf)
    weights = softmax(scores, axis=-1)
    return weights, np.einsum("...qk,...kd->...qd", weights, v)


def as_array(value) -> np.ndarray:
    """A state matrix as a float array (masked ``None`` cells become NaN)."""
    return (
        np.array([[np.nan if x is None else x for x in row] for row in value], dtype=float)
        if value and isinstance(value[0], list)
        else np.asarray(value, dtype=float)
    )
