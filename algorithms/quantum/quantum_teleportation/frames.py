"""Teleportation pictured: the three-qubit circuit, the amplitudes, and ψ on the Bloch sphere.

Above, the protocol's circuit (Bell pair, Alice's CNOT and H, her two
meters, Bob's corrections captioned with the bit that triggers them), the
current stage lit. Below left, the eight amplitudes coloured by phase; below
right, the Bloch sphere: Alice's ψ to begin with, then Bob's qubit against ψ
(dashed), before his correction (ψ turned by a Pauli gate) and after it, with
the fidelity that decides success.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from eigenvue.drawing.parts import BlochPart

from ..circuit_frames import CircuitDiagram
from ..statevector import angle_text

if TYPE_CHECKING:
    from eigenvue.step import Step

OPERATIONS = [
    {"gate": "H", "qubits": [1]},
    {"gate": "CNOT", "qubits": [1, 2]},
    {"gate": "CNOT", "qubits": [0, 1]},
    {"gate": "H", "qubits": [0]},
    {"gate": "MEASURE", "qubits": [0], "caption": "→ m0"},
    {"gate": "MEASURE", "qubits": [1], "caption": "→ m1"},
    {"gate": "X", "qubits": [2], "caption": "if m1 = 1"},
    {"gate": "Z", "qubits": [2], "caption": "if m0 = 1"},
]
#: The circuit column(s) each step applies.
COLUMNS: dict[str, int | tuple[int, int]] = {
    "initialize": -1,
    "bell_hadamard": 0,
    "bell_cnot": 1,
    "alice_cnot": 2,
    "alice_hadamard": 3,
    "measure_qubit0": 4,
    "measure_qubit1": 5,
    "bob_correction": (6, 7),
    "verification": len(OPERATIONS),
}


def _point(bloch: dict) -> tuple[float, float, float]:
    return (float(bloch["x"]), float(bloch["y"]), float(bloch["z"]))


class Diagram(CircuitDiagram):
    """Circuit, amplitudes, and the Bloch sphere of ψ and of Bob's qubit."""

    def compose(self, n: int, first: Mapping[str, Any]) -> None:
        """The protocol's circuit on its three wires; the Bloch sphere beside the amplitudes."""
        side = self.build(
            n,
            OPERATIONS,
            first["basisLabels"],
            side=True,
            wire_labels=["q0  ψ", "q1  |0⟩ Alice", "q2  |0⟩ Bob"],
            initial=None,
        )
        assert side is not None
        self.bloch = BlochPart(side, self.theme)

    def update(self, step: Step) -> None:
        """Light the stage; at the end compare Bob's qubit with ψ."""
        state = step.state
        column = COLUMNS.get(step.id, len(OPERATIONS))
        if step.id == "bob_correction":
            # Light the corrections Bob applies (both conditions when he applies none).
            m0, m1 = state["correction"]["m0"], state["correction"]["m1"]
            column = {(0, 1): 6, (1, 0): 7}.get((m0, m1), (6, 7))
        bits = "".join(str(b) for b in state["classicalBits"])
        self.show(step, column, note=f"m0 m1 = {' '.join(bits)}" if bits else None)
        label = state["originalLabel"]
        original = _point(state["originalBloch"])
        if step.id == "verification":
            fidelity = state["fidelity"]
            verdict = "teleported" if state["teleportationSuccess"] else "failed"
            self.bloch.update(
                _point(state["bobBloch"]),
                label="Bob",
                reference=original,
                color=self.theme.done if state["teleportationSuccess"] else self.theme.negative,
                caption=f"Bob's qubit vs {label} (dashed)\nfidelity {fidelity:.12f}: {verdict}",
            )
        elif "bobVector" in state:
            fixed = step.id == "bob_correction"
            self.bloch.update(
                state["bobVector"],
                label="Bob",
                reference=original,
                color=self.theme.update if fixed else self.theme.highlight,
                caption=f"Bob's qubit {'after' if fixed else 'before'} the correction, "
                f"{label} dashed",
            )
        else:
            self.bloch.update(
                original,
                label=label,
                caption=f"{label} to send: θ = {angle_text(state['originalTheta'])}, "
                f"φ = {angle_text(state['originalPhi'])}",
            )
