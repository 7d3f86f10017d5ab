"""The inputs of depth-first search: a graph, where to start and what to look for."""

from __future__ import annotations

from pydantic import Field

from eigenvue.graph_input import Adjacency, GraphInputs, NodeId, Positions, Target

from ..graph_search import search_limit

DEFAULT_GRAPH = {
    "A": ["B", "C"],
    "B": ["A", "D", "E"],
    "C": ["A", "F"],
    "D": ["B"],
    "E": ["B", "F"],
    "F": ["C", "E"],
}
DEFAULT_POSITIONS = {
    "A": {"x": 0.1, "y": 0.5},
    "B": {"x": 0.35, "y": 0.2},
    "C": {"x": 0.35, "y": 0.8},
    "D": {"x": 0.65, "y": 0.1},
    "E": {"x": 0.65, "y": 0.5},
    "F": {"x": 0.9, "y": 0.8},
}


class Inputs(GraphInputs):
    """An unweighted graph, a start node and an optional target."""

    adjacencyList: Adjacency = Field(
        default=DEFAULT_GRAPH,
        description=(
            "The graph: each node id and the ids of its neighbours (DFS tries them in "
            "ascending id order, whatever the list order). List an undirected edge under "
            "both of its nodes."
        ),
    )
    positions: Positions | None = Field(
        default=DEFAULT_POSITIONS,
        description=(
            "Where each node is drawn, {x, y} in [0, 1]. Leave it out to have the graph laid "
            "out automatically."
        ),
    )
    startNode: NodeId = Field(default="A", description="The node the search starts from.")
    targetNode: Target = Field(
        default="F",
        description=(
            'The node searched for; "" (or left out, with your own graph) to explore '
            "every node reachable from the start."
        ),
    )

    # Up to 2V steps: a visit copies visited and predecessors (up to V ids each), and
    # every step copies the stack, which can hold an entry per adjacency entry.
    rules = (search_limit(lambda nodes, entries: 2 * nodes * (nodes + entries) + entries),)
