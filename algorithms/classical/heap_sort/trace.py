"""Heap sort narrated step by step, in the Eigenvue 1.0.2 step format.

Runs :func:`.sort.heap_sort` and turns its events into steps. Every step has
the same state keys; the array is snapshotted when it changes and the
sorted suffix when it grows.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from eigenvue.step import Step
from eigenvue.text import number

from ..arrays import nothing_to_sort, snapshot, sort_start, sorted_step
from ..sorting_cost import Counts
from .inputs import Inputs
from .sort import heap_sort


def _child(a: list[Any], index: int | None, size: int) -> str:
    return f"A[{index}] = {number(a[index])}" if index is not None and index < size else ""


def _compare_lines(right: int | None, largest: int, node: int, left_won: bool) -> tuple[str, ...]:
    """The sift-down lines that ran: both child tests as far as they went, and the stop."""
    lines = ["sift_compare"]
    if left_won:
        lines.append("sift_take_left")
    if right is not None:
        lines.append("sift_right_child")
        if largest == right:
            lines.append("sift_take_right")
    if largest == node:
        lines.append("sift_stop")
    return tuple(lines)


def trace(inputs: Inputs) -> Iterator[Step]:
    """Yield the steps of heap sort on ``inputs.array``."""
    a = list(inputs.array)
    n = len(a)
    counts = Counts()
    pointers = {"node": None, "left": None, "right": None, "largest": None}

    def state(array: Any, size: int, stage: str, suffix: tuple[int, ...], **at: Any) -> dict:
        return {
            "array": array,
            "heapSize": size,
            "phase": stage,
            "sortedSuffix": suffix,
            **pointers,
            **at,
            **counts.shown("swaps"),
        }

    if n <= 1:
        everything = state(snapshot(a), n, "done", tuple(range(n)))
        yield nothing_to_sort(n, everything, id="sorted", lines=("start", "done"), phase="result")
        return

    array = snapshot(a)
    size, stage, suffix = n, "build", ()
    yield sort_start(
        "heap sort",
        f"Read the {n} values as a binary tree: position i has children 2i + 1 and 2i + 2. "
        "First make it a max-heap, where every parent is ≥ its children.",
        state(array, size, stage, suffix),
        phase="initialization",
    )
    yield Step(
        id="heapify_start",
        title="Build the max-heap",
        explanation=(
            f"Sift down every parent, from the last one, position {n // 2 - 1}, back to the "
            "root: leaves are heaps of one value already."
        ),
        phase="build",
        lines="build",
        state=state(array, size, stage, suffix),
    )
    phase = "build"
    for event in heap_sort(a, counts):
        kind = event[0]
        if kind == "heapify":
            i = event[1]
            yield Step(
                id="heapify_node",
                title=f"Sift down position {i}",
                explanation=(
                    f"Below position {i} both subtrees are heaps already; sift "
                    f"A[{i}] = {number(a[i])} down until it is ≥ its children."
                ),
                phase=phase,
                lines="heapify",
                state=state(array, size, stage, suffix, node=i),
            )
        elif kind == "compare":
            _, node, left, right, largest, left_won = event
            children = " and ".join(c for c in (_child(a, left, size), _child(a, right, size)) if c)
            verdict = (
                f"the parent A[{node}] = {number(a[node])} is the largest: it stays, the "
                "sift-down stops"
                if largest == node
                else f"the largest is A[{largest}] = {number(a[largest])}: swap it up"
            )
            yield Step(
                id="siftdown_compare",
                title=f"Compare position {node} with its children",
                explanation=f"Children {children}; {verdict}.",
                phase=phase,
                lines=_compare_lines(right, largest, node, left_won),
                state=state(
                    array, size, stage, suffix, node=node, left=left, right=right, largest=largest
                ),
            )
        elif kind == "swap":
            _, node, largest = event
            array = snapshot(a)
            yield Step(
                id="siftdown_swap",
                title=f"Swap positions {node} and {largest}",
                explanation=(
                    f"{number(a[node])} moves up to position {node}; {number(a[largest])} "
                    f"moves down to position {largest} and keeps sifting."
                ),
                phase=phase,
                lines="sift_swap",
                state=state(array, size, stage, suffix, node=node, largest=largest),
            )
        elif kind == "built":
            yield Step(
                id="heap_built",
                title="The array is a max-heap",
                explanation=(
                    f"Every parent is ≥ its children, so the root A[0] = {number(a[0])} is the "
                    "maximum. Now move it to the end, again and again."
                ),
                phase="build",
                lines="built",
                state=state(array, size, stage, suffix),
            )
            phase = stage = "extract"
        elif kind == "extract":
            last = event[1]
            array = snapshot(a)
            yield Step(
                id="extract_swap",
                title=f"Move the maximum {number(a[last])} to position {last}",
                explanation=(
                    f"Swap the root, the largest value in the heap, with the heap's last value "
                    f"A[{last}]: {number(a[last])} is now in its final place."
                ),
                phase=phase,
                lines="extract",
                state=state(array, size, stage, suffix, node=0, largest=last),
            )
        elif kind == "shrink":
            size = event[1]
            suffix = tuple(range(size, n))
            yield Step(
                id="extract_shrink",
                title=f"The heap shrinks to {size}",
                explanation=(
                    f"Positions {size} to {n - 1} hold the {n - size} largest values in order; "
                    f"the heap is A[0 … {size - 1}]."
                ),
                phase=phase,
                lines="shrink",
                state=state(array, size, stage, suffix),
            )
        else:  # root: the value swapped to the root sifts down
            yield Step(
                id="extract_siftdown",
                title="Repair the heap from the root",
                explanation=(
                    f"The new root A[0] = {number(a[0])} may be smaller than its children; "
                    "sift it down."
                    if size > 1
                    else "A heap of one value needs no repair."
                ),
                phase=phase,
                lines="root",
                state=state(array, size, stage, suffix, node=0),
            )
    yield sorted_step(
        "The heap is down to one value, the smallest",
        counts,
        "swaps",
        state(array, 0, "done", tuple(range(n))),
        id="sorted",
        phase="result",
    )
