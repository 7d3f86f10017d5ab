"""The inputs of breadth-first search: a graph, where to start and what to look for."""

from __future__ import annotations

from eigenvue.graph_input import Adjacency

from ..graph_search import SearchInputs, neighbours_field, search_limit


class Inputs(SearchInputs):
    """An unweighted graph, a start node and an optional target."""

    adjacencyList: Adjacency = neighbours_field(", in the order BFS looks at them")

    # About 2V steps; the V discovering steps each copy visited and predecessors (up to
    # V ids each), and every step copies the queue (up to V ids).
    rules = (search_limit(lambda nodes, entries: 4 * nodes * nodes + entries),)
