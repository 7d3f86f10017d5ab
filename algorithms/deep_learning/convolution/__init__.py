"""2-D convolution: a kernel slides over a grid and sums element-wise products."""

import eigenvue


@eigenvue.hookimpl
def register_algorithms(register):
    """Register 2-D convolution."""
    register(eigenvue.Algorithm.from_package(__name__))
