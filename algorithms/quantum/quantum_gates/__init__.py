"""Quantum gates and circuits: a register of qubits evolving gate by gate."""

import eigenvue


@eigenvue.hookimpl
def register_algorithms(register):
    """Register the quantum-gates lesson."""
    # The shared state-vector simulator is part of the implementation shown on the page.
    register(
        eigenvue.Algorithm.from_package(
            __name__, source_files=["trace.py", "../statevector.py", "../measurement.py"]
        )
    )
