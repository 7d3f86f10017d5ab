"""Merge sort narrated step by step, in the Eigenvue 1.0.2 step format.

Runs :func:`.sort.merge_sort` and turns its events into steps. The array is
snapshotted after each merge; the buffer after each write (steps before the
first write of a merge share one empty buffer).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from eigenvue.step import Step
from eigenvue.text import number

from ..arrays import snapshot, sort_start, sort_trace, sorted_step
from ..sorting_cost import Counts
from .sort import merge_sort


@sort_trace("writes")
def trace(a: list[Any], counts: Counts) -> Iterator[Step]:
    """Yield the steps of merge sort on the array ``a`` of two or more values."""
    n = len(a)
    aux: list[object] = [None] * n
    empty = snapshot(aux)
    array = snapshot(a)

    yield sort_start(
        "merge sort",
        f"Treat the {n} values as {n} sorted runs of one value each, then merge "
        "neighbouring runs, doubling their length each round, through a buffer.",
        {"array": array, "auxiliary": empty, **counts.shown("writes")},
    )
    left = mid = right = 0
    for event in merge_sort(a, aux, counts):
        kind = event[0]
        if kind == "round":
            size = event[1]
            rnd = size.bit_length()
            yield Step(
                id="round_start",
                title=f"Round {rnd}: merge runs of {size}",
                explanation=(
                    f"The array is made of sorted runs of {size} value{'' if size == 1 else 's'}"
                    f" (the last may be shorter). Merge them in pairs into runs of {2 * size}."
                ),
                lines="round",
                state={
                    "array": array,
                    "auxiliary": empty,
                    "size": size,
                    "round": rnd,
                    **counts.shown("writes"),
                },
            )
        elif kind == "merge":
            _, left, mid, right = event
            yield Step(
                id="merge_start",
                title=f"Merge positions {left}–{mid} with {mid + 1}–{right}",
                explanation=(
                    f"Two sorted runs, A[{left} … {mid}] and A[{mid + 1} … {right}]: repeatedly "
                    "move the smaller front value into the buffer."
                ),
                lines="merge",
                state={
                    "array": array,
                    "auxiliary": empty,
                    "left": left,
                    "mid": mid,
                    "right": right,
                    **counts.shown("writes"),
                },
            )
        elif kind == "pick":
            _, side, i, j, k = event
            if side == "left":
                how = (
                    f"A[{i}] = {number(a[i])} ≤ A[{j}] = {number(a[j])}: the left value goes "
                    f"first{' (ties go left, which keeps the sort stable)' if a[i] == a[j] else ''}"
                )
            else:
                how = (
                    f"A[{j}] = {number(a[j])} < A[{i}] = {number(a[i])}: the right value goes first"
                )
            yield Step(
                id=f"merge_pick_{side}",
                title=f"Take {number(aux[k])} from the {side} run",
                explanation=f"{how}. It is written to buffer position {k}.",
                lines=f"pick_{side}",
                state={
                    "array": array,
                    "auxiliary": snapshot(aux),
                    "i": i,
                    "j": j,
                    "k": k,
                    "left": left,
                    "mid": mid,
                    "right": right,
                    **counts.shown("writes"),
                },
            )
        else:  # merged: the buffer's run has been copied back
            _, left, right = event
            array = snapshot(a)
            yield Step(
                id="merge_complete",
                title=f"Positions {left}–{right} merged",
                explanation=(
                    "The values left in one run are copied after the others, and the merged "
                    f"run goes back into A[{left} … {right}]: "
                    f"{', '.join(number(v) for v in a[left : right + 1][:8])}"
                    f"{' …' if right + 1 - left > 8 else ''}."
                ),
                lines="merged",
                state={
                    "array": array,
                    "auxiliary": snapshot(aux),
                    "left": left,
                    "right": right,
                    **counts.shown("writes"),
                },
            )
    yield sorted_step(
        f"One run holds all {n} values",
        counts,
        "writes",
        {"array": array, "sorted": tuple(range(n)), **counts.shown("writes")},
    )
