"""The convolution trace: the kernel visits every position in reading order.

Runs :mod:`.sliding` and records each position in the Eigenvue 1.0.2 step
format. The output grid is held as a list of rows so that rows that did not
change (finished rows, rows not yet reached) are shared between steps, and a
trace over a large grid stays small.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from eigenvue.step import Step
from eigenvue.text import number, short_vector

from . import sliding
from .inputs import Inputs

#: Up to this many terms the explanation writes out the whole sum.
TERMS_SHOWN = 9


def _factor(value: float) -> str:
    """A factor of a product, in parentheses when negative: ``(−1)``."""
    return f"({number(value)})" if value < 0 else number(value)


def _sum_text(window: np.ndarray, kernel: np.ndarray, total: float) -> str:
    """``1·1 + 2·0 + 4·0 + 5·(−1) = −4``, shortened for large kernels."""
    count = window.size
    shown = count if count <= TERMS_SHOWN else 3
    terms = [f"{_factor(a)}·{_factor(b)}" for a, b in zip(window.flat[:shown], kernel.flat[:shown])]
    if shown < count:
        terms.append(f"… ({count:,} products in all)")
    return f"{' + '.join(terms)} = {number(total, 6)}"


def _span(name: str, first: int, count: int) -> str:
    """``rows 1–2``, or ``row 1`` when the kernel is one cell high."""
    return f"{name} {first}" if count == 1 else f"{name}s {first}–{first + count - 1}"


def _grid_text(grid: np.ndarray, limit: int = 25) -> str:
    """The rows of a small grid, ``[[-4, -4, 2], …]``; only the shape of a large one."""
    if grid.size > limit:
        return f"a {grid.shape[0]}×{grid.shape[1]} grid"
    return "[" + ", ".join(short_vector(row, limit) for row in grid) + "]"


def trace(inputs: Inputs) -> Iterator[Step]:
    """Yield the set-up, one step per kernel position, and the finished output."""
    grid = np.asarray(inputs.input, dtype=float)
    kernel = np.asarray(inputs.kernel, dtype=float)
    (h, w), (kh, kw) = grid.shape, kernel.shape
    out_h, out_w = sliding.output_shape(grid.shape, kernel.shape)
    output, products = sliding.cross_correlate(grid, kernel)

    # Rows of the output as the steps report it: untouched rows are one shared row of zeros,
    # finished rows are shared views of the result; only the row being filled is new per step.
    empty_row = np.zeros(out_w)
    finished_rows = list(output)

    yield Step(
        id="show-input",
        title="The input and the kernel",
        explanation=(
            f"The {h}×{w} input and the {kh}×{kw} kernel. Placed without overhanging the "
            f"edges, the kernel fits in {out_h} × {out_w} positions, so the output is "
            f"{out_h}×{out_w}. It starts at zero and fills in one cell per position, in "
            "reading order."
        ),
        phase="initialization",
        lines="setup",
        state={
            "inputGrid": grid,
            "kernel": kernel,
            "outputGrid": [empty_row] * out_h,
            "outputHeight": out_h,
            "outputWidth": out_w,
        },
        visual_actions=[{"type": "showGrid", "rows": h, "cols": w}],
    )

    for r in range(out_h):
        for c in range(out_w):
            filling = np.zeros(out_w)
            filling[: c + 1] = output[r, : c + 1]
            rows = finished_rows[:r] + [filling] + [empty_row] * (out_h - r - 1)
            total = float(output[r, c])
            window = grid[r : r + kh, c : c + kw]
            yield Step(
                id=f"conv-{r}-{c}",
                title=f"Kernel at row {r}, column {c}",
                explanation=(
                    f"The kernel covers input {_span('row', r, kh)} and {_span('column', c, kw)}. "
                    "Each value under it is multiplied by the kernel weight "
                    f"on top of it, and the products are added: "
                    f"{_sum_text(window, kernel, total)}. That sum is output[{r}][{c}]."
                ),
                phase="convolution",
                lines="position",
                state={
                    "inputGrid": grid,
                    "kernel": kernel,
                    "outputGrid": rows,
                    "currentRow": r,
                    "currentCol": c,
                    "products": products[r, c],
                    "sum": total,
                },
                visual_actions=[
                    {"type": "highlightWindow", "row": r, "col": c, "height": kh, "width": kw},
                    {"type": "setOutput", "row": r, "col": c, "value": total},
                ],
            )

    yield Step(
        id="complete",
        title="The feature map is complete",
        explanation=(
            f"The kernel has visited all {out_h * out_w} positions. The output, or feature "
            f"map, is {_grid_text(output)}, with values from {number(output.min())} to "
            f"{number(output.max())}. Each value says how well the patch under the kernel matched "
            "the kernel's pattern: the larger, the closer the match; a negative value marks "
            "the opposite pattern."
        ),
        phase="complete",
        lines="done",
        is_terminal=True,
        state={
            "inputGrid": grid,
            "kernel": kernel,
            "outputGrid": finished_rows,
            "outputHeight": out_h,
            "outputWidth": out_w,
        },
        visual_actions=[{"type": "showMessage", "text": "Convolution complete"}],
    )
