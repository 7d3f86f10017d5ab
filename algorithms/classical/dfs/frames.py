"""The DFS picture: the graph coloured by the search, and the stack beside it.

Visited nodes are tinted, the node just popped is highlighted, nodes waiting
on the stack are frontier-coloured, the DFS tree (each visited node joined to
the node whose entry was popped to reach it) is drawn as tree edges, and the
edges to the neighbours just pushed are highlighted. Beside each visited node, its
place in the visiting order (#1 for the start). At the end, the path.
"""

from __future__ import annotations

from ..graph_frames import GraphSearchDiagram, draw_cost, latest, path_edges, tree_edges


class Diagram(GraphSearchDiagram):
    """The graph on the left, the stack (top up) on the right."""

    kind = "stack"
    layout = "right"

    def update(self, step):
        """Colour the graph and fill the stack from the step's state."""
        state = step.state
        visited = set(state["visited"])
        stack = state.get("stack", [])
        path = state.get("path")
        edges = tree_edges(latest(self.trace, step, "predecessors"), visited)
        pushed: tuple[int, ...] = ()
        if step.id == "push_neighbors":
            before = len(self.trace[step.index - 1].state["stack"])
            pushed = tuple(range(before, len(stack)))
            edges.update({(state["current"], stack[i]): "active" for i in pushed})
        edges.update(path_edges(path or []))
        order = self.trace[-1].state["visitOrder"]  # fixed at each visit: shown once visited
        self.graph.update(
            self.node_states(state, set(stack) - visited, path),
            node_notes={node: f"#{order[node]}" for node in visited},
            edge_states=edges,
            title=(
                f"visited {len(visited)} of {len(state['nodes'])} nodes · "
                f"{state['edgesExamined']} edges examined · "
                f"{state['stackOperations']} stack operations"
            ),
        )
        self.strip.update(
            stack,
            added=pushed or ((0,) if step.id == "initialize" else ()),
            removed=state["current"] if step.id == "visit_node" else None,
        )


def cost_chart(theme):
    """Edges examined and stack operations measured against V + E and V²."""
    from .cost import measured

    return draw_cost(
        theme,
        measured(),
        "stackOperations",
        title="Depth-first search: operations of a full search (each list read once, each entry pushed once)",
    )
