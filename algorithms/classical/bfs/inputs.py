"""The inputs of breadth-first search: a graph, where to start and what to look for."""

from __future__ import annotations

from pydantic import Field

from eigenvue.graph_input import Adjacency, GraphInputs, NodeId, Positions, Target

from ..graph_search import SIX_NODES, SIX_NODES_POSITIONS, search_limit


class Inputs(GraphInputs):
    """An unweighted graph, a start node and an optional target."""

    adjacencyList: Adjacency = Field(
        default=SIX_NODES,
        description=(
            "The graph: each node id and the ids of its neighbours, in the order BFS "
            "looks at them. List an undirected edge under both of its nodes."
        ),
    )
    positions: Positions | None = Field(
        default=SIX_NODES_POSITIONS,
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

    # About 2V steps; the V discovering steps each copy visited and predecessors (up to
    # V ids each), and every step copies the queue (up to V ids).
    rules = (search_limit(lambda nodes, entries: 4 * nodes * nodes + entries),)
