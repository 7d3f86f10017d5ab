"""The inputs of multi-head attention and their rules."""

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


class Inputs(HeadsInputs):
    """A token sequence, the model dimension, the number of heads, and the causal switch."""

    tokens: list[Token] = tokens_field(["The", "cat", "sat", "on"])
    embeddingDim: Count(1, MAX_DIM) = Field(  # type: ignore[valid-type]
        default=8,
        description="The model dimension d (1 to 1,024), split evenly among the heads.",
    )
    numHeads: Heads = heads_field(
        2,
        "The number of heads h (1 to 16); it must divide embeddingDim, each head working "
        "on d/h dimensions.",
    )
    causal: StrictBool = causal_field()

    def numbers_held(self, n: int, d: int) -> float:
        """The numbers a trace of n tokens at dimension d holds.

        Per head Q, K, V and its output (n × d/h), the scaled scores and weights (n × n);
        then X, the concatenation and the output (n × d).
        """
        return 2 * self.numHeads * n * n + 7 * n * d
