"""Quicksort: place a pivot, partition around it, and sort each side."""

import eigenvue

from ..sorting_cost import sort_charts


@eigenvue.hookimpl
def register_algorithms(register):
    """Register quicksort."""
    register(eigenvue.Algorithm.from_package(__name__, charts=sort_charts("swaps")))
