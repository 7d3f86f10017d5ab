"""The cost of a full depth-first search measured on random graphs of 8 to 512 nodes (see graph_cost)."""

from __future__ import annotations

from functools import cache

from ..graph_cost import Measurement, measure


@cache
def measured() -> Measurement:
    """Edges examined and stack operations of searches from one node over the whole graph."""
    return measure("dfs", ("edgesExamined", "stackOperations"))
