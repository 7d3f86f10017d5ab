"""The inputs of the token-embeddings lesson and their rules."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StrictStr

import eigenvue
from eigenvue.inputs import Count, Limit

#: Resource limit: one similarity step per pair of tokens (19,900 steps for 200 tokens).
MAX_TOKENS = 200
#: Resource limit on the vector length.
MAX_DIM = 1_024
#: Resource limit: the lookup steps reveal 1, 2, … n rows of d numbers.
MAX_NUMBERS = 10_000_000

Token = Annotated[StrictStr, Field(min_length=1, max_length=100)]


def _revealed(inputs: Inputs) -> float:
    n = len(inputs.tokens)
    return n * (n + 1) / 2 * inputs.embeddingDim


def _largest(inputs: Inputs) -> str:
    d = inputs.embeddingDim
    n = int(((8 * MAX_NUMBERS / d + 1) ** 0.5 - 1) / 2)
    return f"{n:,} tokens at embeddingDim {d}"


class Inputs(eigenvue.Inputs):
    """The tokens to embed and the length of their vectors."""

    tokens: list[Token] = Field(
        default=["The", "cat", "sat"],
        min_length=1,
        max_length=MAX_TOKENS,
        description=(
            "The tokens to look up (1 to 200 non-empty strings; repeats allowed, and a repeated "
            "token gets the same vector)."
        ),
    )
    embeddingDim: Count(1, MAX_DIM) = Field(  # type: ignore[valid-type]
        default=4, description="The length d of each embedding vector (1 to 1,024)."
    )

    rules = (
        Limit(
            input="tokens",
            cost=_revealed,
            limit=MAX_NUMBERS,
            largest=_largest,
            unit="numbers revealed by the lookups",
        ),
    )
