"""Grover's search pictured: the circuit, the amplitudes and the success probability so far.

Above, the circuit: H on every qubit, then an oracle (O) and a diffusion (D)
box per iteration across all wires, then the measurement, the current column
lit. Below left, the probability bars coloured by phase (the oracle's sign
flip shows as a colour change before any probability moves), the targets
starred; below right, the success probability after each iteration so far,
with the optimum number of iterations marked. The page chart
:func:`success_chart` draws the whole curve, past the optimum.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
from matplotlib.figure import Figure

from eigenvue.drawing.parts import CurvePart

from ..circuit_frames import CircuitDiagram
from .grover import optimal_iterations, success_by_iteration

if TYPE_CHECKING:
    from eigenvue.drawing import Theme
    from eigenvue.step import Step


class Diagram(CircuitDiagram):
    """Circuit (O: oracle, D: diffusion), amplitudes with the targets starred, success curve."""

    def compose(self, n: int, first: Mapping[str, Any]) -> None:
        """H, then an O and a D box per iteration, then the meters; the success curve beside."""
        total = int(first["totalIterations"])
        wires = list(range(n))
        ops = [{"gate": "H", "qubits": wires}]
        # O: the oracle, D: the diffusion, once per iteration.
        ops += [{"gate": name, "qubits": wires} for _ in range(total) for name in "OD"]
        ops.append({"gate": "MEASURE", "qubits": wires})
        side = self.build(n, ops, first["basisLabels"], side=True)
        assert side is not None
        self.targets = list(first["targets"])
        # Success after k iterations: the superposition step (k = 0), then each diffusion.
        trace = self.trace
        self.success = [float(trace[1].state["successProbability"])] + [
            float(s.state["successProbability"]) for s in trace if s.id.startswith("diffusion_")
        ]
        best = int(first["optimalIterations"])
        self.curve = CurvePart(
            side,
            self.theme,
            {"P(success)": "result"},
            x_range=(0, max(total, best, 1)),
            y_values=[0.0, 1.0],
            references={f"optimum {best}": ([best, best], [0.0, 1.0])},
            xlabel="Grover iterations",
            title="success probability",
            log=False,
        )

    def update(self, step: Step) -> None:
        """Light the step's operation, draw the state, extend the success curve."""
        state = step.state
        i = int(state["iteration"])
        kind = state["phase"]
        at = {"initialize": -1, "hadamard": 0, "oracle": 2 * i - 1, "diffusion": 2 * i}.get(
            kind, 2 * int(state["totalIterations"]) + 1
        )
        note = f"success {state['successProbability']:.3g}"
        self.show(step, at, targets=self.targets, counts=state.get("counts"), note=note)
        done = 0 if kind == "initialize" else i if kind != "oracle" else i - 1
        shown = [] if kind == "initialize" else self.success[: done + 1]
        self.curve.update(shown, x=np.arange(len(shown)))


def success_chart(theme: Theme) -> Figure:
    """Success probability against iterations for one target among 16 and among 64."""
    fig = Figure(figsize=(8.0, 4.6), dpi=100)
    ax = fig.add_axes((0.1, 0.13, 0.75, 0.74))
    runs = {}
    references = {}
    meanings = {"N = 16": "forward", "N = 64": "result"}
    last = 14
    # The optimum lines end at different heights, so their names do not overlap.
    for (n, name), top in zip(((4, "N = 16"), (6, "N = 64")), (1.04, 0.9)):
        best = optimal_iterations(2**n, 1)
        runs[name] = success_by_iteration(n, [1], last)
        references[f"optimum {best} ({name})"] = ([best, best], [0.0, top])
    part = CurvePart(
        ax,
        theme,
        meanings,
        x_range=(0, last),
        y_values=[0.0, 1.04],
        references=references,
        xlabel="Grover iterations k",
        ylabel="P(success)",
        title="One marked state: success probability sin²((2k + 1)θ), sin θ = 1/√N",
        log=False,
    )
    part.update(runs, x=np.arange(last + 1))
    return fig
