"""Heap sort with a max-heap stored in the array itself, one event at a time.

The children of position i are 2i + 1 and 2i + 2. :func:`heap_sort` first
turns the array into a max-heap (sifting down every parent, last first), then
repeatedly swaps the maximum A[0] to the end of the heap, shrinks the heap
by one and sifts the new root down. It counts comparisons and swaps in a
:class:`~algorithms.classical.sorting_cost.Counts` and only uses ``>``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..sorting_cost import Counts

#: Events: ("heapify", i) the build sifts down parent i; ("compare", node, left, right, largest,
#: left_won) a node met its children (right is None outside the heap; left_won: the left child
#: beat the parent, whatever the right one did); ("swap", node, largest) they were
#: swapped; ("built",) the array is a max-heap; ("extract", last) A[0] and A[last] were
#: swapped; ("shrink", size) the heap now holds ``size`` values; ("root",) the root sifts down.
Event = tuple[Any, ...]


def sift_down(a: list[Any], node: int, size: int, counts: Counts) -> Iterator[Event]:
    """Move A[node] down the heap A[0 … size − 1] until it is ≥ both its children."""
    while 2 * node + 1 < size:
        left, right = 2 * node + 1, 2 * node + 2
        largest = node
        counts.comparisons += 1
        left_won = a[left] > a[largest]  # strict: on ties the parent, then the left child, wins
        if left_won:
            largest = left
        if right < size:
            counts.comparisons += 1
            if a[right] > a[largest]:
                largest = right
        yield ("compare", node, left, right if right < size else None, largest, left_won)
        if largest == node:
            return
        a[node], a[largest] = a[largest], a[node]
        counts.swaps += 1
        yield ("swap", node, largest)
        node = largest


def heap_sort(a: list[Any], counts: Counts) -> Iterator[Event]:
    """Sort ``a`` ascending in place."""
    n = len(a)
    for i in range(n // 2 - 1, -1, -1):
        yield ("heapify", i)
        yield from sift_down(a, i, n, counts)
    yield ("built",)
    for last in range(n - 1, 0, -1):
        a[0], a[last] = a[last], a[0]
        counts.swaps += 1
        yield ("extract", last)
        yield ("shrink", last)
        yield ("root",)
        yield from sift_down(a, 0, last, counts)


def count(values: list[Any]) -> Counts:
    """Sort ``values`` in place and return what it cost (no trace)."""
    counts = Counts()
    for _ in heap_sort(values, counts):
        pass
    return counts
