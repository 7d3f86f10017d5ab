"""The inputs of Dijkstra's algorithm: a weighted graph with weights ≥ 0, a source, a target."""

from __future__ import annotations

from pydantic import Field

from eigenvue.graph_input import (
    GraphInputs,
    NodeId,
    Positions,
    Target,
    WeightedAdjacency,
    nonnegative_weights,
)

from ..graph_search import placed, positions_field, search_limit


def _edges(*pairs: tuple[str, float]) -> list[dict[str, object]]:
    return [{"to": to, "weight": weight} for to, weight in pairs]


DEFAULT_GRAPH = {
    "A": _edges(("B", 4), ("C", 2)),
    "B": _edges(("A", 4), ("C", 1), ("D", 5)),
    "C": _edges(("A", 2), ("B", 1), ("D", 8), ("E", 10)),
    "D": _edges(("B", 5), ("C", 8), ("E", 2)),
    "E": _edges(("C", 10), ("D", 2)),
}
DEFAULT_POSITIONS = placed(A=(0.1, 0.3), B=(0.4, 0.1), C=(0.4, 0.5), D=(0.7, 0.3), E=(0.9, 0.5))


class Inputs(GraphInputs):
    """A graph with non-negative edge weights, a source node and an optional target."""

    adjacencyList: WeightedAdjacency = Field(
        default=DEFAULT_GRAPH,
        description=(
            'The graph: each node id and its edges {"to": neighbour, "weight": w}, with finite '
            "weights w ≥ 0. List an undirected edge under both of its nodes."
        ),
    )
    positions: Positions | None = positions_field(DEFAULT_POSITIONS)
    startNode: NodeId = Field(
        default="A", description="The source: distances are measured from it."
    )
    targetNode: Target = Field(
        default="E",
        description=(
            'Stop once this node\'s distance is final; "" (or left out, with your own graph) '
            "to compute the distance of every node."
        ),
    )

    # Up to V + 2E steps: V extractions copy visited (up to V ids); up to E updates copy
    # the distances and parents (V each); both copy the queue (up to E entries).
    rules = (
        nonnegative_weights(),
        search_limit(lambda v, e: v * v + 2 * v * e + (v + e) * e),
    )
