"""Bottom-up merge sort, one event at a time.

Runs of 1, 2, 4, … values are merged pairwise through a buffer until one run
holds the whole array. :func:`merge_sort` sorts a list in place (using a
buffer of the same length), counting comparisons and element writes — to
the buffer and back — in a :class:`~algorithms.classical.sorting_cost.Counts`.
It only uses ``<=`` on the items, taking from the left run on ties, so it is stable.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..sorting_cost import Counts

#: Events: ("round", size) runs of ``size`` start merging; ("merge", left, mid, right) the runs
#: A[left … mid] and A[mid + 1 … right] start merging into the (empty) buffer ``aux``;
#: ("pick", side, i, j, k) aux[k] was written from A[i] (side "left") or A[j] ("right");
#: ("merged", left, right) the rest was copied and aux[left … right] copied back into A.
Event = tuple[Any, ...]


def merge_sort(a: list[Any], aux: list[Any], counts: Counts) -> Iterator[Event]:
    """Sort ``a`` ascending in place through ``aux``, a buffer of ``None`` as long as ``a``.

    Between merges the buffer is all ``None`` again, so during a merge it holds
    that merge's values only.
    """
    n = len(a)
    size = 1
    while size < n:
        yield ("round", size)
        for left in range(0, n, 2 * size):
            mid = min(left + size - 1, n - 1)
            right = min(left + 2 * size - 1, n - 1)
            if mid >= right:
                continue  # a lone run at the end: nothing to merge it with this round
            yield ("merge", left, mid, right)
            i, j, k = left, mid + 1, left
            while i <= mid and j <= right:
                counts.comparisons += 1
                counts.writes += 1
                if a[i] <= a[j]:  # ties go left: equal values keep their order
                    aux[k] = a[i]
                    yield ("pick", "left", i, j, k)
                    i += 1
                else:
                    aux[k] = a[j]
                    yield ("pick", "right", i, j, k)
                    j += 1
                k += 1
            rest = a[i : mid + 1] + a[j : right + 1]
            aux[k : right + 1] = rest
            a[left : right + 1] = aux[left : right + 1]
            counts.writes += len(rest) + (right + 1 - left)
            yield ("merged", left, right)
            aux[left : right + 1] = [None] * (right + 1 - left)  # cleared for the next merge
        size *= 2


def count(values: list[Any]) -> Counts:
    """Sort ``values`` in place and return what it cost (no trace)."""
    counts = Counts()
    for _ in merge_sort(values, [None] * len(values), counts):
        pass
    return counts
