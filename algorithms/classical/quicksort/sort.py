"""Quicksort with Lomuto's partition (the last value of a range is its pivot), one event at a time.

Ranges wait on an explicit stack instead of the call stack: the right part is
pushed first, so the left part is sorted first, as a recursive version would.
:func:`quicksort` sorts a list in place, counting comparisons and swaps in a
:class:`~algorithms.classical.sorting_cost.Counts`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..sorting_cost import Counts

#: Events: ("pivot", low, high) a range is partitioned around A[high];
#: ("compare", low, high, i, j) A[j] is compared with the pivot (i before the comparison);
#: ("swap", low, high, i, j) A[i] and A[j] were swapped; ("placed", low, high, p) the pivot
#: is in its final place p; ("final", k) a one-item range k is in place (no step of its own).
Event = tuple[Any, ...]


def quicksort(a: list[Any], counts: Counts) -> Iterator[Event]:
    """Sort ``a`` ascending in place."""
    stack = [(0, len(a) - 1)]
    while stack:
        low, high = stack.pop()
        if low >= high:
            if low == high:
                yield ("final", low)
            continue
        yield ("pivot", low, high)
        pivot = a[high]
        i = low - 1
        for j in range(low, high):
            counts.comparisons += 1
            yield ("compare", low, high, i, j)
            if a[j] <= pivot:
                i += 1
                if i != j:
                    a[i], a[j] = a[j], a[i]
                    counts.swaps += 1
                    yield ("swap", low, high, i, j)
        p = i + 1
        if p != high:
            a[p], a[high] = a[high], a[p]
            counts.swaps += 1
        yield ("placed", low, high, p)
        if p + 1 < high:
            stack.append((p + 1, high))
        elif p + 1 == high:
            yield ("final", high)
        if low < p - 1:
            stack.append((low, p - 1))
        elif low == p - 1:
            yield ("final", low)


def count(values: list[Any]) -> Counts:
    """Sort ``values`` in place and return what it cost (no trace)."""
    counts = Counts()
    for _ in quicksort(values, counts):
        pass
    return counts
