"""Gradient descent: SGD, momentum and Adam walking down the bowl f(x, y) = x² + 3y²."""

import eigenvue


@eigenvue.hookimpl
def register_algorithms(register):
    """Register gradient descent."""
    register(eigenvue.Algorithm.from_package(__name__))
