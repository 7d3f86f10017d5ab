"""Binary search's picture: the cells still in range, the probed middle, left, mid and right."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eigenvue.text import number

from ..array_frames import ArrayDiagram, draw_cost
from .cost import measured

if TYPE_CHECKING:
    from matplotlib.figure import Figure, SubFigure

    from eigenvue.drawing import Theme
    from eigenvue.step import Step, Trace


#: Up to this many values each is a cell with its value written in it; beyond, bars.
CELLS_UP_TO = 32


class Diagram(ArrayDiagram):
    """The sorted array as cells (bars when long); positions ruled out are dimmed."""

    counters = ("comparisons",)

    def __init__(self, fig: SubFigure, trace: Trace, theme: Theme) -> None:
        self.style = "cells" if len(trace[0].state["array"]) <= CELLS_UP_TO else "bars"
        super().__init__(fig, trace, theme)

    def marks(self, step: Step) -> dict[str, Any]:
        """The range left … right, the probed middle, the found cell."""
        state = step.state
        left, right, mid = state["left"], state["right"], state.get("mid")
        target = number(state["target"])
        marks: dict[str, Any] = {"pointers": {"left": left, "mid": mid, "right": right}}
        marks["active"] = (left, right)
        if left <= right:
            marks["title"] = f"target {target}: positions {left} – {right} remain"
        else:  # the range is empty: left is where the target would be inserted
            marks["pointers"] = {"left": left}
            marks["title"] = f"target {target}: no position remains; it would go at {left}"
        if step.id == "found":
            marks["found"] = mid
            marks["title"] = f"target {target}: found at position {mid}"
        elif mid is not None:
            marks["compare"] = (mid,)
        return marks


def cost_chart(theme: Theme) -> Figure:
    """Comparisons (mean over targets) against log₂ n and n: doubling n adds one probe."""
    return draw_cost(
        theme,
        measured(),
        "comparisons",
        laws=("log₂ n", "n"),
        title="Binary search: comparisons",
        kinds={
            "target present": "result",
            "target absent": "forward",
            "target past the end": "gradient",
        },
        suffix=" (mean)",
    )
