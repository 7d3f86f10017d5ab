"""Heap sort's comparisons and swaps, measured for n = 8 … 1,024 (random, sorted, reversed)."""

from functools import cache

from ..sorting_cost import Measurement, measure
from .sort import count


@cache
def measured() -> Measurement:
    """The counts of :func:`.sort.count` on the seeded inputs of :mod:`..sorting_cost`."""
    return measure(count)
