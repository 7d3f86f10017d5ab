"""The inputs of depth-first search: a graph, where to start and what to look for."""

from __future__ import annotations

from eigenvue.graph_input import Adjacency

from ..graph_search import SearchInputs, neighbours_field, search_limit


class Inputs(SearchInputs):
    """An unweighted graph, a start node and an optional target."""

    adjacencyList: Adjacency = neighbours_field(
        " (DFS tries them in ascending id order, whatever the list order)"
    )

    # Up to 2V steps: a visit copies visited and predecessors (up to V ids each), and
    # every step copies the stack, which can hold an entry per adjacency entry.
    rules = (search_limit(lambda nodes, entries: 2 * nodes * (nodes + entries) + entries),)
