"""The quantum-gates picture: the circuit with the current gate lit, over the amplitudes.

Above, the circuit (gates already applied solid, the current one in the
highlight colour, the rest faded); below, each basis state's probability as a
bar coloured by the amplitude's phase, with the bars this gate changed
outlined. A one-qubit register also shows its Bloch sphere, with the path of
its earlier states; with ``shots`` the last frame adds the sampled histogram.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from eigenvue.drawing.parts import BlochPart

from ..circuit_frames import CircuitDiagram, gate_operations

if TYPE_CHECKING:
    from matplotlib.figure import SubFigure

    from eigenvue.drawing import Theme
    from eigenvue.step import Step, Trace


class Diagram(CircuitDiagram):
    """Circuit, amplitudes and, for one qubit, the Bloch sphere."""

    def __init__(self, fig: SubFigure, trace: Trace, theme: Theme) -> None:
        super().__init__(fig, trace, theme)
        first = trace[0].state
        n = int(first["numQubits"])
        side = self.build(
            n, gate_operations(first["gateSequence"]), first["basisLabels"], side=n == 1
        )
        self.bloch = BlochPart(side, theme) if side is not None else None

    def update(self, step: Step) -> None:
        """Light the step's gate, draw the state it leaves, outline what it changed."""
        state = step.state
        at = int(state["currentGateIndex"])
        self.circuit.update(at)
        psi = np.asarray(state["stateVector"])
        changed = self.changed(step)
        self.amplitudes.update(
            psi,
            probabilities=state["probabilities"],
            highlight=changed,
            counts=state.get("counts"),
        )
        if self.bloch is not None:
            trail = [s.state["blochVector"] for s in self.trace[: step.index]]
            self.bloch.update(state["blochVector"], label="|ψ⟩", trail=trail[-6:])
