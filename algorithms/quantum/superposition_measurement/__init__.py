"""Superposition and measurement: prepare a state, then measure qubits one at a time."""

import eigenvue


@eigenvue.hookimpl
def register_algorithms(register):
    """Register the superposition-and-measurement lesson."""
    register(eigenvue.Algorithm.from_package(__name__))
