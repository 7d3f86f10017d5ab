"""Grover's search on a state vector: the oracle, the diffusion and the success probability.

Pure numpy on top of :mod:`..statevector`. The oracle flips the sign of the
marked amplitudes; the diffusion reflects every amplitude about their mean
(``a_k → 2μ − a_k``), which is the operator ``2|s⟩⟨s| − I`` with ``|s⟩`` the
equal superposition. Each oracle + diffusion turns the state by ``2θ`` toward
the marked states, where ``sin θ = √(M/N)``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from .. import statevector as sv


def optimal_iterations(n_states: int, n_marked: int) -> int:
    """⌊π/4 · √(N/M)⌋, the number of iterations Eigenvue (and most textbooks) run."""
    return math.floor(math.pi / 4 * math.sqrt(n_states / n_marked))


def oracle(psi: np.ndarray, targets: Sequence[int]) -> np.ndarray:
    """A new state with the sign of every marked amplitude flipped."""
    out = psi.copy()
    out[list(targets)] *= -1
    return out


def diffusion(psi: np.ndarray) -> np.ndarray:
    """A new state reflected about the mean amplitude: ``a_k → 2μ − a_k``."""
    return 2 * psi.mean() - psi


def success_probability(psi: np.ndarray, targets: Sequence[int]) -> float:
    """The probability that measuring every qubit gives one of the marked states."""
    return float(np.sum(sv.probabilities(psi)[list(targets)]))


def success_by_iteration(n: int, targets: Sequence[int], iterations: int) -> np.ndarray:
    """Success probability after k = 0, 1, …, ``iterations`` Grover iterations."""
    psi = sv.hadamard_all(sv.zero_state(n))
    out = [success_probability(psi, targets)]
    for _ in range(iterations):
        psi = diffusion(oracle(psi, targets))
        out.append(success_probability(psi, targets))
    return np.array(out)
