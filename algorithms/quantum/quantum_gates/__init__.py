"""Quantum gates and circuits: a register of qubits evolving gate by gate."""

import eigenvue


@eigenvue.hookimpl
def register_algorithms(register):
    """Register the quantum-gates lesson."""
    register(eigenvue.Algorithm.from_package(__name__))
