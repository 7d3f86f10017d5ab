"""The running sum drawn on the array part: the value being added, and those added already."""

from __future__ import annotations

from typing import Any

import eigenvue.drawing
from eigenvue.drawing.parts import ArrayPart


class Diagram(eigenvue.drawing.Diagram):
    """The values as bars; the one added now highlighted, the ones added done."""

    def __init__(self, fig: Any, trace: Any, theme: Any) -> None:
        super().__init__(fig, trace, theme)
        values = trace[0].state["values"]
        low, high = min(0.0, float(values.min())), max(0.0, float(values.max()))
        self.array = ArrayPart(
            fig.add_axes((0.05, 0.05, 0.9, 0.85)),
            theme,
            len(values),
            value_range=(low, high if high > low else low + 1),
            done_label="added",
        )

    def update(self, step: Any) -> None:
        """Mark the value being added and the values added before it."""
        state = step.state
        i = state["i"]
        self.array.update(
            state["values"],
            compare=[i] if 0 <= i < len(state["values"]) else [],
            done=range(min(max(i, 0), len(state["values"]))),
            title=f"total = {state['total']:g}",
        )
