"""Bubble sort: swap neighbours that are out of order until a pass swaps nothing."""

import eigenvue

from ..sorting_cost import sort_charts


@eigenvue.hookimpl
def register_algorithms(register):
    """Register bubble sort."""
    register(eigenvue.Algorithm.from_package(__name__, charts=sort_charts("swaps")))
