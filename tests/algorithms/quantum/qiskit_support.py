"""Qiskit as the independent oracle of the quantum lessons' state vectors.

Qiskit orders qubits little-endian (qubit 0 is the least significant bit of a
basis index); the lessons order them big-endian (qubit 0 is the most
significant, the leftmost symbol of a ket). Building the qiskit circuit on
qubit ``n − 1 − q`` for each of our qubits ``q`` makes the two amplitude
vectors index-for-index comparable.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

qiskit = __import__("pytest").importorskip("qiskit")
from qiskit import QuantumCircuit  # noqa: E402
from qiskit.quantum_info import Statevector  # noqa: E402

ONE_QUBIT = {"I": "id", "X": "x", "Y": "y", "Z": "z", "H": "h", "S": "s", "T": "t"}
ROTATION = {"Rx": "rx", "Ry": "ry", "Rz": "rz"}
TWO_QUBIT = {"CNOT": "cx", "CZ": "cz", "SWAP": "swap"}


def circuit(n: int, gates: Iterable[Mapping[str, Any]]) -> QuantumCircuit:
    """The qiskit circuit of a lesson's gate list, on mirrored qubit indices."""
    qc = QuantumCircuit(n)
    for g in gates:
        qubits = [n - 1 - q for q in g["qubits"]]
        name = g["gate"]
        if name in ONE_QUBIT:
            getattr(qc, ONE_QUBIT[name])(*qubits)
        elif name in ROTATION:
            getattr(qc, ROTATION[name])(g["angle"], *qubits)
        else:
            getattr(qc, TWO_QUBIT[name])(*qubits)
    return qc


def statevector(n: int, gates: Iterable[Mapping[str, Any]]) -> np.ndarray:
    """Qiskit's state after the gates, from |0…0⟩, in the lessons' (big-endian) index order."""
    return np.asarray(Statevector.from_label("0" * n).evolve(circuit(n, gates)).data)


def as_complex(pairs: list[list[float]]) -> np.ndarray:
    """A step's ``stateVector`` (``[re, im]`` pairs) as a complex array."""
    array = np.asarray(pairs, dtype=float)
    return array[:, 0] + 1j * array[:, 1]
