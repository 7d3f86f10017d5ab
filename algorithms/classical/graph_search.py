"""What the graph searches (bfs, dfs, dijkstra) share: the drawn graph, paths, the trace limit.

The ``nodes`` and ``edges`` state keys follow Eigenvue's graph convention: one
node per key of the adjacency list, sorted by id, with its position; one
undirected edge per pair of endpoints, the first listed occurrence kept. Both
lists are built once and shared by every step of a trace.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from eigenvue.graph_input import GraphInputs, graph_limit
from eigenvue.inputs import Limit

#: Largest trace accepted, in ids and numbers held by its steps' changing state
#: (visited, queue or stack, predecessors, distances), as the searches' cost
#: bounds count them. Calibrated by bench/bench_classical_graphs.py to keep
#: steps() under a second and 250 MB.
TRACE_LIMIT = 8_000_000


#: The default graph of BFS and DFS (Eigenvue's): six nodes, two paths from A to F.
SIX_NODES = {
    "A": ["B", "C"],
    "B": ["A", "D", "E"],
    "C": ["A", "F"],
    "D": ["B"],
    "E": ["B", "F"],
    "F": ["C", "E"],
}
SIX_NODES_POSITIONS = {
    "A": {"x": 0.1, "y": 0.5},
    "B": {"x": 0.35, "y": 0.2},
    "C": {"x": 0.35, "y": 0.8},
    "D": {"x": 0.65, "y": 0.1},
    "E": {"x": 0.65, "y": 0.5},
    "F": {"x": 0.9, "y": 0.8},
}


def drawn_nodes(inputs: GraphInputs) -> list[dict[str, Any]]:
    """The ``nodes`` state: ``{"id", "label", "x", "y"}`` per node, sorted by id."""
    out = []
    for node in sorted(inputs.adjacencyList):
        x, y = inputs.position(node)
        out.append({"id": node, "label": node, "x": x, "y": y})
    return out


def drawn_edges(inputs: GraphInputs, *, weighted: bool = False) -> list[dict[str, Any]]:
    """The ``edges`` state: each undirected edge once, as first listed (with its weight)."""
    seen: set[tuple[str, str]] = set()
    out = []
    for node in inputs.adjacencyList:
        for neighbour, weight in inputs.weighted_neighbours(node):
            key = (node, neighbour) if node <= neighbour else (neighbour, node)
            if key in seen:
                continue
            seen.add(key)
            edge: dict[str, Any] = {"from": node, "to": neighbour}
            if weighted:
                edge["weight"] = weight
            edge["directed"] = False
            out.append(edge)
    return out


def path_to(predecessors: Mapping[str, str | None], target: str) -> list[str]:
    """The path start → ``target``, following predecessors back from the target."""
    path = [target]
    while (before := predecessors[path[-1]]) is not None:
        path.append(before)
    return path[::-1]


def search_limit(cost: Callable[[int, int], float]) -> Limit:
    """The trace limit of a graph search, blaming ``adjacencyList``.

    Parameters
    ----------
    cost : callable
        ``cost(nodes, entries)``: an upper bound on the ids and numbers the trace's
        changing state holds over all its steps (the graph itself is stored once),
        for a graph of ``nodes`` nodes and ``entries`` adjacency-list entries.
    """
    return graph_limit(cost, TRACE_LIMIT, unit="ids and numbers in the trace")
