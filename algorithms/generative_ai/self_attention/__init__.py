"""Self-attention: every token looks at every token and takes a weighted mix of their values."""

import eigenvue


@eigenvue.hookimpl
def register_algorithms(register):
    """Register scaled dot-product self-attention."""
    register(eigenvue.Algorithm.from_package(__name__))
