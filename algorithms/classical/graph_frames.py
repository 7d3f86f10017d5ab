"""The picture the graph searches share: the graph, and beside it the container they work from.

The graph is drawn once (nodes at their positions, edges with weights); each
step recolours it from the state: visited nodes, the node being expanded, the
nodes waiting in the container, the tree of parents found so far, the edge
being looked at and, at the end, the path. The container (queue, stack or
priority queue) is a strip of boxes. Every number and id comes from the steps'
states; a step that does not repeat a key (BFS's ``dequeue`` step carries no
``predecessors``) shows the latest earlier step's value.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

import eigenvue.drawing
from eigenvue.drawing.parts import GraphPart, StripPart

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure

    from eigenvue.drawing import Theme
    from eigenvue.step import Step, Trace

    from .graph_cost import Measurement


#: Up to this many nodes, edge weights are written on the edges.
WEIGHTED_NODES = 20


def latest(trace: Trace, step: Step, key: str) -> Any:
    """``key`` of the state of ``step``, or of the last earlier step that has it."""
    for earlier in range(step.index, -1, -1):
        if key in trace[earlier].state:
            return trace[earlier].state[key]
    return None


def tree_edges(parents: Mapping[str, str | None] | None, nodes: set[str]) -> dict:
    """Edge states ``"tree"`` from each of ``nodes`` to its parent."""
    parents = parents or {}
    return {(parent, node): "tree" for node in nodes if (parent := parents.get(node)) is not None}


def path_edges(path: list[str]) -> dict:
    """Edge states ``"path"`` along ``path``."""
    return {(u, v): "path" for u, v in zip(path, path[1:])}


class GraphSearchDiagram(eigenvue.drawing.Diagram):
    """The graph and a container strip; subclasses say what each step colours.

    ``layout`` puts the strip at the ``"bottom"`` (a queue or priority queue, a
    row) or on the ``"right"`` (a stack, a column); ``side`` adds an Axes right
    of everything for a subclass's own part (e.g. a distance table).
    """

    kind = "queue"
    layout = "bottom"
    side = False
    key_prefix = ""

    def __init__(self, fig: SubFigure, trace: Trace, theme: Theme) -> None:
        super().__init__(fig, trace, theme)
        first = trace[0].state
        positions = {node["id"]: (node["x"], node["y"]) for node in first["nodes"]}
        # Past WEIGHTED_NODES nodes the weights would cover the drawing; the relax
        # steps still state each weight in their explanation.
        weighted = len(positions) <= WEIGHTED_NODES
        edges = [
            (e["from"], e["to"], e["weight"])
            if weighted and "weight" in e
            else (e["from"], e["to"])
            for e in first["edges"]
        ]
        columns = [3.0] + ([1.0] if self.layout == "right" else []) + ([1.1] if self.side else [])
        below = self.layout == "bottom"
        grid = self.panels(
            2 if below else 1,
            len(columns),
            widths=columns,
            heights=(4.2, 1.0) if below else None,
            box=(0.01, 0.02, 0.99, 0.98),
            gaps=(0.04, 0.06),
        )
        self.graph = GraphPart(fig.add_subplot(grid[0, 0]), theme, positions, edges)
        strip_at = grid[1, 0] if self.layout == "bottom" else grid[0, 1]
        self.strip = StripPart(
            fig.add_subplot(strip_at),
            theme,
            kind=self.kind,  # type: ignore[arg-type]
            capacity=12 if self.layout == "bottom" else 9,
            key_prefix=self.key_prefix,
        )
        self.side_ax: Axes | None = fig.add_subplot(grid[:, -1]) if self.side else None

    def node_states(
        self, state: dict, waiting: set[str], path: list[str] | None = None
    ) -> dict[str, str]:
        """Node states: visited, waiting in the container (frontier), current, path.

        ``waiting`` wins over visited: BFS marks a node visited as it enters the queue,
        and a node waiting to be expanded is what the frontier colour shows.
        """
        states = {node: "visited" for node in state.get("visited", [])}
        states.update({node: "frontier" for node in waiting})
        if "current" in state:
            states[state["current"]] = "current"
        for node in path or ():
            states[node] = "path"
        return states


def draw_cost(theme: Theme, measured: Measurement, container: str, *, title: str) -> Figure:
    """The counters of full searches against the graph size V + E, with V + E and V² to compare.

    Parameters
    ----------
    theme : Theme
        The colours.
    measured : Measurement
        What :func:`.graph_cost.measure` counted: ``edgesExamined`` and the
        ``container`` counter.
    container : str
        The counter of queue or stack operations (``"queueOperations"``).
    title : str
        The chart's caption.
    """
    from matplotlib.figure import Figure

    from eigenvue.drawing.parts import CurvePart

    size = (measured.nodes + measured.edges).astype(float)
    examined = measured.counts["edgesExamined"].astype(float)
    operations = measured.counts[container].astype(float)
    total = examined + operations
    # Each law scaled to meet the total at the smallest graph: the gap at the largest shows
    # which law the count follows.
    laws = {"V + E": size, "V²": measured.nodes.astype(float) ** 2}
    references = {name: (size, law * total[0] / law[0]) for name, law in laws.items()}
    fig = Figure(figsize=(8.0, 4.6), dpi=100)
    ax = fig.add_axes((0.1, 0.13, 0.78, 0.76))
    kind = container.removesuffix("Operations")
    series = {
        "edges examined": "compare",
        f"{kind} operations": "forward",
        "both together": "result",
    }
    part = CurvePart(
        ax,
        theme,
        series,
        x_range=(float(size[0]), float(size[-1])),
        y_values=np.concatenate([examined, operations, total]),
        references=references,
        xlabel=f"graph size V + E (V = {measured.nodes[0]:,} … {measured.nodes[-1]:,} nodes)",
        ylabel="operations",
        title=title,
    )
    part.update(dict(zip(series, (examined, operations, total))), x=size)
    ax.set_xscale("log")
    ax.set_xlim(float(size[0]) / 1.2, float(size[-1]) * 1.2)
    ax.set_xticks(size, [f"{int(s):,}" for s in size])
    ax.minorticks_off()
    return fig
