"""Input pieces the attention lessons share: tokens, the causal switch, heads, the size limit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from pydantic import Field, StrictStr, model_validator

import eigenvue
from eigenvue import InputError
from eigenvue.inputs import Count

#: A token: any non-empty string (it seeds its embedding row).
Token = Annotated[StrictStr, Field(min_length=1, max_length=100)]

#: Resource limit on the sequence: the score matrices are n × n.
MAX_TOKENS = 1_024
#: Resource limit on the model dimension.
MAX_DIM = 1_024
#: Each head gets its own panels and steps; beyond 16 the frames would be unreadable.
MAX_HEADS = 16
#: A number of heads.
Heads = Count(1, MAX_HEADS)
#: Resource limit on the numbers a trace holds (matrices over all steps), about 200 MB as JSON.
MAX_NUMBERS = 5_000_000


def tokens_field(default: list[str]) -> Any:
    """The ``tokens`` input: the sequence attended over."""
    return Field(
        default=default,
        min_length=1,
        max_length=MAX_TOKENS,
        description=(
            "The sequence, one string per token (1 to 1,024 tokens). Each token's embedding row "
            "is seeded by its text, so a repeated token gets the same row."
        ),
    )


def causal_field() -> Any:
    """The ``causal`` input: mask future tokens, as a decoder-only model does."""
    return Field(
        default=False,
        description=(
            "Mask the future: query i may attend only to tokens 0 … i, as in GPT-style "
            "decoders. Masked scores are left empty and get weight 0."
        ),
    )


def heads_field(default: int, description: str) -> Any:
    """The ``numHeads`` input (1 to :data:`MAX_HEADS`), described as the lesson uses its heads."""
    return Field(default=default, description=description)


def _largest(fits: Callable[[int], bool], high: int) -> int:
    """The largest k in [1, high] with ``fits(k)`` (``fits`` is monotone), 0 if none."""
    low = 0
    while low < high:
        mid = (low + high + 1) // 2
        low, high = (mid, high) if fits(mid) else (low, mid - 1)
    return low


def check_size(cost: Callable[[int, int], float], n: int, d: int) -> None:
    """Refuse, before any work, a trace of more than :data:`MAX_NUMBERS` numbers.

    ``cost(n, d)`` is the number of numbers the trace of n tokens at dimension d
    holds. The error blames the tokens when fewer would fit at this d, else the
    dimension, and says the largest size that fits.
    """
    numbers = cost(n, d)
    if numbers <= MAX_NUMBERS:
        return
    over = f"would make a trace of about {numbers:,.0f} numbers, over the limit of {MAX_NUMBERS:,}"
    if cost(1, d) <= MAX_NUMBERS:
        most = _largest(lambda k: cost(k, d) <= MAX_NUMBERS, n)
        raise InputError(
            "tokens",
            f"are too many: {n:,} tokens at embeddingDim {d} {over}; "
            f"the most that fit at this dimension is {most:,}",
        )
    most = _largest(lambda k: cost(1, k) <= MAX_NUMBERS, d)
    raise InputError(
        "embeddingDim", f"is too large: {d:,} {over}; the largest that fits is {most:,}"
    )


class HeadsInputs(eigenvue.Inputs):
    """Inputs of a model split into heads: ``numHeads`` divides ``embeddingDim``, the trace fits.

    A subclass declares the ``tokens``, ``embeddingDim`` and ``numHeads`` inputs and
    says in :meth:`numbers_held` how many numbers its trace holds.
    """

    @model_validator(mode="after")
    def _heads_divide_and_fit(self) -> Any:
        d, h = self.embeddingDim, self.numHeads
        if d % h:
            raise InputError(
                "numHeads",
                f"must divide embeddingDim ({d}) evenly, so each head gets d/h dimensions; "
                f"{d} = {d // h}·{h} + {d % h}",
            )
        check_size(self.numbers_held, len(self.tokens), d)
        return self

    def numbers_held(self, n: int, d: int) -> float:
        """The numbers a trace of n tokens at dimension d holds, with these inputs' other sizes."""
        raise NotImplementedError
