"""Heap sort's picture: the array, and the same values as the binary tree the heap is."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from eigenvue.drawing.parts import GraphPart
from eigenvue.text import number

from ..array_frames import ArrayDiagram, draw_cost
from .cost import measured

if TYPE_CHECKING:
    from matplotlib.figure import Figure, SubFigure

    from eigenvue.drawing import Theme
    from eigenvue.step import Step, Trace

#: Up to this many values the heap is also drawn as a tree (five levels).
TREE_UP_TO = 31


def _pointers(state: dict[str, Any]) -> list[int]:
    return [state[k] for k in ("node", "left", "right", "largest") if state.get(k) is not None]


class Diagram(ArrayDiagram):
    """The array (top) and the heap as a tree (bottom): compared, swapped, sorted positions."""

    def __init__(self, fig: SubFigure, trace: Trace, theme: Theme) -> None:
        values = list(trace[0].state["array"])
        n = len(values)
        self.tree: GraphPart | None = None
        if 1 < n <= TREE_UP_TO:
            self.array_box = (0.01, 0.6, 0.98, 0.39)
        super().__init__(fig, trace, theme)
        if self.array_box[1] > 0.5:
            depth = int(math.log2(n))
            positions = {}
            for i in range(n):
                d = int(math.log2(i + 1))
                slot = i - (2**d - 1)
                positions[i] = ((slot + 0.5) / 2**d, 1.0 - d / max(depth, 1))
            self.tree = GraphPart(
                fig.add_axes((0.01, 0.08, 0.98, 0.5)),
                theme,
                positions,
                [((i - 1) // 2, i) for i in range(1, n)],
                labels={i: number(v) for i, v in enumerate(values)},
                title="the heap as a tree (children of i: 2i + 1, 2i + 2)",
                legend_words={
                    "visited": "sorted",
                    "frontier": "child looked at",
                    "current": "sifting down",
                    "edge:active": "compared",
                    "edge:relaxed": "swapped",
                },
            )

    def marks(self, step: Step) -> dict[str, Any]:
        """The heap part active, the sorted suffix, the compared or swapped positions."""
        state = step.state
        size = state["heapSize"]
        marks: dict[str, Any] = {"done": list(state["sortedSuffix"])}
        if size > 0 and state["phase"] != "done":
            marks["active"] = (0, size - 1)
            marks["title"] = f"heap: positions 0 – {size - 1}"
        else:
            marks["title"] = "sorted" if len(state["array"]) > 1 else ""
        if step.id == "siftdown_compare":
            marks["compare"] = _pointers(state)
        elif step.id in ("siftdown_swap", "extract_swap"):
            marks["swap"] = (state["node"], state["largest"])
        pointers = {"node": state["node"]}
        if state["largest"] is not None and state["largest"] != state["node"]:
            pointers["largest"] = state["largest"]
        marks["pointers"] = pointers
        return marks

    def update(self, step: Step) -> None:
        """Draw the array, then the tree with the same marks."""
        super().update(step)
        if self.tree is None:
            return
        state = step.state
        nodes: dict[int, str] = {i: "visited" for i in state["sortedSuffix"]}
        edges: dict[tuple[int, int], str] = {}
        node, largest = state["node"], state["largest"]
        if step.id == "siftdown_compare":
            for child in (state["left"], state["right"]):
                if child is not None:
                    nodes[child] = "frontier"
                    edges[(node, child)] = "active"
        if step.id in ("siftdown_swap", "extract_swap"):
            nodes[largest] = "frontier"
            if (largest - 1) // 2 == node:
                edges[(node, largest)] = "relaxed"
        if node is not None:
            nodes[node] = "current"
        if step.is_terminal:
            nodes = {i: "visited" for i in range(len(state["array"]))}
        self.tree.update(
            node_states=nodes,
            edge_states=edges,
            labels={i: number(v) for i, v in enumerate(state["array"])},
        )


def cost_chart(theme: Theme) -> Figure:
    """Comparisons measured against n log n and n²: n log n whatever the input."""
    return draw_cost(theme, measured(), "comparisons", title="Heap sort: comparisons")


def swap_chart(theme: Theme) -> Figure:
    """Swaps measured, in the build and the extractions."""
    return draw_cost(theme, measured(), "swaps", title="Heap sort: swaps")
