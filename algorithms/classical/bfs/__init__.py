"""Breadth-first search: explore a graph level by level from a start node, with a queue."""

import eigenvue


@eigenvue.hookimpl
def register_algorithms(register):
    """Register breadth-first search."""
    register(
        eigenvue.Algorithm.from_package(__name__, charts=[("Measured cost", ".frames:cost_chart")])
    )
