"""The inputs of binary search: a sorted array and the value to look for."""

from __future__ import annotations

from pydantic import Field, model_validator

from eigenvue import InputError
from eigenvue.text import number

from ..arrays import ArrayInputs, Number, trace_limit


def worst_steps(n: int) -> int:
    """The most steps for n items: two per probe, at most ⌊log₂ n⌋ + 1 probes, and two more."""
    return 2 * n.bit_length() + 2


class Inputs(ArrayInputs):
    """A sorted array and a target."""

    array: list[Number] = Field(
        default=[1, 3, 5, 7, 9, 11, 13, 15, 17, 19],
        description="The values to search, sorted ascending (equal neighbours allowed).",
    )
    target: Number = Field(default=13, description="The value to look for.")

    rules = (trace_limit(worst_steps, lambda n: n + 8),)

    @model_validator(mode="after")
    def _sorted_ascending(self) -> Inputs:
        a = self.array
        bad = next((i for i in range(1, len(a)) if a[i] < a[i - 1]), None)
        if bad is not None:
            raise InputError(
                "array",
                f"must be sorted ascending, for binary search to be right: array[{bad}] = "
                f"{number(a[bad])} comes after array[{bad - 1}] = {number(a[bad - 1])}",
            )
        return self
