"""Quicksort's picture: the range being partitioned, its pivot, i and j, the placed values."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eigenvue.text import number

from ..array_frames import ArrayDiagram, draw_cost
from .cost import measured

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from eigenvue.drawing import Theme
    from eigenvue.step import Step


class Diagram(ArrayDiagram):
    """The array as bars; the range in play, the hatched pivot, the boundary i and scan j."""

    done_label = "placed"

    def marks(self, step: Step) -> dict[str, Any]:
        """The pivot, the compared value or swapped pair, i and j, the placed values."""
        state, n = step.state, len(step.state["array"])
        marks: dict[str, Any] = {"done": list(state.get("sorted", ())), "title": ""}
        if "low" not in state:
            marks["title"] = "sorted" if step.is_terminal and n > 1 else ""
            return marks
        low, high = state["low"], state["high"]
        marks["active"] = (low, high)
        if "pivotIdx" in state:
            marks["pivot"] = state["pivotIdx"]
            marks["title"] = f"positions {low} – {high}: pivot placed at {state['pivotIdx']}"
            return marks
        marks["pivot"] = high
        marks["title"] = f"positions {low} – {high}, pivot {number(state['pivot'])}"
        if step.id == "partition_compare":
            marks["compare"] = (state["j"],)
        elif step.id == "partition_swap":
            marks["swap"] = (state["i"], state["j"])
        if "i" in state:
            marks["pointers"] = {"i": state["i"], "j": state["j"]}
        else:
            marks["pointers"] = {"low": low, "high": high}
        return marks


def cost_chart(theme: Theme) -> Figure:
    """Comparisons measured against n log n and n²: quadratic on sorted and reversed input."""
    return draw_cost(theme, measured(), "comparisons", title="Quicksort: comparisons")


def swap_chart(theme: Theme) -> Figure:
    """Swaps measured, including the swap that places each pivot."""
    return draw_cost(theme, measured(), "swaps", title="Quicksort: swaps")
