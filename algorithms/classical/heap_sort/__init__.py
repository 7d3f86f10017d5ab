"""Heap sort: build a max-heap in the array, then move its maximum to the end, again and again."""

import eigenvue

from ..sorting_cost import sort_charts


@eigenvue.hookimpl
def register_algorithms(register):
    """Register heap sort."""
    register(eigenvue.Algorithm.from_package(__name__, charts=sort_charts("swaps")))
