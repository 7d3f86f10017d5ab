"""Binary search, one event at a time.

:func:`binary_search` looks for ``target`` in a list sorted ascending, halving
the range ``left … right`` that can still hold it, and counts the comparisons
of a value with the target in a :class:`~algorithms.classical.sorting_cost.Counts`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..sorting_cost import Counts

#: Events: ("mid", left, right, mid) the middle of the range is probed; ("found", mid);
#: ("right", left, right, mid) the target can only be right of mid (left moved);
#: ("left", left, right, mid) it can only be left of mid (right moved); ("absent", left, right).
Event = tuple[Any, ...]


def binary_search(a: list[Any], target: Any, counts: Counts) -> Iterator[Event]:
    """Search the sorted list ``a`` for ``target``; the last event says where it is, if anywhere."""
    left, right = 0, len(a) - 1
    while left <= right:
        mid = (left + right) // 2
        yield ("mid", left, right, mid)
        counts.comparisons += 1
        if a[mid] == target:
            yield ("found", left, right, mid)
            return
        counts.comparisons += 1
        if a[mid] < target:
            left = mid + 1
            yield ("right", left, right, mid)
        else:
            right = mid - 1
            yield ("left", left, right, mid)
    yield ("absent", left, right)


def count(values: list[Any], target: Any) -> Counts:
    """Search without a trace and return what it cost."""
    counts = Counts()
    for _ in binary_search(values, target, counts):
        pass
    return counts
