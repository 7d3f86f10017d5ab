"""The Bloch-sphere picture: the state's arrow on the sphere, its amplitudes and its angles.

Left, the sphere with the current state's arrow, its shadow on the equator
(so θ and φ can be read) and the states visited before as a dotted trail.
Right, the two amplitudes as probability bars coloured by phase, and the
numbers of the step: α0, α1, θ, φ, the point (x, y, z) and the gate that
made the state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

import eigenvue.drawing
from eigenvue.drawing.parts import AmplitudesPart, BlochPart

from .. import statevector as sv

if TYPE_CHECKING:
    from matplotlib.figure import SubFigure

    from eigenvue.drawing import Theme
    from eigenvue.step import Step, Trace

#: Earlier states drawn as the trail.
TRAIL = 5


def _complex(pair: list[float]) -> complex:
    return complex(float(pair[0]), float(pair[1]))


class Diagram(eigenvue.drawing.Diagram):
    """Sphere on the left; amplitudes and numbers on the right."""

    def __init__(self, fig: SubFigure, trace: Trace, theme: Theme) -> None:
        super().__init__(fig, trace, theme)
        grid = self.panels(
            2,
            2,
            widths=(1.15, 1.0),
            heights=(1.0, 0.8),
            box=(0.01, 0.08, 0.97, 0.93),
            gaps=(0.12, 0.45),
        )
        self.sphere = BlochPart(fig.add_subplot(grid[:, 0]), theme)
        self.amplitudes = AmplitudesPart(
            fig.add_subplot(grid[0, 1]), theme, ["|0⟩", "|1⟩"], title="P(0), P(1); colour: phase"
        )
        numbers = fig.add_subplot(grid[1, 1])
        numbers.set_axis_off()
        self.numbers = numbers.text(
            0.0,
            1.0,
            "",
            transform=numbers.transAxes,
            ha="left",
            va="top",
            fontsize=10.5,
            color=theme.text,
            linespacing=1.6,
        )
        self.count = len(trace) - 1

    def update(self, step: Step) -> None:
        """Point the arrow at this step's state and write its numbers."""
        state = step.state
        a0, a1 = _complex(state["alpha0"]), _complex(state["alpha1"])
        point = (state["blochX"], state["blochY"], state["blochZ"])
        earlier = [
            (s.state["blochX"], s.state["blochY"], s.state["blochZ"])
            for s in self.trace[1 : step.index]
        ][-TRAIL:]
        i = int(state["currentIndex"])
        entry = state["stateSequence"][i] if i >= 0 else None
        label = entry["label"] if entry else "|0⟩"
        theta, phi = float(state["theta"]), float(state["phi"])
        self.sphere.update(
            point,
            label=label,
            trail=earlier,
            caption=f"θ = {sv.angle_text(theta)},  φ = {sv.angle_text(phi)}",
        )
        self.amplitudes.update(
            np.array([a0, a1]), probabilities=[state["probZero"], state["probOne"]]
        )
        where = f"state {i + 1} of {self.count}: {label}" if entry else "the starting state |0⟩"
        gate = f"   (made by {state['gate']})" if state.get("gate") else ""
        x, y, z = (sv.coordinate_text(v) for v in point)
        self.numbers.set_text(
            f"{where}{gate}\n"
            f"α0 = {sv.amplitude_text(a0)},   α1 = {sv.amplitude_text(a1)}\n"
            f"θ = {sv.angle_text(theta)},   φ = {sv.angle_text(phi)}\n"
            f"(x, y, z) = ({x}, {y}, {z})"
        )
