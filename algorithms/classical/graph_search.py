"""What the graph searches (bfs, dfs, dijkstra) share: the drawn graph, paths, the trace limit.

The ``nodes`` and ``edges`` state keys follow Eigenvue's graph convention: one
node per key of the adjacency list, sorted by id, with its position; one
undirected edge per pair of endpoints, the first listed occurrence kept. Both
lists are built once and shared by every step of a trace.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from pydantic import Field

from eigenvue.graph_input import Adjacency, GraphInputs, NodeId, Positions, Target, graph_limit
from eigenvue.inputs import Limit
from eigenvue.step import Step

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


def placed(**nodes: tuple[float, float]) -> dict[str, dict[str, float]]:
    """A ``positions`` input from ``node=(x, y)`` pairs."""
    return {node: {"x": x, "y": y} for node, (x, y) in nodes.items()}


SIX_NODES_POSITIONS = placed(
    A=(0.1, 0.5), B=(0.35, 0.2), C=(0.35, 0.8), D=(0.65, 0.1), E=(0.65, 0.5), F=(0.9, 0.8)
)


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


def positions_field(default: Mapping[str, Mapping[str, float]]) -> Any:
    """The ``positions`` input of a graph search, drawn at ``default`` unless given."""
    return Field(
        default=default,
        description=(
            "Where each node is drawn, {x, y} in [0, 1]. Leave it out to have the graph laid "
            "out automatically."
        ),
    )


class SearchInputs(GraphInputs):
    """An unweighted graph (:data:`SIX_NODES` by default), a start node and an optional target.

    A search's own Inputs says how it reads the adjacency list, with
    ``adjacencyList: Adjacency = neighbours_field(...)``, and gives its trace limit.
    """

    adjacencyList: Adjacency = Field(default=SIX_NODES)
    positions: Positions | None = positions_field(SIX_NODES_POSITIONS)
    startNode: NodeId = Field(default="A", description="The node the search starts from.")
    targetNode: Target = Field(
        default="F",
        description=(
            'The node searched for; "" (or left out, with your own graph) to explore '
            "every node reachable from the start."
        ),
    )


def neighbours_field(order: str) -> Any:
    """The ``adjacencyList`` input of an unweighted search; ``order`` says how it reads them."""
    return Field(
        default=SIX_NODES,
        description=(
            f"The graph: each node id and the ids of its neighbours{order}. List an "
            "undirected edge under both of its nodes."
        ),
    )


def search_start(
    search: str,
    start: str,
    target: str,
    how: str,
    state: dict[str, Any],
    visual_actions: list[dict[str, Any]] | None = None,
) -> Step:
    """The first step of an unweighted search: what it looks for, from where, and how.

    ``search`` names it (``"Breadth-first search"``); ``how`` is the sentence or two
    on how it goes on from the start.
    """
    goal = f"looking for {target}" if target else "exploring every node it can reach"
    return Step(
        id="initialize",
        title=f"Start at {start}",
        explanation=f"{search} starts at {start}, {goal}. {how}",
        lines="init",
        state=state,
        visual_actions=visual_actions or [],
    )


def count_nodes(nodes: list[str]) -> str:
    """``"1 node"``, ``"12 nodes"``: how many nodes a search has visited, in words."""
    return f"{len(nodes):,} node{'s' if len(nodes) != 1 else ''}"


def target_found(path: list[str], title: str, explanation: str, state: dict[str, Any]) -> Step:
    """The last step of a search that reached its target: the path is marked."""
    return Step(
        id="target_found",
        title=title,
        explanation=explanation,
        lines="found",
        is_terminal=True,
        state=state,
        visual_actions=[{"type": "markPath", "nodeIds": path}],
    )


def ran_empty(
    container: str,
    start: str,
    target: str,
    visited: list[str],
    state: dict[str, Any],
    *,
    listing: str = "",
    message: bool = False,
) -> Step:
    """The last step of a search whose queue or stack ran empty before any target was found.

    Parameters
    ----------
    container : str
        ``"queue"`` or ``"stack"``.
    start, target : str
        The start node; the target, ``""`` when the search explores every node.
    visited : list of str
        The nodes visited.
    state : dict
        The step's state.
    listing : str
        Text following the count of nodes explored (e.g. ``": A, B, C"``).
    message : bool
        Whether the step carries Eigenvue's ``showMessage`` visual action.
    """
    reached = count_nodes(visited)
    if target:
        step_id, title, note, kind = (
            "target_not_found",
            f"{target} cannot be reached",
            f"{target} unreachable",
            "warning",
        )
        explanation = (
            f"The {container} is empty: every node reachable from {start} has been visited "
            f"({reached}), and {target} is not among them. No path leads there."
        )
    else:
        step_id, title, note, kind = (
            "exploration_complete",
            "Every reachable node visited",
            f"Visited {reached}",
            "success",
        )
        explanation = (
            f"The {container} is empty: the search has visited all {reached} reachable from "
            f"{start}{listing}."
        )
    return Step(
        id=step_id,
        title=title,
        explanation=explanation,
        lines="exhausted",
        is_terminal=True,
        state=state,
        visual_actions=[{"type": "showMessage", "text": note, "messageType": kind}]
        if message
        else [],
    )
