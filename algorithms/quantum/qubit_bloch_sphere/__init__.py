"""Qubit states on the Bloch sphere: a sequence of one-qubit states and where each one points."""

import eigenvue


@eigenvue.hookimpl
def register_algorithms(register):
    """Register the Bloch-sphere lesson."""
    register(eigenvue.Algorithm.from_package(__name__))
