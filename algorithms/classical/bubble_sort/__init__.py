"""Bubble sort: swap neighbours that are out of order until a pass swaps nothing."""

import eigenvue


@eigenvue.hookimpl
def register_algorithms(register):
    """Register bubble sort."""
    register(
        eigenvue.Algorithm.from_package(
            __name__,
            charts=[
                ("Measured comparisons", ".frames:cost_chart"),
                ("Measured swaps", ".frames:swap_chart"),
            ],
        )
    )
