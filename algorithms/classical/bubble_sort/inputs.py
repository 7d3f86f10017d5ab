"""The inputs of bubble sort: one array, small enough for its quadratic trace."""

from __future__ import annotations

from pydantic import Field

from ..arrays import ArrayInputs, Number, trace_limit


def worst_steps(n: int) -> int:
    """The most steps an array of n items can take: a compare and a swap per pair, per pass."""
    return n * (n - 1) + n + 1


class Inputs(ArrayInputs):
    """The array to sort."""

    array: list[Number] = Field(
        default=[64, 34, 25, 12, 22, 11, 90],
        description="The values to sort ascending (finite numbers; equal values keep their order).",
    )

    rules = (trace_limit(worst_steps, lambda n: 2 * n + 5),)
