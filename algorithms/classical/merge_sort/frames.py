"""Merge sort's picture: the array with the two runs being merged, and the buffer below it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eigenvue.drawing.parts import ArrayPart

from ..array_frames import ArrayDiagram, draw_cost, value_range
from .cost import measured

if TYPE_CHECKING:
    from matplotlib.figure import Figure, SubFigure

    from eigenvue.drawing import Theme
    from eigenvue.step import Step, Trace


class Diagram(ArrayDiagram):
    """The array (top) with the runs in play and i, j; the buffer (bottom) with the write k."""

    counters = ("comparisons", "writes")
    array_box = (0.01, 0.47, 0.98, 0.52)

    def __init__(self, fig: SubFigure, trace: Trace, theme: Theme) -> None:
        super().__init__(fig, trace, theme)
        self.buffer = ArrayPart(
            fig.add_axes((0.01, 0.09, 0.98, 0.36)),
            theme,
            self.size,
            value_range=value_range(list(trace[0].state["array"])),
            pointer_rows=1,
            title="buffer",
            legend_words={"swap": "written"},
        )

    def marks(self, step: Step) -> dict[str, Any]:
        """The runs being merged (active), the compared fronts i and j, the sorted end."""
        state, n = step.state, len(step.state["array"])
        if step.is_terminal:
            return {"done": list(range(n)), "title": "sorted" if n > 1 else ""}
        if "round" in state:
            size = state["size"]
            return {
                "title": f"round {state['round']}: merge runs of {size} into runs of {2 * size}"
            }
        if "left" not in state:
            return {"title": f"{n} runs of one value"}
        left, right = state["left"], state["right"]
        marks: dict[str, Any] = {"active": (left, right)}
        if "i" in state:
            marks["compare"] = (state["i"], state["j"])
            marks["pointers"] = {"i": state["i"], "j": state["j"]}
            marks["title"] = f"merge {left} – {state['mid']} with {state['mid'] + 1} – {right}"
        elif "mid" in state:
            marks["pointers"] = {"left": left, "mid": state["mid"], "right": right}
            marks["title"] = f"merge {left} – {state['mid']} with {state['mid'] + 1} – {right}"
        else:
            marks["title"] = f"positions {left} – {right} merged"
        return marks

    def update(self, step: Step) -> None:
        """Draw the array, then the buffer with the slot just written."""
        super().update(step)
        state = step.state
        if "auxiliary" not in state:
            self.buffer.update([None] * self.size, title="buffer")
            return
        aux = list(state["auxiliary"]) or [None]
        k = state.get("k")
        self.buffer.update(
            aux,
            swap=() if k is None else (k,),
            active=(state["left"], state["right"]) if "left" in state else None,
            pointers={} if k is None else {"k": k},
            title="buffer: merged values so far" if k is not None else "buffer",
        )


def cost_chart(theme: Theme) -> Figure:
    """Comparisons measured against n log n and n²: n log n whatever the input."""
    return draw_cost(theme, measured(), "comparisons", title="Merge sort: comparisons")


def write_chart(theme: Theme) -> Figure:
    """Writes measured, to the buffer and back: 2n per round."""
    return draw_cost(theme, measured(), "writes", title="Merge sort: writes")
