"""Heap sort: build a max-heap in the array, then move its maximum to the end, again and again."""

import eigenvue


@eigenvue.hookimpl
def register_algorithms(register):
    """Register heap sort."""
    register(
        eigenvue.Algorithm.from_package(
            __name__,
            charts=[
                ("Measured comparisons", ".frames:cost_chart"),
                ("Measured swaps", ".frames:swap_chart"),
            ],
        )
    )
