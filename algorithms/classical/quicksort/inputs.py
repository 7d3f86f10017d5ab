"""The inputs of quicksort: one array, small enough for its (worst case) quadratic trace."""

from __future__ import annotations

from pydantic import Field

from ..arrays import ArrayInputs, Number, trace_limit


def worst_steps(n: int) -> int:
    """The most steps for n items: a partition of m items takes at most 2m steps (m ≤ n)."""
    return n * (n + 1) + 2


class Inputs(ArrayInputs):
    """The array to sort."""

    array: list[Number] = Field(
        default=[38, 27, 43, 3, 9, 82, 10],
        description="The values to sort ascending (finite numbers).",
    )

    rules = (trace_limit(worst_steps, lambda n: 2 * n + 8),)
