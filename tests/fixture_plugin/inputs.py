"""The running sum's inputs: the numbers and the total to start from."""

from __future__ import annotations

from pydantic import Field

import eigenvue
from eigenvue.inputs import Bounded

Number = Bounded(-1e6, 1e6)


class Inputs(eigenvue.Inputs):
    """Numbers to add one by one to a starting total."""

    values: list[Number] = Field(
        default=[3, 1, 2],
        min_length=1,
        max_length=1000,
        description="The numbers to add, 1 to 1,000 of them, each within ±1,000,000.",
    )
    start: Number = Field(default=0.0, description="The total before the first number is added.")
