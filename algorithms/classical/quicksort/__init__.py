"""Quicksort: place a pivot, partition around it, and sort each side."""

import eigenvue


@eigenvue.hookimpl
def register_algorithms(register):
    """Register quicksort."""
    register(
        eigenvue.Algorithm.from_package(
            __name__,
            charts=[
                ("Measured comparisons", ".frames:cost_chart"),
                ("Measured swaps", ".frames:swap_chart"),
            ],
        )
    )
