"""The transformer block: attention, add & norm, feed-forward network, add & norm."""

import eigenvue


@eigenvue.hookimpl
def register_algorithms(register):
    """Register the transformer block."""
    register(eigenvue.Algorithm.from_package(__name__))
