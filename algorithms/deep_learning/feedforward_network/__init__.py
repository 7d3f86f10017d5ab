"""The feedforward network: a signal passing forward through layers of neurons."""

import eigenvue


@eigenvue.hookimpl
def register_algorithms(register):
    """Register the feedforward network."""
    register(
        eigenvue.Algorithm.from_package(
            __name__, source_files=("../perceptron/neuron.py", "network.py", "trace.py")
        )
    )
