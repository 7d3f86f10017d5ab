"""Bubble sort's picture: the bars, the compared or swapped pair, the sorted tail, the counters."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..array_frames import ArrayDiagram, draw_cost
from .cost import measured

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from eigenvue.drawing import Theme
    from eigenvue.step import Step


class Diagram(ArrayDiagram):
    """The array as bars; the pass's unsorted part active, the tail marked sorted."""

    def marks(self, step: Step) -> dict[str, Any]:
        """The pair compared or swapped, the active pass range, the sorted tail."""
        state, n = step.state, len(step.state["array"])
        done = list(range(n)) if step.is_terminal else list(state.get("sorted", ()))
        pair = state.get("comparing") or state.get("swapped")
        marks: dict[str, Any] = {"done": done}
        if step.id == "initialize":
            marks["title"] = f"{n} values to sort"
        elif "pass" in state and not step.is_terminal:
            p = state["pass"]
            marks["active"] = (0, n - 1 - p)
            marks["title"] = f"pass {p + 1}: positions 0 – {n - 1 - p}"
        else:
            marks["title"] = "sorted" if n > 1 else ""
        if pair is not None:
            marks["compare" if "comparing" in state else "swap"] = pair
            marks["pointers"] = {"j": pair[0], "j+1": pair[1]}
        return marks


def cost_chart(theme: Theme) -> Figure:
    """Comparisons measured against n log n and n², for random, sorted and reversed input."""
    return draw_cost(theme, measured(), "comparisons", title="Bubble sort: comparisons")


def swap_chart(theme: Theme) -> Figure:
    """Swaps measured (one per inversion: none on sorted input)."""
    return draw_cost(theme, measured(), "swaps", title="Bubble sort: swaps")
