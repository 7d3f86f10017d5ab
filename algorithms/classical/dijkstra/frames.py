"""The Dijkstra picture: the graph with distances, the priority queue, and the distance table.

Settled nodes are tinted, the node being settled is highlighted, nodes waiting
in the queue are frontier-coloured, each node's distance is written beside it,
the current parents are drawn as tree edges, the edge being relaxed is
highlighted (and coloured as relaxed when it lowers a distance). Under the
graph, the priority queue smallest first, stale entries included; on the
right, the table of distances and parents.
"""

from __future__ import annotations

from eigenvue.drawing.parts import TablePanel
from eigenvue.text import number

from ..graph_frames import GraphSearchDiagram, draw_cost, path_edges, tree_edges

#: Table rows shown; a larger graph lists its first nodes and says how many more.
ROWS = 12


def _distance(value) -> str:
    return value if isinstance(value, str) else number(value, 3)


class Diagram(GraphSearchDiagram):
    """The graph above the priority queue, the distance table on the right."""

    kind = "priority"
    layout = "bottom"
    side = True
    key_prefix = "d="

    def __init__(self, fig, trace, theme):
        super().__init__(fig, trace, theme)
        self.table = TablePanel(self.side_ax, theme, max_rows=ROWS, max_columns=3, fontsize=9.5)

    def update(self, step):
        """Colour the graph, fill the queue and the table from the step's state."""
        state = step.state
        distances, parents = state["distances"], state["parents"]
        queue = [tuple(pair) for pair in state["priorityQueue"]]
        path = state.get("path")
        settled = set(state["visited"])
        edges = tree_edges(parents, set(parents) - {None})
        added, removed = (), None
        focus = [state["current"]] if "current" in state else []
        if step.id == "relax_edge":
            edges[(state["relaxing"]["from"], state["relaxing"]["to"])] = "active"
            focus.append(state["relaxing"]["to"])
        elif step.id == "distance_updated":
            relaxed = self.trace[step.index - 1].state["relaxing"]
            focus.append(relaxed["to"])
            edges[(relaxed["from"], relaxed["to"])] = "relaxed"
            added = tuple(
                i
                for i, (node, d) in enumerate(queue)
                if node == relaxed["to"] and d == relaxed["newDist"]
            )
        elif step.id == "extract_min":
            removed = (state["current"], distances[state["current"]])
        edges.update(path_edges(path or []))
        waiting = {node for node, _ in queue} - settled
        self.graph.update(
            self.node_states(state, waiting, path),
            node_notes={node: _distance(d) for node, d in distances.items()},
            edge_states=edges,
            title=(
                f"settled {len(settled)} of {len(distances)} nodes · {state['edgesExamined']} "
                f"edges examined · {state['queueOperations']} queue operations"
            ),
        )
        self.strip.update(queue, added=added, removed=removed)
        # A long table starts with the nodes this step is about, then goes by id.
        ids = focus + [node for node in distances if node not in focus]
        rows = [
            [
                ("▶ " if node == state.get("current") else "")
                + node
                + (" ✓" if node in settled else ""),
                _distance(distances[node]),
                parents[node] or "–",
            ]
            for node in (ids[:ROWS] if len(ids) > ROWS else list(distances))
        ]
        more = f"… and {len(ids) - ROWS:,} more nodes. " if len(ids) > ROWS else ""
        self.table.show(
            f"Distances from {self.trace.inputs.startNode}",
            header=["node", "distance", "parent"],
            rows=rows,
            note=more + f"✓ settled: the distance is final ({len(settled)} so far).",
        )


def cost_chart(theme):
    """Edges examined and queue operations measured against V + E and V²."""
    from .cost import measured

    return draw_cost(
        theme,
        measured(),
        "queueOperations",
        title="Dijkstra: operations of a full run (each costs O(log V) with a binary heap)",
    )
