"""Binary search: halve the sorted range that can still hold the target until it is found or empty."""

import eigenvue


@eigenvue.hookimpl
def register_algorithms(register):
    """Register binary search."""
    register(
        eigenvue.Algorithm.from_package(
            __name__, charts=[("Measured comparisons", ".frames:cost_chart")]
        )
    )
