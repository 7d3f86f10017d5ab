"""A small state-vector simulator shared by every quantum lesson.

Pure numpy, no steps and no drawing. Conventions are Eigenvue's (the step
format's): a register of ``n`` qubits is a complex vector of ``2**n``
amplitudes in **big-endian** order, qubit 0 being the most significant bit of
the basis index, so ``|01⟩`` is index 1 and qubit 1 is the one that is 1.
Reshaped to ``(2,) * n`` the vector's axis ``q`` is qubit ``q``, which is how
gates are applied here: one contraction over the gate's axes.

Gate matrices follow the step format exactly (``T`` is built from ``1/√2``,
not from ``e^{iπ/4}``), so the numbers agree with Eigenvue's to rounding.

Examples
--------
>>> psi = apply(zero_state(2), "H", (0,))
>>> psi = apply(psi, "CNOT", (0, 1))
>>> probabilities(psi).round(3).tolist()
[0.5, 0.0, 0.0, 0.5]
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

#: 1/√2 as the step format writes it.
H = 0.7071067811865476

#: Gates on one qubit without a parameter.
FIXED_ONE_QUBIT: dict[str, np.ndarray] = {
    "I": np.array([[1, 0], [0, 1]], dtype=complex),
    "X": np.array([[0, 1], [1, 0]], dtype=complex),
    "Y": np.array([[0, -1j], [1j, 0]], dtype=complex),
    "Z": np.array([[1, 0], [0, -1]], dtype=complex),
    "H": np.array([[H, H], [H, -H]], dtype=complex),
    "S": np.array([[1, 0], [0, 1j]], dtype=complex),
    "T": np.array([[1, 0], [0, complex(H, H)]], dtype=complex),
}

#: Rotations about the Bloch sphere's axes; they take an angle in radians.
ROTATIONS = ("Rx", "Ry", "Rz")

#: Gates on an ordered pair of qubits, in the local basis |q0 q1⟩ = 00, 01, 10, 11.
TWO_QUBIT: dict[str, np.ndarray] = {
    "CNOT": np.array([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0]], dtype=complex),
    "CZ": np.diag([1, 1, 1, -1]).astype(complex),
    "SWAP": np.array([[1, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 1]], dtype=complex),
}

ONE_QUBIT_NAMES: tuple[str, ...] = (*FIXED_ONE_QUBIT, *ROTATIONS)
TWO_QUBIT_NAMES: tuple[str, ...] = tuple(TWO_QUBIT)

#: Norm² may differ from 1 by this much before a state counts as not normalised.
NORM_TOLERANCE = 1e-9
#: A measurement outcome less likely than this cannot be projected onto.
ZERO_PROBABILITY = 1e-10


def arity(name: str) -> int:
    """How many qubits the gate called ``name`` acts on (0 when there is no such gate)."""
    if name in ONE_QUBIT_NAMES:
        return 1
    if name in TWO_QUBIT_NAMES:
        return 2
    return 0


def rotation(name: str, angle: float) -> np.ndarray:
    """The matrix of ``Rx``, ``Ry`` or ``Rz`` by ``angle`` radians."""
    c, s = math.cos(angle / 2), math.sin(angle / 2)
    if name == "Rx":
        return np.array([[c, -1j * s], [-1j * s, c]], dtype=complex)
    if name == "Ry":
        return np.array([[c, -s], [s, c]], dtype=complex)
    if name == "Rz":
        return np.array([[complex(c, -s), 0], [0, complex(c, s)]], dtype=complex)
    raise KeyError(name)


def matrix(name: str, angle: float | None = None) -> np.ndarray:
    """The unitary matrix of a gate (2×2 or 4×4).

    Raises
    ------
    KeyError
        For an unknown name, or a rotation without an angle.
    """
    if name in ROTATIONS:
        if angle is None:
            raise KeyError(f"{name} needs an angle")
        return rotation(name, angle)
    if name in FIXED_ONE_QUBIT:
        return FIXED_ONE_QUBIT[name]
    return TWO_QUBIT[name]


def zero_state(n: int) -> np.ndarray:
    """``|0…0⟩`` on ``n`` qubits."""
    psi = np.zeros(2**n, dtype=complex)
    psi[0] = 1.0
    return psi


def num_qubits(psi: np.ndarray) -> int:
    """The register size of a state vector."""
    return int(psi.size).bit_length() - 1


def apply_matrix(psi: np.ndarray, gate: np.ndarray, qubits: Sequence[int]) -> np.ndarray:
    """A new state: ``gate`` (2^k × 2^k) applied to ``qubits`` (k of them, in order).

    The first listed qubit is the gate's high local bit (for CNOT, the control).
    """
    n, k = num_qubits(psi), len(qubits)
    tensor = psi.reshape((2,) * n)
    g = gate.reshape((2,) * (2 * k))
    out = np.tensordot(g, tensor, axes=(list(range(k, 2 * k)), list(qubits)))
    return np.moveaxis(out, list(range(k)), list(qubits)).reshape(-1)


def apply(
    psi: np.ndarray, name: str, qubits: Sequence[int], angle: float | None = None
) -> np.ndarray:
    """A new state: the gate called ``name`` applied to ``qubits``."""
    return apply_matrix(psi, matrix(name, angle), qubits)


def hadamard_all(psi: np.ndarray) -> np.ndarray:
    """H on qubits 0, 1, …, n−1 in that order."""
    for q in range(num_qubits(psi)):
        psi = apply_matrix(psi, FIXED_ONE_QUBIT["H"], (q,))
    return psi


def probabilities(psi: np.ndarray) -> np.ndarray:
    """``|a_k|²`` for every basis state (as re² + im², the step format's rule)."""
    return psi.real**2 + psi.imag**2


def norm_squared(psi: np.ndarray) -> float:
    """``Σ |a_k|²``."""
    return float(np.sum(probabilities(psi)))


def check_normalised(psi: np.ndarray, context: str) -> None:
    """Raise ``ValueError`` (as Eigenvue does) when the state's norm² is not 1."""
    total = norm_squared(psi)
    if abs(total - 1.0) > NORM_TOLERANCE:
        raise ValueError(
            f"State vector not normalized ({context}): norm² = {total}, "
            f"expected 1.0 ± {NORM_TOLERANCE}"
        )


def bit_mask(n: int, qubit: int, outcome: int) -> np.ndarray:
    """Which basis indices have ``qubit`` equal to ``outcome`` (big-endian)."""
    bits = (np.arange(2**n) >> (n - 1 - qubit)) & 1
    return bits == outcome


def outcome_probability(psi: np.ndarray, qubit: int, outcome: int) -> float:
    """P(measuring ``qubit`` gives ``outcome``)."""
    mask = bit_mask(num_qubits(psi), qubit, outcome)
    return float(np.sum(probabilities(psi)[mask]))


def project(psi: np.ndarray, qubit: int, outcome: int) -> tuple[np.ndarray, float]:
    """The state after measuring ``qubit`` with the given outcome, and that outcome's probability.

    Amplitudes with the other value of the qubit become 0; the rest are divided by √P.

    Raises
    ------
    ValueError
        When the outcome is impossible (P below :data:`ZERO_PROBABILITY`).
    """
    p = outcome_probability(psi, qubit, outcome)
    if p < ZERO_PROBABILITY:
        raise ValueError(
            f"Cannot project: probability of qubit {qubit} = {outcome} is {p} (effectively zero)"
        )
    mask = bit_mask(num_qubits(psi), qubit, outcome)
    out = np.where(mask, psi * (1.0 / math.sqrt(p)), 0.0).astype(complex)
    return out, p


def basis_labels(n: int) -> list[str]:
    """``["|00⟩", "|01⟩", "|10⟩", "|11⟩"]`` for ``n = 2``."""
    return [ket(k, n) for k in range(2**n)]


def ket(index: int, n: int) -> str:
    """The basis state ``index`` of ``n`` qubits written as a ket: ``|101⟩``."""
    return f"|{index:0{n}b}⟩"


def is_entangled_pair(psi: np.ndarray) -> bool:
    """Whether a two-qubit state is entangled: ``a00·a11 − a01·a10`` differs from 0.

    Eigenvue's test, kept: a part (real or imaginary) of at least 1e-9.
    """
    if psi.size != 4:
        return False
    d = psi[0] * psi[3] - psi[1] * psi[2]
    return abs(d.real) >= 1e-9 or abs(d.imag) >= 1e-9


# -- one qubit on the Bloch sphere --------------------------------------------------------


def _wrap(angle: float) -> float:
    """``angle mod 2π`` by Python's float modulo (so a tiny negative angle gives 2π)."""
    return angle % (2 * math.pi)


def bloch_angles(alpha0: complex, alpha1: complex) -> tuple[float, float]:
    """The polar and azimuthal angles (θ, φ) of the qubit ``alpha0|0⟩ + alpha1|1⟩``.

    Eigenvue's conventions, kept for compatibility: at the south pole
    (``|alpha0| ≈ 0``) φ is the absolute phase of ``alpha1``; at the north pole
    φ is 0; elsewhere φ is the relative phase ``arg alpha1 − arg alpha0``
    taken mod 2π (which can give exactly 2π for a tiny negative phase).
    θ is computed as ``2·atan2(|alpha1|, |alpha0|)``, not ``2·acos|alpha0|``.
    """
    a = min(max(abs(alpha0), 0.0), 1.0)
    # 2·atan2(|α1|, |α0|) equals Eigenvue's 2·acos|α0| for a normalised state, but keeps
    # every digit near the poles, where acos of a number close to 1 loses half of them.
    theta = 2 * math.atan2(abs(alpha1), abs(alpha0))
    if a < 1e-10:
        return math.pi, _wrap(math.atan2(alpha1.imag, alpha1.real))
    if abs(alpha1) < 1e-10:
        return 0.0, 0.0
    relative = math.atan2(alpha1.imag, alpha1.real) - math.atan2(alpha0.imag, alpha0.real)
    return theta, _wrap(relative)


def bloch_vector(theta: float, phi: float) -> tuple[float, float, float]:
    """Cartesian (x, y, z) of the point with angles (θ, φ) on the unit sphere."""
    return (
        math.sin(theta) * math.cos(phi),
        math.sin(theta) * math.sin(phi),
        math.cos(theta),
    )


def qubit_from_angles(theta: float, phi: float) -> tuple[complex, complex]:
    """``(cos(θ/2), e^{iφ} sin(θ/2))``: the state at (θ, φ) with a real first amplitude."""
    s = math.sin(theta / 2)
    return complex(math.cos(theta / 2), 0.0), complex(s * math.cos(phi), s * math.sin(phi))


def bloch_of(psi: np.ndarray) -> tuple[float, float, float]:
    """The Bloch vector (⟨X⟩, ⟨Y⟩, ⟨Z⟩) of a one-qubit state vector."""
    a0, a1 = complex(psi[0]), complex(psi[1])
    cross = a0.conjugate() * a1
    return 2 * cross.real, 2 * cross.imag, abs(a0) ** 2 - abs(a1) ** 2


def fidelity(a: np.ndarray, b: np.ndarray) -> float:
    """``|⟨a|b⟩|²`` of two normalised states (1 when they differ by a global phase only)."""
    return float(abs(np.vdot(a, b)) ** 2)


# -- sampling and writing --------------------------------------------------------------


def sample_counts(probs: np.ndarray, draws: np.ndarray) -> np.ndarray:
    """How often each basis state comes up when each uniform draw in [0, 1) picks one.

    A draw ``r`` picks the first state whose cumulative probability exceeds ``r``.
    """
    cumulative = np.cumsum(probs)
    picks = np.searchsorted(cumulative, draws * cumulative[-1], side="right")
    return np.bincount(np.minimum(picks, probs.size - 1), minlength=probs.size)


def amplitude_text(z: complex, digits: int = 3) -> str:
    """An amplitude as a physicist writes it: ``0.707``, ``−0.5i``, ``0.354 + 0.612i``."""
    re = round(z.real, digits) + 0.0
    im = round(z.imag, digits) + 0.0

    def num(x: float) -> str:
        return f"{x:.{digits}g}".replace("-", "−")

    if im == 0:
        return num(re)
    if re == 0:
        return {1.0: "i", -1.0: "−i"}.get(im, f"{num(im)}i")
    sign = "+" if im > 0 else "−"
    return f"{num(re)} {sign} {num(abs(im))}i"


def state_text(psi: np.ndarray, limit: int = 4, digits: int = 3) -> str:
    """A state written out as a sum of kets, largest terms first past ``limit`` terms.

    ``0.707|00⟩ + 0.707|11⟩``; a longer superposition shows its ``limit``
    largest terms and how many more there are.
    """
    n = num_qubits(psi)
    probs = probabilities(psi)
    nonzero = np.flatnonzero(probs > 10 ** (-2 * digits))
    if nonzero.size > limit:
        keep = nonzero[np.argsort(-probs[nonzero], kind="stable")[:limit]]
        shown, more = np.sort(keep), nonzero.size - limit
    else:
        shown, more = nonzero, 0
    terms = []
    for k in shown:
        a = amplitude_text(complex(psi[k]), digits)
        coefficient = f"({a})" if " " in a else a
        if coefficient == "1":
            coefficient = ""
        elif coefficient == "−1":
            coefficient = "−"
        terms.append(f"{coefficient}{ket(int(k), n)}")
    text = " + ".join(terms).replace("+ −", "− ")
    if more:
        text += f" + … ({more:,} more)"
    return text


def angle_text(angle: float) -> str:
    """An angle as a physicist writes it: ``π/2``, ``3π/4``, ``0``, or ``1.047``."""
    for denominator in (1, 2, 3, 4, 6, 8):
        k = angle * denominator / math.pi
        if abs(k - round(k)) < 1e-9:
            k = round(k)
            if k == 0:
                return "0"
            top = "π" if k == 1 else f"{k}π"
            return top if denominator == 1 else f"{top}/{denominator}"
    return f"{angle:.4g}".replace("-", "−")


def coordinate_text(value: float, digits: int = 3) -> str:
    """A coordinate to ``digits`` decimals, rounding residues such as 6e−17 to 0: ``−0.707``."""
    rounded = round(float(value), digits) + 0.0  # + 0.0 turns −0.0 into 0.0
    text = f"{rounded:.{digits}f}".rstrip("0").rstrip(".")
    return text.replace("-", "−")


def gate_text(gate: Mapping[str, Any]) -> str:
    """``CNOT q0 → q1``, ``H on q1``, ``Rx(θ = 0.5) on q0``, ``SWAP q0, q2``."""
    qubits = gate["qubits"]
    name = gate["gate"]
    if name in ROTATIONS:
        name = f"{name}(θ = {angle_text(gate['angle'])})"
    if len(qubits) == 2:
        arrow = "→" if gate["gate"] == "CNOT" else ","
        return f"{name} q{qubits[0]} {arrow} q{qubits[1]}"
    return f"{name} on q{qubits[0]}"
