"""Merge sort: merge sorted runs of 1, 2, 4, … values until one run holds them all."""

import eigenvue

from ..sorting_cost import sort_charts


@eigenvue.hookimpl
def register_algorithms(register):
    """Register merge sort."""
    register(eigenvue.Algorithm.from_package(__name__, charts=sort_charts("writes")))
