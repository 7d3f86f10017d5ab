"""Token embeddings: each token looked up as a vector, and how alike the vectors are."""

import eigenvue


@eigenvue.hookimpl
def register_algorithms(register):
    """Register token embeddings."""
    register(eigenvue.Algorithm.from_package(__name__))
