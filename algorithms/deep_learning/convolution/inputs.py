"""The inputs of 2-D convolution and their rules."""

from __future__ import annotations

from math import isqrt

from pydantic import Field

import eigenvue
from eigenvue import InputError
from eigenvue.inputs import Limit, Matrix

#: Resource limit: one step per kernel position (about a second for steps()).
MAX_POSITIONS = 10_000
#: Resource limit: products over all positions, each reported once (a few hundred MB at most).
MAX_PRODUCTS = 1_000_000
#: Values up to 1e150 in size: a sum of their products stays finite in float64.
Grid = Matrix(-1e150, 1e150)


def _shapes(inputs: Inputs) -> tuple[int, int, int, int]:
    return len(inputs.input), len(inputs.input[0]), len(inputs.kernel), len(inputs.kernel[0])


def _positions(inputs: Inputs) -> int:
    h, w, kh, kw = _shapes(inputs)
    return (h - kh + 1) * (w - kw + 1)


def _kernel_fits(inputs: Inputs) -> None:
    h, w, kh, kw = _shapes(inputs)
    if kh > h or kw > w:
        raise InputError(
            "kernel", f"must fit inside the input: the kernel is {kh}×{kw}, the input {h}×{w}"
        )


def _largest_input(inputs: Inputs) -> str:
    _, _, kh, kw = _shapes(inputs)
    side = isqrt(MAX_POSITIONS)
    return f"a {side + kh - 1}×{side + kw - 1} input for this {kh}×{kw} kernel"


class Inputs(eigenvue.Inputs):
    """A grid and a kernel to slide over it."""

    input: Grid = Field(
        default=[[1, 2, 3, 0], [4, 5, 6, 1], [7, 8, 9, 2], [0, 1, 2, 3]],
        description=(
            "The input grid, a list of rows of equal length. Any finite values (up to 1e150 in "
            f"size). The kernel may take at most {MAX_POSITIONS:,} positions on it (one step "
            "each), e.g. a 102×102 input with a 3×3 kernel."
        ),
    )
    kernel: Grid = Field(
        default=[[1, 0], [0, -1]],
        description=(
            "The kernel (filter), a list of rows of equal length, no larger than the input. "
            f"Kernel size × positions is at most {MAX_PRODUCTS:,} products."
        ),
    )

    rules = (
        _kernel_fits,
        Limit(
            input="input",
            cost=_positions,
            limit=MAX_POSITIONS,
            largest=_largest_input,
            unit="kernel positions (one step each)",
        ),
        Limit(
            input="kernel",
            cost=lambda inputs: _positions(inputs) * len(inputs.kernel) * len(inputs.kernel[0]),
            limit=MAX_PRODUCTS,
            largest=lambda inputs: f"{MAX_PRODUCTS // _positions(inputs):,} kernel cells",
            unit="products",
        ),
    )
