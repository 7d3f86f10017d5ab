"""Quantum teleportation: moving a qubit's state with a Bell pair and two classical bits."""

import eigenvue


@eigenvue.hookimpl
def register_algorithms(register):
    """Register the teleportation lesson."""
    register(eigenvue.Algorithm.from_package(__name__))
