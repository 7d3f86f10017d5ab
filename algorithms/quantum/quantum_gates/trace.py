"""Quantum gates, step by step: the register after each gate of the circuit.

Runs :mod:`..statevector` gate by gate from |0…0⟩ and records, in the
Eigenvue 1.0.2 step format, the state vector (a complex numpy array; steps()
writes it as ``[re, im]`` pairs) and the probabilities after every gate.
With ``shots`` the last step also holds the histogram of that many sampled
measurements (state key ``counts``).
"""

from __future__ import annotations

from collections.abc import Iterator

from eigenvue.step import Step
from eigenvue.text import number

from .. import statevector as sv
from ..measurement import sampled_counts
from .inputs import Inputs

WHAT_IT_DOES = {
    "I": "leaves the qubit as it is",
    "X": "flips |0⟩ and |1⟩ (a NOT gate: a half turn about the x axis)",
    "Y": "flips |0⟩ and |1⟩ with a phase of ±i (a half turn about the y axis)",
    "Z": "multiplies the |1⟩ part by −1 (a half turn about the z axis)",
    "H": "maps |0⟩ to |+⟩ and |1⟩ to |−⟩, creating or undoing an equal superposition",
    "S": "multiplies the |1⟩ part by i (a quarter turn about the z axis)",
    "T": "multiplies the |1⟩ part by e^(iπ/4) (an eighth turn about the z axis)",
    "Rx": "rotates the qubit about the x axis",
    "Ry": "rotates the qubit about the y axis",
    "Rz": "rotates the qubit about the z axis",
    "CNOT": "flips the target when the control is |1⟩",
    "CZ": "multiplies |11⟩ by −1",
    "SWAP": "exchanges the two qubits' states",
}


def _bloch(psi) -> dict:
    """A one-qubit register's point on the Bloch sphere (extra state ``blochVector``)."""
    return {"blochVector": sv.bloch_of(psi)} if psi.size == 2 else {}


def trace(inputs: Inputs) -> Iterator[Step]:
    """Yield |0…0⟩, then the register after each gate; the last step is terminal."""
    n = inputs.numQubits
    gates = [g.as_dict() for g in inputs.gates]
    labels = sv.basis_labels(n)
    psi = sv.zero_state(n)
    base = {"numQubits": n, "gateSequence": gates, "basisLabels": labels}

    yield Step(
        id="initialize",
        title=f"{n} qubit{'s' if n > 1 else ''} in |{'0' * n}⟩",
        explanation=(
            f"Every qubit starts in |0⟩, so the register is in the basis state |{'0' * n}⟩ "
            f"with certainty: 1 of its {2**n:,} amplitudes is 1, the others 0. The circuit "
            f"has {len(gates)} gate{'s' if len(gates) > 1 else ''}."
        ),
        phase="initialization",
        lines="init",
        state={
            **base,
            "currentGateIndex": -1,
            "stateVector": psi,
            "probabilities": sv.probabilities(psi),
            "currentGate": None,
            **_bloch(psi),
        },
    )

    last = len(gates) - 1
    for i, (gate, g) in enumerate(zip(gates, inputs.gates)):
        psi = sv.apply(psi, g.gate, g.qubits, g.angle)
        sv.check_normalised(psi, f"after gate {i}")
        probs = sv.probabilities(psi)
        state = {
            **base,
            "currentGateIndex": i,
            "stateVector": psi,
            "probabilities": probs,
            "currentGate": gate,
            **_bloch(psi),
        }
        lines = ["loop", "matrix", "one_qubit" if len(g.qubits) == 1 else "two_qubit", "probs"]
        sampled = ""
        if i == last and inputs.shots > 0:
            counts = sampled_counts(probs, inputs.shots, inputs.seed)
            state["counts"] = counts
            lines.append("sample")
            top = int(counts.argmax())
            sampled = (
                f" Measuring the register {inputs.shots:,} times gave {labels[top]} most often "
                f"({int(counts[top]):,} times; exact probability {number(probs[top], 3)})."
            )
        yield Step(
            id=f"apply_gate_{i}",
            title=f"Gate {i + 1} of {len(gates)}: {sv.gate_text(gate)}",
            explanation=(
                f"{g.gate} {WHAT_IT_DOES[g.gate]}. The register is now {sv.state_text(psi)}."
                + sampled
            ),
            phase="execution",
            lines=tuple(lines),
            is_terminal=i == last,
            state=state,
            visual_actions=[
                {"type": "applyGate", "gate": g.gate, "qubits": g.qubits, "gateIndex": i}
            ],
        )
