"""The inputs of merge sort: one array, small enough for its n log n trace of 2n-number states."""

from __future__ import annotations

import math

from pydantic import Field

from ..arrays import ArrayInputs, Number, trace_limit


def worst_steps(n: int) -> int:
    """The most steps for n items: per round, a start, and per merge a start, picks and an end."""
    rounds = math.ceil(math.log2(n)) if n > 1 else 0
    return 2 + rounds * (1 + 2 * n)


class Inputs(ArrayInputs):
    """The array to sort."""

    array: list[Number] = Field(
        default=[38, 27, 43, 3, 9, 82, 10],
        description="The values to sort ascending (finite numbers; equal values keep their order).",
    )

    rules = (trace_limit(worst_steps, lambda n: 2 * n + 10),)
