"""Sampling measurement outcomes from the seeded generator (the ``shots`` inputs).

Shared by the lessons that offer ``shots``: each shot is one uniform draw of
:class:`eigenvue.StringRandom` seeded by the lesson's ``seed`` input, and picks
a basis state with the state's probabilities, so the same inputs always give
the same histogram.
"""

from __future__ import annotations

import numpy as np

from eigenvue.prng import StringRandom

from .statevector import sample_counts


def sampled_counts(probs: np.ndarray, shots: int, seed: str) -> np.ndarray:
    """How many of ``shots`` measurements of every qubit give each basis state."""
    draws = StringRandom(seed).random_array(shots)
    return sample_counts(probs, draws)
