"""Depth-first search: follow one path as deep as it goes, then back up, with a stack."""

import eigenvue


@eigenvue.hookimpl
def register_algorithms(register):
    """Register depth-first search."""
    register(
        eigenvue.Algorithm.from_package(__name__, charts=[("Measured cost", ".frames:cost_chart")])
    )
