"""Backpropagation: one training step of a fully connected network, forward, backward, update."""

import eigenvue


@eigenvue.hookimpl
def register_algorithms(register):
    """Register backpropagation."""
    register(
        eigenvue.Algorithm.from_package(
            __name__, source_files=("network.py", "trace.py", "datasets.py")
        )
    )
