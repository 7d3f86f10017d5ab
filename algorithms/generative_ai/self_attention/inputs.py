"""The inputs of self-attention and their rules."""

from __future__ import annotations

from pydantic import Field, StrictBool, model_validator

import eigenvue
from eigenvue.inputs import Count

from ..attention_inputs import MAX_DIM, Token, causal_field, check_size, tokens_field


def numbers_held(n: int, d: int) -> float:
    """The numbers a trace of n tokens at dimension d holds.

    Four n × n matrices (scores, scaled scores, weights, a row per query step); X, Q, K, V,
    the output and a context vector per query; and W_Q, W_K, W_V.
    """
    return 4 * n * n + 6 * n * d + 3 * d * d


class Inputs(eigenvue.Inputs):
    """A token sequence, the model dimension, and whether to mask the future."""

    tokens: list[Token] = tokens_field(["The", "cat", "sat"])
    embeddingDim: Count(1, MAX_DIM) = Field(  # type: ignore[valid-type]
        default=4,
        description="The dimension d of embeddings, queries, keys and values (1 to 1,024).",
    )
    causal: StrictBool = causal_field()

    @model_validator(mode="after")
    def _fits(self) -> Inputs:
        check_size(numbers_held, len(self.tokens), self.embeddingDim)
        return self
