"""Quantum teleportation, step by step, on three qubits.

Builds ψ ⊗ |00⟩, shares a Bell pair between Alice (qubit 1) and Bob (qubit 2),
lets Alice rotate into the Bell basis and measure (with the chosen outcomes),
applies Bob's correction and checks the result: ``teleportationSuccess`` is
computed from the fidelity |⟨ψ|Bob⟩|² (extra state key ``fidelity``), where
Eigenvue 1.0.2 reports ``true`` without checking. Once Alice has measured, the
steps also hold the Bloch vector of Bob's qubit (extra key ``bobVector``), so
the frames can show it before and after his correction.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from eigenvue.step import Step
from eigenvue.text import number

from .. import statevector as sv
from .inputs import Inputs
from .teleport import bob_qubit, correct, corrections, initial_state

#: Bob's qubit counts as the input state when the fidelity is 1 within this.
FIDELITY_TOLERANCE = 1e-12


def _bloch(theta: float, phi: float) -> dict[str, float]:
    x, y, z = sv.bloch_vector(theta, phi)
    return {"x": x, "y": y, "z": z}


def trace(inputs: Inputs) -> Iterator[Step]:
    """Yield the nine stages of teleportation; the verification step is terminal."""
    theta, phi = inputs.teleportState.theta, inputs.teleportState.phi
    label = inputs.teleportState.label
    m0, m1 = inputs.aliceMeasurements.qubit0, inputs.aliceMeasurements.qubit1
    alpha, beta = sv.qubit_from_angles(theta, phi)
    labels = sv.basis_labels(3)
    original = {
        "originalTheta": theta,
        "originalPhi": phi,
        "originalLabel": label,
        "originalBloch": _bloch(theta, phi),
    }

    def state(psi, bits: list[int], phase: str, **extra) -> dict:
        return {
            "numQubits": 3,
            "stateVector": psi,
            "probabilities": sv.probabilities(psi),
            "basisLabels": labels,
            **original,
            "classicalBits": bits,
            **extra,
            "phase": phase,
        }

    psi = initial_state(alpha, beta)
    sv.check_normalised(psi, "initial state")
    yield Step(
        id="initialize",
        title=f"Alice holds {label}",
        explanation=(
            f"Qubit 0 holds {label} = {sv.amplitude_text(alpha)}|0⟩ + "
            f"({sv.amplitude_text(beta)})|1⟩ (θ = {number(theta, 4)}, φ = {number(phi, 4)}); "
            f"qubits 1 and 2 start in |0⟩. The register is {sv.state_text(psi)}."
        ),
        phase="initialization",
        lines="init",
        state=state(psi, [], "initialize"),
    )

    stages = [
        (
            "bell_hadamard",
            "bell_preparation",
            "H",
            (1,),
            "bell_h",
            "Bell pair: H on qubit 1",
            "H puts qubit 1 in (|0⟩ + |1⟩)/√2, ready to be entangled with Bob's qubit.",
        ),
        (
            "bell_cnot",
            "bell_preparation",
            "CNOT",
            (1, 2),
            "bell_cnot",
            "Bell pair: CNOT 1 → 2",
            "CNOT from qubit 1 to qubit 2 makes the Bell pair (|00⟩ + |11⟩)/√2: Alice keeps "
            "qubit 1, Bob takes qubit 2 far away.",
        ),
        (
            "alice_cnot",
            "alice_operations",
            "CNOT",
            (0, 1),
            "alice_cnot",
            "Alice: CNOT 0 → 1",
            "Alice entangles ψ with her half of the pair.",
        ),
        (
            "alice_hadamard",
            "alice_operations",
            "H",
            (0,),
            "alice_h",
            "Alice: H on qubit 0",
            "H on qubit 0 completes Alice's rotation into the Bell basis: each of the four "
            "outcomes of qubits 0 and 1 now comes with a version of ψ on Bob's qubit.",
        ),
    ]
    for step_id, phase, gate, qubits, line, title, text in stages:
        psi = sv.apply(psi, gate, qubits)
        sv.check_normalised(psi, step_id)
        yield Step(
            id=step_id,
            title=title,
            explanation=f"{text} The register is {sv.state_text(psi, limit=8)}.",
            phase=phase,
            lines=line,
            state=state(psi, [], phase),
        )

    psi, p0 = sv.project(psi, 0, m0)
    sv.check_normalised(psi, "after measuring qubit 0")
    yield Step(
        id="measure_qubit0",
        title=f"Alice measures qubit 0: {m0}",
        explanation=(
            f"Qubit 0 gives {m0} (probability {number(p0, 3)}); the register collapses to "
            f"{sv.state_text(psi, limit=8)}."
        ),
        phase="measurement",
        lines="measure0",
        state=state(psi, [m0], "measurement"),
    )
    psi, p1 = sv.project(psi, 1, m1)
    sv.check_normalised(psi, "after measuring qubit 1")
    yield Step(
        id="measure_qubit1",
        title=f"Alice measures qubit 1: {m1}",
        explanation=(
            f"Qubit 1 gives {m1} (probability {number(p1, 3)} given the first outcome). Alice "
            f"sends the two bits {m0}{m1} to Bob. His qubit is now "
            f"{sv.state_text(bob_qubit(psi, m0, m1))}: ψ up to a known Pauli gate."
        ),
        phase="measurement",
        lines="measure1",
        state=state(psi, [m0, m1], "measurement", bobVector=sv.bloch_of(bob_qubit(psi, m0, m1))),
    )

    fixes = corrections(m0, m1)
    psi = correct(psi, m0, m1)
    sv.check_normalised(psi, "after Bob's correction")
    done = " then ".join(fixes) or "nothing"
    yield Step(
        id="bob_correction",
        title=f"Bob applies {' then '.join(fixes) or 'no gate'}",
        explanation=(
            f"With the bits m0 = {m0}, m1 = {m1} Bob applies {done} to qubit 2 "
            "(X if m1 = 1, then Z if m0 = 1)."
        ),
        phase="correction",
        lines=("fix_x", "fix_z"),
        state=state(
            psi,
            [m0, m1],
            "correction",
            correction={"m0": m0, "m1": m1},
            bobVector=sv.bloch_of(bob_qubit(psi, m0, m1)),
        ),
    )

    bob = bob_qubit(psi, m0, m1)
    bob_theta, bob_phi = sv.bloch_angles(complex(bob[0]), complex(bob[1]))
    fidelity = sv.fidelity(bob, np.array([alpha, beta]))
    success = abs(fidelity - 1.0) <= FIDELITY_TOLERANCE
    yield Step(
        id="verification",
        title="Bob holds ψ" if success else "Teleportation failed",
        explanation=(
            f"Bob's qubit has θ = {number(bob_theta, 4)}, φ = {number(bob_phi, 4)}; its "
            f"fidelity with {label} is |⟨ψ|Bob⟩|² = {number(fidelity, 12)}. "
            + (
                "The state has moved from Alice to Bob without ever travelling, and Alice's "
                "copy was destroyed by her measurement."
                if success
                else "The states differ."
            )
        ),
        phase="verification",
        lines="verify",
        is_terminal=True,
        state=state(
            psi,
            [m0, m1],
            "verification",
            bobTheta=bob_theta,
            bobPhi=bob_phi,
            bobBloch=_bloch(bob_theta, bob_phi),
            teleportationSuccess=success,
            fidelity=fidelity,
        ),
    )
