"""The quantum-gates picture: the circuit with the current gate lit, over the amplitudes.

Above, the circuit (gates already applied solid, the current one in the
highlight colour, the rest faded); below, each basis state's probability as a
bar coloured by the amplitude's phase, with the bars this gate changed
outlined. A one-qubit register also shows its Bloch sphere, with the path of
its earlier states; with ``shots`` the last frame adds the sampled histogram.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from eigenvue.drawing.parts import BlochPart

from ..circuit_frames import CircuitDiagram, gate_operations

if TYPE_CHECKING:
    from eigenvue.step import Step


class Diagram(CircuitDiagram):
    """Circuit, amplitudes and, for one qubit, the Bloch sphere."""

    def compose(self, n: int, first: Mapping[str, Any]) -> None:
        """The circuit of the gate list; for one qubit, a Bloch sphere beside the amplitudes."""
        side = self.build(
            n, gate_operations(first["gateSequence"]), first["basisLabels"], side=n == 1
        )
        self.bloch = BlochPart(side, self.theme) if side is not None else None

    def update(self, step: Step) -> None:
        """Light the step's gate, draw the state it leaves, outline what it changed."""
        state = step.state
        at = int(state["currentGateIndex"])
        self.show(step, at, counts=state.get("counts"))
        if self.bloch is not None:
            trail = [s.state["blochVector"] for s in self.trace[: step.index]]
            self.bloch.update(state["blochVector"], label="|ψ⟩", trail=trail[-6:])
