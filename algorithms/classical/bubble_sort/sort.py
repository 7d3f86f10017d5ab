"""Bubble sort, one event at a time.

:func:`bubble_sort` sorts a list in place and yields an event before each
comparison and after each swap, counting both in a
:class:`~algorithms.classical.sorting_cost.Counts`. It only uses ``>`` on the
items, so it sorts anything comparable (the tests sort records to check stability).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..sorting_cost import Counts

#: Events: ("pass", p) a pass starts; ("compare", j) A[j] and A[j+1] are compared;
#: ("swap", j) they were swapped; ("placed", p, swapped) pass p has ended.
Event = tuple[Any, ...]


def bubble_sort(a: list[Any], counts: Counts) -> Iterator[Event]:
    """Sort ``a`` ascending in place, stopping after the first pass without a swap."""
    n = len(a)
    for p in range(n - 1):
        yield ("pass", p)
        swapped = False
        for j in range(n - 1 - p):
            counts.comparisons += 1
            yield ("compare", j)
            if a[j] > a[j + 1]:  # strict: equal neighbours never swap, so the sort is stable
                a[j], a[j + 1] = a[j + 1], a[j]
                counts.swaps += 1
                swapped = True
                yield ("swap", j)
        yield ("placed", p, swapped)
        if not swapped:
            return


def count(values: list[Any]) -> Counts:
    """Sort ``values`` in place and return what it cost (no trace)."""
    counts = Counts()
    for _ in bubble_sort(values, counts):
        pass
    return counts
