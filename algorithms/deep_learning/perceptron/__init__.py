"""The perceptron: one artificial neuron, from its inputs to its output."""

import eigenvue


@eigenvue.hookimpl
def register_algorithms(register):
    """Register the perceptron."""
    register(eigenvue.Algorithm.from_package(__name__))
