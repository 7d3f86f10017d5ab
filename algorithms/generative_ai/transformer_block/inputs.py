"""The inputs of the transformer block and their rules."""

from __future__ import annotations

from pydantic import Field, StrictBool

from eigenvue.inputs import Count

from ..attention_inputs import (
    MAX_DIM,
    Heads,
    HeadsInputs,
    Token,
    causal_field,
    heads_field,
    tokens_field,
)

#: Resource limit on the feed-forward network's hidden width.
MAX_FFN = 4_096


class Inputs(HeadsInputs):
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
    numHeads: Heads = heads_field(
        1,
        "The number of attention heads h (1 to 16); it must divide embeddingDim. Each head "
        "attends on d/h of the columns of Q, K and V.",
    )
    causal: StrictBool = causal_field()

    def numbers_held(self, n: int, d: int) -> float:
        """The numbers a trace of n tokens at width d holds.

        Eight n × d matrices (X, attention, residuals, norms, FFN output, output), the
        hidden layer (n × d_ff), the attention weights (n × n, and h of them when h > 1).
        """
        h = self.numHeads
        return 8 * n * d + n * self.ffnDim + (1 + (h if h > 1 else 0)) * n * n
