"""The inputs of the transformer block and their rules."""

from __future__ import annotations

from pydantic import Field, StrictBool, model_validator

import eigenvue
from eigenvue import InputError
from eigenvue.inputs import Count

from ..attention_inputs import MAX_DIM, Token, causal_field, check_size, tokens_field

#: Each head gets a panel in the frames; beyond 16 they would be unreadable.
MAX_HEADS = 16
#: Resource limit on the feed-forward network's hidden width.
MAX_FFN = 4_096


class Inputs(eigenvue.Inputs):
    """A token sequence and the block's sizes: model width, FFN width, heads; causal switch."""

    tokens: list[Token] = tokens_field(["The", "cat", "sat"])
    embeddingDim: Count(1, MAX_DIM) = Field(  # type: ignore[valid-type]
        default=4, description="The model width d (1 to 1,024), split evenly among the heads."
    )
    ffnDim: Count(1, MAX_FFN) = Field(  # type: ignore[valid-type]
        default=8,
        description=(
            "The hidden width d_ff of the feed-forward network (1 to 4,096; usually about 4·d)."
        ),
    )
    numHeads: Count(1, MAX_HEADS) = Field(  # type: ignore[valid-type]
        default=1,
        description=(
            "The number of attention heads h (1 to 16); it must divide embeddingDim. Each head "
            "attends on d/h of the columns of Q, K and V."
        ),
    )
    causal: StrictBool = causal_field()

    @model_validator(mode="after")
    def _heads_divide_and_fit(self) -> Inputs:
        d, h, f = self.embeddingDim, self.numHeads, self.ffnDim
        if d % h:
            raise InputError(
                "numHeads",
                f"must divide embeddingDim ({d}) evenly, so each head gets d/h dimensions; "
                f"{d} = {d // h}·{h} + {d % h}",
            )
        check_size(lambda n, d: numbers_held(n, d, h, f), len(self.tokens), d)
        return self


def numbers_held(n: int, d: int, h: int, f: int) -> float:
    """The numbers a trace holds.

    Eight n × d matrices (X, attention, residuals, norms, FFN output, output), the
    hidden layer (n × d_ff), the attention weights (n × n, and h of them when h > 1).
    """
    return 8 * n * d + n * f + (1 + (h if h > 1 else 0)) * n * n
