"""The frame layout the circuit lessons share: the circuit above, the amplitudes below.

quantum-gates, superposition-measurement, Grover's search and teleportation
all draw the circuit with the current column lit (CircuitPart) over the
register's probability bars coloured by phase (AmplitudesPart), with an
optional panel on the right (a Bloch sphere for one qubit, a curve). Only the
layout lives here; every number comes from the step state.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

import eigenvue.drawing
from eigenvue.drawing.parts import AmplitudesPart, CircuitPart

from . import statevector as sv

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import SubFigure

    from eigenvue.drawing import Theme
    from eigenvue.step import Step, Trace


def gate_operations(gates: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Circuit operations for a gate list; a rotation's angle is its caption (``θ = π/4``)."""
    ops = []
    for g in gates:
        op: dict[str, Any] = {"gate": g["gate"], "qubits": list(g["qubits"])}
        if g["gate"] in sv.ROTATIONS:
            op["caption"] = sv.angle_text(float(g["angle"]))
        ops.append(op)
    return ops


class CircuitDiagram(eigenvue.drawing.Diagram):
    """Circuit on top, amplitudes below, and an optional panel to the right of the amplitudes.

    Subclasses make their parts in :meth:`compose`, calling :meth:`build` with their
    operations.
    """

    def __init__(self, fig: SubFigure, trace: Trace, theme: Theme) -> None:
        super().__init__(fig, trace, theme)
        first = trace[0].state
        self.compose(int(first["numQubits"]), first)

    def compose(self, n: int, first: Mapping[str, Any]) -> None:
        """Make the parts for a register of ``n`` qubits; ``first`` is the first step's state."""
        raise NotImplementedError

    def build(
        self,
        num_qubits: int,
        operations: Sequence[Mapping[str, Any]],
        labels: Sequence[str],
        *,
        side: bool = False,
        wire_labels: Sequence[str] | None = None,
        initial: str | None = "|0⟩",
        amplitude_title: str = "probability of each basis state (colour: phase)",
    ) -> Axes | None:
        """Make the circuit and amplitude parts; return the side panel's Axes, if asked for."""
        # The circuit gets about one eighth of the height per wire, between a third and 55%.
        share = min(max((num_qubits + 1) / 9, 0.34), 0.55)
        grid = self.fig.add_gridspec(
            2,
            2 if side else 1,
            height_ratios=(share, 1 - share),
            width_ratios=(1.7, 1.0) if side else None,
            left=0.07,
            right=0.98,
            top=0.97,
            bottom=0.1 if len(labels) <= 16 else 0.2,
            hspace=0.32,
            wspace=0.12,
        )
        circuit_ax = self.fig.add_subplot(grid[0, :])
        self.circuit = CircuitPart(
            circuit_ax,
            self.theme,
            num_qubits,
            operations,
            wire_labels=wire_labels,
            initial=initial,
        )
        self.amplitudes = AmplitudesPart(
            self.fig.add_subplot(grid[1, 0]), self.theme, labels, title=amplitude_title
        )
        return self.fig.add_subplot(grid[1, 1]) if side else None

    def show(self, step: Step, column: int | tuple[int, int], **amplitudes: Any) -> None:
        """Light ``column`` of the circuit and draw the state ``step`` leaves.

        ``amplitudes`` are passed on to :meth:`AmplitudesPart.update`; the
        probabilities are the step's and the states outlined are those it changed,
        unless given.
        """
        state = step.state
        self.circuit.update(column)
        amplitudes.setdefault("probabilities", state["probabilities"])
        if "highlight" not in amplitudes:
            amplitudes["highlight"] = self.changed(step)
        self.amplitudes.update(np.asarray(state["stateVector"]), **amplitudes)

    def changed(self, step: Step) -> list[int]:
        """The basis states whose amplitude this step changed (outlined in the frame)."""
        if step.index == 0:
            return []
        now = np.asarray(step.state["stateVector"])
        before = np.asarray(self.trace[step.index - 1].state["stateVector"])
        return np.flatnonzero(np.abs(now - before) > 1e-12).tolist()
