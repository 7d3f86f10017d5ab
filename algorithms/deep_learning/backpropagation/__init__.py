"""Backpropagation: one training step of a fully connected network, forward, backward, update."""

import eigenvue

#: The files training runs: the neuron's activations, the network's forward pass, then ours.
SOURCES = ("../perceptron/neuron.py", "../feedforward_network/network.py", "network.py")


@eigenvue.hookimpl
def register_algorithms(register):
    """Register backpropagation."""
    register(
        eigenvue.Algorithm.from_package(
            __name__, source_files=(*SOURCES, "trace.py", "datasets.py")
        )
    )
