"""Bubble sort narrated step by step, in the Eigenvue 1.0.2 step format.

Runs :func:`.sort.bubble_sort` and turns its events into steps. The array in
a step's state is a snapshot taken when it changed (after a swap); steps in
between share it, as they share the list of positions already in place.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from eigenvue.step import Step
from eigenvue.text import number

from ..arrays import snapshot, sort_start, sort_trace, sorted_step
from ..sorting_cost import Counts
from .sort import bubble_sort


@sort_trace("swaps")
def trace(a: list[Any], counts: Counts) -> Iterator[Step]:
    """Yield the steps of bubble sort on the array ``a`` of two or more values."""
    n = len(a)
    pairs = [(j, j + 1) for j in range(n - 1)]  # one tuple per pair, shared by its steps
    array = snapshot(a)
    placed: tuple[int, ...] = ()
    p = 0
    yield sort_start(
        "bubble sort",
        f"Sort {n} values by walking the array and swapping neighbours that are out of "
        "order. Each pass carries the largest remaining value to the end.",
        {"array": array, "pass": 0, "sorted": placed, **counts.shown("swaps")},
    )
    for event in bubble_sort(a, counts):
        kind = event[0]
        if kind == "pass":
            p = event[1]
            yield Step(
                id="pass_start",
                title=f"Pass {p + 1}",
                explanation=(
                    f"Pass {p + 1} walks the neighbours from position 0 to position {n - 1 - p}"
                    + (
                        f"; positions {n - p} to {n - 1} already hold their final values."
                        if p
                        else "."
                    )
                ),
                lines="pass",
                state={"array": array, "pass": p, "sorted": placed, **counts.shown("swaps")},
            )
        elif kind == "compare":
            j = event[1]
            left, right = a[j], a[j + 1]
            verdict = (
                f"{number(left)} > {number(right)}: out of order, swap them"
                if left > right
                else f"{number(left)} ≤ {number(right)}: in order, leave them"
            )
            yield Step(
                id="compare",
                title=f"Compare positions {j} and {j + 1}",
                explanation=f"Compare A[{j}] = {number(left)} with A[{j + 1}] = {number(right)}. {verdict}.",
                lines="compare",
                state={
                    "array": array,
                    "pass": p,
                    "comparing": pairs[j],
                    "sorted": placed,
                    **counts.shown("swaps"),
                },
            )
        elif kind == "swap":
            j = event[1]
            array = snapshot(a)
            yield Step(
                id="swap",
                title=f"Swap positions {j} and {j + 1}",
                explanation=(
                    f"{number(a[j + 1])} moves right and {number(a[j])} moves left "
                    f"(swap {counts.swaps})."
                ),
                lines="swap",
                state={
                    "array": array,
                    "pass": p,
                    "swapped": pairs[j],
                    "sorted": placed,
                    **counts.shown("swaps"),
                },
            )
        else:  # the pass has ended: its last position holds its final value
            _, p, swapped = event
            placed = (*placed, n - 1 - p)
            if not swapped:
                placed = (*placed, *range(n - 1 - p))
                yield Step(
                    id="early_termination",
                    title="No swaps: sorted",
                    explanation=(
                        f"Pass {p + 1} swapped nothing, so every neighbour is in order and the "
                        f"array is sorted, after {counts.comparisons} comparisons and "
                        f"{counts.swaps} swaps."
                    ),
                    lines=("placed", "stop"),
                    is_terminal=True,
                    state={"array": array, "pass": p, "sorted": placed, **counts.shown("swaps")},
                )
                return
    placed = (*placed, 0)
    yield sorted_step(
        f"After {n - 1} passes the smallest value is left in position 0",
        counts,
        "swaps",
        {"array": array, "sorted": placed, **counts.shown("swaps")},
        lines=("placed", "last"),
    )
