"""Grover's search: amplitude amplification of the marked basis states."""

import eigenvue


@eigenvue.hookimpl
def register_algorithms(register):
    """Register Grover's search, with its success-against-iterations chart."""
    register(
        eigenvue.Algorithm.from_package(
            __name__, charts=[("Success probability", ".frames:success_chart")]
        )
    )
