"""The inputs of 2-D convolution and their rules."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

import eigenvue
from eigenvue import InputError

#: Beyond this magnitude a sum of products could overflow float64.
MAX_MAGNITUDE = 1e150
#: Resource limit: one step per kernel position (about a second for steps()).
MAX_POSITIONS = 10_000
#: Resource limit: products over all positions, each reported once (a few hundred MB at most).
MAX_PRODUCTS = 1_000_000

Value = Annotated[float, Field(allow_inf_nan=False, ge=-MAX_MAGNITUDE, le=MAX_MAGNITUDE)]
Row = Annotated[list[Value], Field(min_length=1)]


def _check_rectangular(name: str, grid: list[list[float]]) -> None:
    width = len(grid[0])
    for i, row in enumerate(grid):
        if len(row) != width:
            raise InputError(
                f"{name}[{i}]",
                f"must have {width} values like {name}[0] (every row the same length); "
                f"got {len(row)}",
            )


class Inputs(eigenvue.Inputs):
    """A grid and a kernel to slide over it."""

    input: list[Row] = Field(
        default=[[1, 2, 3, 0], [4, 5, 6, 1], [7, 8, 9, 2], [0, 1, 2, 3]],
        min_length=1,
        description=(
            "The input grid, a list of rows of equal length. Any finite values (up to 1e150 in "
            f"size). The kernel may take at most {MAX_POSITIONS:,} positions on it (one step "
            "each), e.g. a 102×102 input with a 3×3 kernel."
        ),
    )
    kernel: list[Row] = Field(
        default=[[1, 0], [0, -1]],
        min_length=1,
        description=(
            "The kernel (filter), a list of rows of equal length, no larger than the input. "
            f"Kernel size × positions is at most {MAX_PRODUCTS:,} products."
        ),
    )

    @model_validator(mode="after")
    def _shapes_agree(self) -> Inputs:
        _check_rectangular("input", self.input)
        _check_rectangular("kernel", self.kernel)
        h, w = len(self.input), len(self.input[0])
        kh, kw = len(self.kernel), len(self.kernel[0])
        if kh > h or kw > w:
            raise InputError(
                "kernel",
                f"must fit inside the input: the kernel is {kh}×{kw}, the input {h}×{w}",
            )
        positions = (h - kh + 1) * (w - kw + 1)
        if positions > MAX_POSITIONS:
            raise InputError(
                "input",
                f"gives the {kh}×{kw} kernel {positions:,} positions, one step each; "
                f"the limit is {MAX_POSITIONS:,}",
            )
        if positions * kh * kw > MAX_PRODUCTS:
            raise InputError(
                "kernel",
                f"makes {kh * kw:,} products at each of {positions:,} positions, "
                f"{positions * kh * kw:,} in all; the limit is {MAX_PRODUCTS:,}",
            )
        return self
