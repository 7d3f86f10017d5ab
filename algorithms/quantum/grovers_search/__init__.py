"""Grover's search: amplitude amplification of the marked basis states."""

import eigenvue


@eigenvue.hookimpl
def register_algorithms(register):
    """Register Grover's search, with its success-against-iterations chart."""
    register(
        eigenvue.Algorithm.from_package(
            __name__,
            # The shared state-vector simulator is part of the implementation shown on the page.
            source_files=["grover.py", "trace.py", "../statevector.py", "../measurement.py"],
            charts=[("Success probability", ".frames:success_chart")],
        )
    )
