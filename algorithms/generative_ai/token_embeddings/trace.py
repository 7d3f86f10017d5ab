"""The token-embeddings trace: look up each token's vector, then compare every pair.

Runs :mod:`.vectors` and records each step in the Eigenvue 1.0.2 step format.
Beyond Eigenvue, the last step also carries the whole cosine-similarity matrix
and a 2-D projection of the vectors (PCA), which the frames draw. (Only the
last: a step's JSON writes out every matrix it holds, and there is one
similarity step per pair of tokens.)
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from eigenvue.step import Step
from eigenvue.text import number, short_vector

from . import vectors
from .inputs import Inputs

#: Tokens listed by name in an explanation.
LISTED = 8


def _reading(score: float) -> str:
    """What a cosine similarity says about two directions."""
    if score > 0.999999:
        return "the vectors point the same way"
    if score > 0.5:
        return "the vectors point in much the same direction"
    if score > 0.1:
        return "the vectors lean the same way a little"
    if score >= -0.1:
        return "the vectors are nearly perpendicular: unrelated"
    if score >= -0.5:
        return "the vectors lean apart"
    return "the vectors point in nearly opposite directions"


def trace(inputs: Inputs) -> Iterator[Step]:
    """Yield the tokens, one lookup per token, one similarity per pair, and the result."""
    tokens, d = list(inputs.tokens), inputs.embeddingDim
    n = len(tokens)
    table = vectors.embed(tokens, d)
    similarity = vectors.cosine_matrix(table)
    projection, kept = vectors.pca_2d(table)
    named = ", ".join(f"“{t}”" for t in tokens[:LISTED]) + (" …" if n > LISTED else "")

    yield Step(
        id="show-tokens",
        title="The tokens",
        explanation=(
            f"{n:,} token{'s' if n != 1 else ''}: {named}. A model cannot compute with words, "
            f"so each token will be replaced by a vector of {d} numbers, its embedding: a row "
            "of the embedding table."
        ),
        phase="initialization",
        lines="show",
        state={"tokens": tokens, "embeddingDim": d, "embeddings": []},
    )
    for i, token in enumerate(tokens):
        yield Step(
            id="lookup-embedding",
            title=f"Look up “{token}”",
            explanation=(
                f"Token {i} “{token}” is looked up in the embedding table: "
                f"{short_vector(table[i], 6)}. In a trained model these numbers are learned; "
                "here they are seeded by the token itself, so the same token always gets "
                "the same vector."
            ),
            phase="lookup",
            lines="lookup",
            state={
                "tokens": tokens,
                "embeddingDim": d,
                "currentTokenIndex": i,
                "currentToken": token,
                "currentEmbedding": table[i],
                "embeddings": table[: i + 1],
            },
        )
    extra = {"similarityMatrix": similarity, "projection": projection, "projectionVariance": kept}
    for i in range(n):
        for j in range(i + 1, n):
            score = float(similarity[i, j])
            yield Step(
                id="cosine-similarity",
                title=f"Similarity of “{tokens[i]}” and “{tokens[j]}”",
                explanation=(
                    f"cos θ = v{i}·v{j} / (‖v{i}‖ ‖v{j}‖) = {number(score)}: {_reading(score)}. "
                    "Cosine similarity compares directions only, from −1 (opposite) through 0 "
                    "(perpendicular) to 1 (the same direction)."
                ),
                phase="similarity",
                lines="similarity",
                state={
                    "tokens": tokens,
                    "embeddingDim": d,
                    "embeddings": table,
                    "similarityPair": [i, j],
                    "similarityScore": score,
                },
            )
    rows, cols = np.triu_indices(n, k=1)  # the pairs in the steps' order
    # A repeated token is trivially closest to itself: look at pairs of different tokens.
    different = [k for k in range(rows.size) if tokens[rows[k]] != tokens[cols[k]]]
    if different:
        best = max(different, key=lambda k: similarity[rows[k], cols[k]])
        bi, bj = int(rows[best]), int(cols[best])
        summary = (
            f" The closest pair of different tokens is “{tokens[bi]}” and “{tokens[bj]}” "
            f"({number(float(similarity[bi, bj]))})."
        )
    else:
        summary = ""
    yield Step(
        id="complete",
        title="Every token is a vector",
        explanation=(
            f"The {n:,} token{'s are' if n != 1 else ' is'} now {n:,} points in {d}-dimensional "
            f"space.{summary} Projected onto their two main directions (PCA), the picture keeps "
            f"{100 * kept:.0f}% of the spread of the vectors."
        ),
        phase="result",
        lines="done",
        is_terminal=True,
        state={"tokens": tokens, "embeddingDim": d, "embeddings": table, **extra},
    )
