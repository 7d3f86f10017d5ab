"""Binary search narrated step by step, in the Eigenvue 1.0.2 step format.

Runs :func:`.search.binary_search` and turns its events into steps; every step
shares one snapshot of the array, which never changes.
"""

from __future__ import annotations

from collections.abc import Iterator

from eigenvue.step import Step
from eigenvue.text import number

from ..arrays import snapshot
from ..sorting_cost import Counts
from .inputs import Inputs
from .search import binary_search


def trace(inputs: Inputs) -> Iterator[Step]:
    """Yield the steps of binary search for ``inputs.target`` in ``inputs.array``."""
    a = list(inputs.array)
    target = inputs.target
    n = len(a)
    counts = Counts()
    array = snapshot(a)
    t = number(target)

    def state(left: int, right: int, **more: object) -> dict:
        return {
            "array": array,
            "target": target,
            "left": left,
            "right": right,
            **more,
            "comparisons": counts.comparisons,
        }

    yield Step(
        id="initialize",
        title=f"Search for {t}",
        explanation=(
            f"The target {t} can be anywhere in the sorted array: the range is positions "
            f"0 to {n - 1}."
            if n
            else f"The array is empty, so {t} cannot be in it."
        ),
        phase="initialization",
        lines="start",
        state=state(0, n - 1, result=None),
    )
    for event in binary_search(a, target, counts):
        kind = event[0]
        if kind == "mid":
            _, left, right, mid = event
            yield Step(
                id="calculate_mid",
                title=f"Probe the middle, position {mid}",
                explanation=(
                    f"{right - left + 1} position{'' if right == left else 's'} left "
                    f"({left} to {right}); the middle one is ⌊({left} + {right}) / 2⌋ = {mid}, "
                    f"holding {number(a[mid])}."
                ),
                phase="search",
                lines="mid",
                state=state(left, right, mid=mid, result=None),
            )
        elif kind == "found":
            _, left, right, mid = event
            yield Step(
                id="found",
                title=f"Found {t} at position {mid}",
                explanation=(
                    f"A[{mid}] = {number(a[mid])} equals the target: found after "
                    f"{counts.comparisons} comparisons."
                ),
                phase="result",
                lines="found",
                is_terminal=True,
                state=state(left, right, mid=mid, result=mid),
                visual_actions=[{"type": "markFound", "index": mid}],
            )
        elif kind in ("right", "left"):
            _, left, right, mid = event
            if kind == "right":
                why = f"A[{mid}] = {number(a[mid])} < {t}, so the target can only be to the right"
                now = f"left moves to {left}"
            else:
                why = f"A[{mid}] = {number(a[mid])} > {t}, so the target can only be to the left"
                now = f"right moves to {right}"
            yield Step(
                id=f"search_{kind}",
                title=f"Search the {kind} half",
                explanation=(
                    f"{why}: {now}, leaving {max(right - left + 1, 0)} position"
                    f"{'' if right - left + 1 == 1 else 's'}."
                ),
                phase="search",
                lines=f"go_{kind}",
                state=state(left, right, mid=mid, result=None),
            )
        else:  # absent: the range is empty
            _, left, right = event
            yield Step(
                id="not_found",
                title=f"{t} is not in the array",
                explanation=(
                    f"The range is empty (left = {left} > right = {right}): {t} is not in the "
                    f"array; it would belong at position {left}. {counts.comparisons} "
                    "comparisons."
                ),
                phase="result",
                lines="absent",
                is_terminal=True,
                state=state(left, right, result=-1),
                visual_actions=[{"type": "markNotFound"}],
            )
