"""The inputs of heap sort: one array, small enough for its n log n trace of 2n-number states."""

from __future__ import annotations

import math

from pydantic import Field

from ..arrays import ArrayInputs, Number, trace_limit


def worst_steps(n: int) -> int:
    """The most steps for n items: per sift-down at most two steps per level of the heap."""
    depth = math.floor(math.log2(n)) if n > 1 else 0
    return 4 + (n // 2) * (1 + 2 * depth) + (n - 1) * (3 + 2 * depth)


class Inputs(ArrayInputs):
    """The array to sort."""

    array: list[Number] = Field(
        default=[3, 1, 4, 1, 5, 9, 2, 6],
        description="The values to sort ascending (finite numbers).",
    )

    rules = (trace_limit(worst_steps, lambda n: 2 * n + 10),)
