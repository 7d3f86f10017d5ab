"""Superposition and measurement: prepare a state, then measure qubits one at a time."""

import eigenvue


@eigenvue.hookimpl
def register_algorithms(register):
    """Register the superposition-and-measurement lesson."""
    # The shared state-vector simulator is part of the implementation shown on the page.
    register(
        eigenvue.Algorithm.from_package(
            __name__, source_files=["trace.py", "../statevector.py", "../measurement.py"]
        )
    )
