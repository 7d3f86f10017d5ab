"""Byte-pair encoding: merge rules applied in order, or learned from a corpus first."""

import eigenvue


@eigenvue.hookimpl
def register_algorithms(register):
    """Register BPE tokenisation."""
    register(eigenvue.Algorithm.from_package(__name__))
