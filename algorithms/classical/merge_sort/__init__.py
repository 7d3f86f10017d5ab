"""Merge sort: merge sorted runs of 1, 2, 4, … values until one run holds them all."""

import eigenvue


@eigenvue.hookimpl
def register_algorithms(register):
    """Register merge sort."""
    register(
        eigenvue.Algorithm.from_package(
            __name__,
            charts=[
                ("Measured comparisons", ".frames:cost_chart"),
                ("Measured writes", ".frames:write_chart"),
            ],
        )
    )
