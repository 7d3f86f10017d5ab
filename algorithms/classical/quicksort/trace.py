"""Quicksort narrated step by step, in the Eigenvue 1.0.2 step format.

Runs :func:`.sort.quicksort` and turns its events into steps. The array is
snapshotted when it changes; the positions known to be final are kept as an
ascending tuple, rebuilt only when one is added.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from eigenvue.step import Step
from eigenvue.text import number

from ..arrays import snapshot, sort_start, sort_trace, sorted_step
from ..sorting_cost import Counts
from .sort import quicksort


@sort_trace("swaps")
def trace(a: list[Any], counts: Counts) -> Iterator[Step]:
    """Yield the steps of quicksort on the array ``a`` of two or more values."""
    n = len(a)
    array = snapshot(a)
    final: set[int] = set()
    done: tuple[int, ...] = ()

    yield sort_start(
        "quicksort",
        f"Sort {n} values: pick the last value of a range as the pivot, move the values "
        "≤ pivot to its left and the larger ones to its right, then sort both sides.",
        {"array": array, "sorted": done, **counts.shown("swaps")},
    )
    for event in quicksort(a, counts):
        kind = event[0]
        if kind == "final":
            final.add(event[1])
            done = tuple(sorted(final))
            continue
        low, high = event[1], event[2]
        pivot = a[high] if kind != "placed" else None
        if kind == "pivot":
            yield Step(
                id="select_pivot",
                title=f"Partition positions {low} to {high}",
                explanation=(
                    f"The pivot is the last value of the range, A[{high}] = {number(pivot)}. "
                    f"Every value in positions {low} to {high - 1} will be compared with it."
                ),
                lines="pivot",
                state={
                    "array": array,
                    "low": low,
                    "high": high,
                    "pivot": pivot,
                    "sorted": done,
                    **counts.shown("swaps"),
                },
            )
        elif kind == "compare":
            i, j = event[3], event[4]
            value = a[j]
            verdict = (
                f"{number(value)} ≤ {number(pivot)}: it belongs to the left part"
                if value <= pivot
                else f"{number(value)} > {number(pivot)}: it stays in the right part"
            )
            yield Step(
                id="partition_compare",
                title=f"Compare A[{j}] with the pivot",
                explanation=(
                    f"A[{j}] = {number(value)} against the pivot {number(pivot)}: {verdict}. "
                    f"The left part ends at i = {i}."
                ),
                # A value ≤ pivot right after the left part joins it without a swap step.
                lines=("compare", "grow") if value <= pivot and i + 1 == j else "compare",
                state={
                    "array": array,
                    "low": low,
                    "high": high,
                    "pivot": pivot,
                    "i": i,
                    "j": j,
                    "sorted": done,
                    **counts.shown("swaps"),
                },
            )
        elif kind == "swap":
            i, j = event[3], event[4]
            array = snapshot(a)
            yield Step(
                id="partition_swap",
                title=f"Swap A[{i}] and A[{j}]",
                explanation=(
                    f"The left part grows to i = {i}: {number(a[i])} moves into it, swapping "
                    f"places with {number(a[j])}."
                ),
                lines="swap",
                state={
                    "array": array,
                    "low": low,
                    "high": high,
                    "pivot": a[high],
                    "i": i,
                    "j": j,
                    "sorted": done,
                    **counts.shown("swaps"),
                },
            )
        else:  # the pivot has moved between the two parts, into its final place
            p = event[3]
            array = snapshot(a)
            final.add(p)
            done = tuple(sorted(final))
            yield Step(
                id="pivot_placed",
                title=f"Pivot {number(a[p])} is in place",
                explanation=(
                    f"Swap the pivot into position {p}: the {p - low} value"
                    f"{'' if p - low == 1 else 's'} to its left are ≤ {number(a[p])}, the "
                    f"{high - p} to its right are larger, so position {p} is final."
                ),
                lines=(
                    "place",
                    *(["push_right"] if p + 1 < high else []),
                    *(["push_left"] if low < p - 1 else []),
                ),
                state={
                    "array": array,
                    "low": low,
                    "high": high,
                    "pivotIdx": p,
                    "sorted": done,
                    **counts.shown("swaps"),
                },
            )
    yield sorted_step(
        "No range is left to partition",
        counts,
        "swaps",
        {"array": array, "sorted": tuple(range(n)), **counts.shown("swaps")},
    )
