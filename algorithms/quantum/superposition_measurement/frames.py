"""The measurement picture: the preparation circuit and its meters over the amplitudes.

Above, the circuit: preparation gates, then one meter per measurement with
its chosen outcome, the current column lit. Below, the probability bars
coloured by phase; at a measurement the surviving bars are outlined and the
classical bits read so far are written above them. With ``shots`` the sampled
histogram of the prepared state stands beside the exact bars. One qubit also
gets its Bloch sphere.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from eigenvue.drawing.parts import BlochPart

from ..circuit_frames import CircuitDiagram, gate_operations

if TYPE_CHECKING:
    from eigenvue.step import Step


class Diagram(CircuitDiagram):
    """Preparation and measurement circuit, amplitudes and, for one qubit, the Bloch sphere."""

    def compose(self, n: int, first: Mapping[str, Any]) -> None:
        """The preparation gates, then a meter per measurement; for one qubit, a Bloch sphere."""
        inputs = self.trace.inputs
        gates = [g.model_dump(exclude_none=True) for g in inputs.preparationGates]
        self.prepared = len(gates)
        ops = gate_operations(gates) + [
            {"gate": "MEASURE", "qubits": [m.qubit], "caption": f"→ {m.outcome}"}
            for m in inputs.measurements
        ]
        side = self.build(n, ops, first["basisLabels"], side=n == 1)
        self.bloch = BlochPart(side, self.theme) if side is not None else None

    def update(self, step: Step) -> None:
        """Light the step's gate or meter; outline the states a measurement keeps."""
        state = step.state
        at = step.index - 1  # the operation this step applied (−1: none yet)
        probs = np.asarray(state["probabilities"])
        measuring = "measuredQubit" in state
        # A measurement outlines the states it keeps; a gate, the states it changed.
        kept = np.flatnonzero(probs > 0).tolist() if measuring else self.changed(step)
        bits = "".join(str(b) for b in state["classicalBits"])
        notes = ["the two qubits are entangled"] if state["entangled"] else []
        notes += [f"classical bits: {bits}"] if bits else []
        note = "   ".join(notes) or None
        counts = state.get("counts")
        label = None
        if counts is not None:
            label = f"hatched: {int(np.sum(counts)):,} shots of the prepared state"
        self.show(
            step,
            at,
            probabilities=probs,
            highlight=kept,
            counts=counts,
            counts_label=label,
            note=note,
        )
        if self.bloch is not None:
            self.bloch.update(state["blochVector"], label="|ψ⟩")
