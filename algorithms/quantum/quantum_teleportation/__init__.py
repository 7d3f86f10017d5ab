"""Quantum teleportation: moving a qubit's state with a Bell pair and two classical bits."""

import eigenvue


@eigenvue.hookimpl
def register_algorithms(register):
    """Register the teleportation lesson."""
    # The shared state-vector simulator is part of the implementation shown on the page.
    register(
        eigenvue.Algorithm.from_package(
            __name__, source_files=["teleport.py", "trace.py", "../statevector.py"]
        )
    )
