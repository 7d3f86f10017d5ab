"""Qubit states on the Bloch sphere: a sequence of one-qubit states and where each one points."""

import eigenvue


@eigenvue.hookimpl
def register_algorithms(register):
    """Register the Bloch-sphere lesson."""
    # The shared state-vector simulator is part of the implementation shown on the page.
    register(
        eigenvue.Algorithm.from_package(__name__, source_files=["trace.py", "../statevector.py"])
    )
