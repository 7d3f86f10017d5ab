"""Multi-head attention: several attention heads side by side, concatenated and projected."""

import eigenvue


@eigenvue.hookimpl
def register_algorithms(register):
    """Register multi-head attention."""
    register(eigenvue.Algorithm.from_package(__name__))
