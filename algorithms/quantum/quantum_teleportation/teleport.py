"""Teleportation on three qubits: the circuit, measurement and Bob's correction.

Qubit 0 holds the state ψ to send, qubits 1 (Alice) and 2 (Bob) a Bell pair.
Big-endian as everywhere in :mod:`..statevector`: index 4 is |100⟩.
"""

from __future__ import annotations

import numpy as np

from .. import statevector as sv


def initial_state(alpha: complex, beta: complex) -> np.ndarray:
    """ψ ⊗ |00⟩: α at |000⟩, β at |100⟩."""
    psi = np.zeros(8, dtype=complex)
    psi[0], psi[4] = alpha, beta
    return psi


def corrections(m0: int, m1: int) -> list[str]:
    """The gates Bob applies to qubit 2, in order: X if m1 = 1, then Z if m0 = 1."""
    return (["X"] if m1 else []) + (["Z"] if m0 else [])


def bob_qubit(psi: np.ndarray, m0: int, m1: int) -> np.ndarray:
    """Bob's qubit (amplitudes of |m0 m1 0⟩ and |m0 m1 1⟩) once qubits 0 and 1 are measured."""
    base = 4 * m0 + 2 * m1
    return psi[base : base + 2].copy()


def correct(psi: np.ndarray, m0: int, m1: int) -> np.ndarray:
    """Bob's correction of qubit 2 for Alice's outcomes (X if m1 = 1, then Z if m0 = 1)."""
    for gate in corrections(m0, m1):
        psi = sv.apply(psi, gate, (2,))
    return psi
