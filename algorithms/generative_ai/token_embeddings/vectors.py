"""Seeded embedding vectors, their cosine similarities and a 2-D picture of them (PCA).

Pure numpy; no steps, no plotting. This lesson seeds each token's vector with
the token itself (Eigenvue 1.0.2's ``token-embeddings``), unlike the attention
lessons, which seed with ``"embedding-" + token``; see the page's differences.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from eigenvue import StringRandom

Array = np.ndarray

#: Below this norm a vector counts as zero and its cosine similarity as 0.
ZERO_NORM = 1e-12


def embedding(token: str, dim: int) -> Array:
    """The token's d-vector: ``round(2000 r − 1000) / 1000`` per draw of ``StringRandom(token)``.

    A longer vector extends the same stream, so the d-vector is a prefix of the (d+1)-vector.
    """
    r = StringRandom(token).random_array(dim)
    return np.round(r * 2000 - 1000) / 1000


def embed(tokens: Sequence[str], dim: int) -> Array:
    """The n × d matrix of the tokens' vectors (equal tokens, equal rows)."""
    rows = {t: embedding(t, dim) for t in dict.fromkeys(tokens)}
    return np.stack([rows[t] for t in tokens]) if tokens else np.zeros((0, dim))


def cosine_matrix(vectors: Array) -> Array:
    """Cosine similarity of every pair of rows: a·b / (‖a‖‖b‖), 0 when a norm is 0."""
    norms = np.sqrt(np.einsum("ij,ij->i", vectors, vectors))
    dots = vectors @ vectors.T
    outer = np.outer(norms, norms)
    zero = (norms < ZERO_NORM)[:, None] | (norms < ZERO_NORM)[None, :]
    return np.where(zero, 0.0, dots / np.where(zero, 1.0, outer))


def pca_2d(vectors: Array) -> tuple[Array, float]:
    """The rows projected on their two principal axes, and the share of variance kept.

    Rows are centred on their mean and projected on the first two right singular
    vectors (numpy SVD). Each axis is signed so that its largest component is
    positive, which makes the picture the same on every machine. With fewer than
    two axes of variation the missing coordinates are 0.
    """
    n = vectors.shape[0]
    centred = vectors - vectors.mean(axis=0) if n else vectors
    projection = np.zeros((n, 2))
    if n == 0:
        return projection, 1.0
    _, singular, axes = np.linalg.svd(centred, full_matrices=False)
    k = min(2, axes.shape[0])
    axes = axes[:k]
    signs = np.sign(axes[np.arange(k), np.argmax(np.abs(axes), axis=1)])
    signs[signs == 0] = 1.0
    projection[:, :k] = centred @ (axes * signs[:, None]).T
    total = float(np.sum(singular**2))
    kept = float(np.sum(singular[:k] ** 2)) / total if total > 0 else 1.0
    return projection, kept
