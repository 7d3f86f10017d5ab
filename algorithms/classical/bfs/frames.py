"""The BFS picture: the graph coloured by the search, and the queue under it.

Visited nodes are tinted, the node being expanded is highlighted, the nodes
waiting in the queue are frontier-coloured, the BFS tree (each discovered node
joined to the node it was reached from) is drawn as tree edges, and the edge to
a neighbour just discovered is highlighted. Beside each discovered node, its level
d (edges from the start). At the end, the path found.
"""

from __future__ import annotations

from ..graph_frames import GraphSearchDiagram, draw_cost, latest, path_edges, tree_edges


class Diagram(GraphSearchDiagram):
    """The graph above, the queue (front → back) below."""

    kind = "queue"
    layout = "bottom"

    def update(self, step):
        """Colour the graph and fill the queue from the step's state."""
        state = step.state
        queue = state.get("queue", [])
        path = state.get("path")
        parents = latest(self.trace, step, "predecessors")
        edges = tree_edges(parents, set(state["visited"]))
        if step.id == "visit_neighbor":
            edges[(state["current"], state["neighbor"])] = "active"
        edges.update(path_edges(path or []))
        levels = self.trace[-1].state["levels"]  # fixed at discovery: shown once discovered
        self.graph.update(
            self.node_states(state, set(queue), path),
            node_notes={node: f"d={levels[node]}" for node in state["visited"]},
            edge_states=edges,
            title=(
                f"visited {len(state['visited'])} of {len(state['nodes'])} nodes · "
                f"{state['edgesExamined']} edges examined · "
                f"{state['queueOperations']} queue operations"
            ),
        )
        self.strip.update(
            queue,
            added=(len(queue) - 1,) if step.id in ("visit_neighbor", "initialize") else (),
            removed=state["current"] if step.id == "dequeue" else None,
        )


def cost_chart(theme):
    """Edges examined and queue operations measured against V + E and V²."""
    from .cost import measured

    return draw_cost(
        theme,
        measured(),
        "queueOperations",
        title="Breadth-first search: operations of a full search (each list read once, each node queued once)",
    )
