"""Dijkstra's algorithm: shortest distances from one node over non-negative edge weights."""

import eigenvue


@eigenvue.hookimpl
def register_algorithms(register):
    """Register Dijkstra's shortest-path algorithm."""
    register(
        eigenvue.Algorithm.from_package(__name__, charts=[("Measured cost", ".frames:cost_chart")])
    )
