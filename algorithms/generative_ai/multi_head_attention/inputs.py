"""The inputs of multi-head attention and their rules."""

from __future__ import annotations

from pydantic import Field, StrictBool, model_validator

import eigenvue
from eigenvue import InputError
from eigenvue.inputs import Count

from ..attention_inputs import MAX_DIM, Token, causal_field, check_size, tokens_field

#: Each head has its own panel and four steps; beyond 16 the frames would be unreadable.
MAX_HEADS = 16


class Inputs(eigenvue.Inputs):
    """A token sequence, the model dimension, the number of heads, and the causal switch."""

    tokens: list[Token] = tokens_field(["The", "cat", "sat", "on"])
    embeddingDim: Count(1, MAX_DIM) = Field(  # type: ignore[valid-type]
        default=8,
        description="The model dimension d (1 to 1,024), split evenly among the heads.",
    )
    numHeads: Count(1, MAX_HEADS) = Field(  # type: ignore[valid-type]
        default=2,
        description=(
            "The number of heads h (1 to 16); it must divide embeddingDim, each head working "
            "on d/h dimensions."
        ),
    )
    causal: StrictBool = causal_field()

    @model_validator(mode="after")
    def _heads_divide_and_fit(self) -> Inputs:
        d, h = self.embeddingDim, self.numHeads
        if d % h:
            raise InputError(
                "numHeads",
                f"must divide embeddingDim ({d}) evenly, so each head gets d/h dimensions; "
                f"{d} = {d // h}·{h} + {d % h}",
            )
        check_size(lambda n, d: numbers_held(n, d, h), len(self.tokens), d)
        return self


def numbers_held(n: int, d: int, h: int) -> float:
    """The numbers a trace of n tokens, dimension d and h heads holds.

    Per head Q, K, V and its output (n × d/h), the scaled scores and weights (n × n);
    then X, the concatenation and the output (n × d).
    """
    return 2 * h * n * n + 7 * n * d
