"""What the attention lessons share: seeded embeddings and weights, softmax, attention, layer norm.

Pure numpy; no steps, no plotting. Self-attention, multi-head attention and the
transformer block all import this module, so that the same token gets the same
embedding row and a weight matrix of a given name the same numbers in every
lesson (Eigenvue 1.0.2's seeding, ``spec/step-format.md`` §5.1).

Every matrix is a float64 array of shape ``(rows, cols)``; a sequence of n
tokens is n rows. A causal mask is a boolean ``(n, n)`` array that is True
where a query may *not* look (a later key).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from eigenvue import StringRandom

Array = np.ndarray

#: Added to the variance inside the layer norm's square root, as in Ba et al. (2016).
LAYER_NORM_EPSILON = 1e-5


def _thousandths(values: Array) -> Array:
    """``round(values) / 1000`` with round-half-to-even, as Python's ``round`` does."""
    return np.round(values) / 1000


def embed(tokens: Sequence[str], dim: int) -> Array:
    """The n × d embedding matrix: one seeded row per token, equal tokens equal rows.

    Row t is drawn from the generator seeded ``"embedding-" + token``; each
    component is ``round((2r − 1) · 1000) / 1000``, a multiple of 0.001 in [−1, 1].

    Examples
    --------
    >>> embed(["The"], 4).tolist()
    [[0.175, 0.809, 0.009, -0.085]]
    """
    rows: dict[str, Array] = {}
    for token in tokens:
        if token not in rows:
            r = StringRandom("embedding-" + token).random_array(dim)
            rows[token] = _thousandths((2 * r - 1) * 1000)
    if not tokens:
        return np.zeros((0, dim))
    return np.stack([rows[token] for token in tokens])


def weight_matrix(name: str, rows: int, cols: int) -> Array:
    """The seeded weight matrix called ``name``: multiples of 0.001 in [−0.5, 0.5].

    Drawn row by row from the generator seeded ``"weight-" + name``, so a matrix
    depends on its name and shape only, never on what was drawn before it.
    """
    r = StringRandom("weight-" + name).random_array(rows * cols)
    return _thousandths((r - 0.5) * 1000).reshape(rows, cols)


def bias_vector(name: str, size: int) -> Array:
    """The seeded bias vector called ``name``: multiples of 0.001 in [−0.1, 0.1]."""
    r = StringRandom("bias-" + name).random_array(size)
    return _thousandths((r - 0.5) * 200)


def causal_mask(n: int) -> Array:
    """True above the diagonal: query i may look at keys 0..i only."""
    return np.triu(np.ones((n, n), dtype=bool), k=1)


def softmax_rows(scores: Array, mask: Array | None = None) -> Array:
    """Softmax of each row; masked cells get weight exactly 0.

    Subtracts each row's largest (unmasked) score before exponentiating, so
    large scores cannot overflow. A row whose exponentials sum to 0 becomes
    uniform over its unmasked cells (cannot happen after the subtraction, since
    the largest term is exp(0) = 1, but it keeps the function total).
    """
    scores = np.asarray(scores, dtype=float)
    if mask is not None:
        scores = np.where(mask, -np.inf, scores)
    top = scores.max(axis=-1, keepdims=True)
    exps = np.exp(scores - top)
    totals = exps.sum(axis=-1, keepdims=True)
    return exps / totals


def attention(
    q: Array, k: Array, v: Array, mask: Array | None = None
) -> tuple[Array, Array, Array]:
    """Scaled dot-product attention of one head.

    Returns ``(scaled, weights, output)``: the scores ``(Q·Kᵀ) · (1/√d_k)``
    (masked cells left as computed; the weights ignore them), the softmax of
    each row, and ``weights · V``. d_k is the number of columns of ``q``.
    """
    scale = 1.0 / np.sqrt(q.shape[1])
    scaled = (q @ k.T) * scale
    weights = softmax_rows(scaled, mask)
    return scaled, weights, weights @ v


def split_heads(matrix: Array, heads: int) -> Array:
    """An n × d matrix as h matrices n × d/h of consecutive columns: shape (h, n, d/h)."""
    n, d = matrix.shape
    return matrix.reshape(n, heads, d // heads).transpose(1, 0, 2)


def concat_heads(per_head: Array) -> Array:
    """The inverse of :func:`split_heads`: (h, n, d_k) → n × (h·d_k), head 0's columns first."""
    h, n, dk = per_head.shape
    return per_head.transpose(1, 0, 2).reshape(n, h * dk)


def layer_norm(x: Array, epsilon: float = LAYER_NORM_EPSILON) -> Array:
    """Normalise each row to mean 0 and variance σ²/(σ² + ε) (no learned scale or shift).

    The population variance (divided by d) is used, as in Ba et al. (2016).
    """
    mean = x.mean(axis=1, keepdims=True)
    centred = x - mean
    variance = (centred * centred).mean(axis=1, keepdims=True)
    return centred / np.sqrt(variance + epsilon)


def relu(x: Array) -> Array:
    """max(0, x), element-wise."""
    return np.maximum(x, 0.0)


def masked_for_state(scores: Array, mask: Array | None) -> Array | list[list[float | None]]:
    """Scores as a step reports them: masked cells are ``None`` (never looked at)."""
    if mask is None or not mask.any():
        return scores
    return [
        [None if hidden else float(value) for value, hidden in zip(row, row_mask)]
        for row, row_mask in zip(scores, mask)
    ]
