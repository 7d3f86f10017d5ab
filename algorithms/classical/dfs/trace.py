"""The depth-first search trace: an explicit stack, nodes marked visited when they are popped.

Steps and state follow Eigenvue 1.0.2's ``dfs`` (step ids ``initialize``,
``visit_node``, ``push_neighbors`` and a terminal ``target_found``,
``target_not_found`` or ``exploration_complete``). Neighbours are pushed in
descending id order, so the smallest id is on top and explored first.

One fix: a node's predecessor is the node whose stack entry was popped to reach
it, so the reported path is the one DFS took. A node waiting on the stack shows
the node that pushed it last: its newest entry is the one popped first.
(Eigenvue keeps each node's first discoverer, which can report a path DFS never
walked: in the triangle A–B–C from A to C, A → C although DFS went A → B → C.)
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterator
from typing import Any

from eigenvue.step import Step

from ..graph_search import drawn_edges, drawn_nodes, path_to, ran_empty, search_start, target_found
from .inputs import Inputs


def _stack_state(stack: list[str]) -> dict[str, Any]:
    items = list(stack)
    return {"stack": items, "dataStructure": {"type": "stack", "label": "Stack", "items": items}}


def _top(stack: list[str], limit: int = 6) -> str:
    if not stack:
        return "empty"
    top = ", ".join(reversed(stack[-limit:]))
    return f"top first: {top}" + (f", … ({len(stack):,} entries)" if len(stack) > limit else "")


def trace(inputs: Inputs) -> Iterator[Step]:
    """Yield the steps of a depth-first search from ``startNode``."""
    start, target = inputs.startNode, inputs.target
    graph = {"nodes": drawn_nodes(inputs), "edges": drawn_edges(inputs)}
    visited: list[str] = []  # kept sorted: the state shows it sorted
    done: set[str] = set()
    # Each node's place in the visiting order (1 for the start): the DFS preorder. Only
    # the last step carries it (extra state "visitOrder"); a frame shows the numbers of
    # the nodes visited so far, which never change, without a copy per step.
    order: dict[str, int] = {}
    predecessors: dict[str, str | None] = {start: None}
    stack = [start]
    # The visited list and predecessors the state shows, copied only after they change
    # and shared by the steps between.
    shown_visited: list[str] = []
    shown_parents = dict(predecessors)
    pushed_since = False  # whether predecessors changed since shown_parents was copied
    # The cost so far, beyond Eigenvue's state: adjacency entries looked at, and pushes
    # and pops (stale entries included). At most E and 2(1 + E) (E: adjacency entries).
    examined, operations = 0, 1

    def base() -> dict[str, Any]:
        return {**graph, "edgesExamined": examined, "stackOperations": operations}

    yield search_start(
        "Depth-first search",
        start,
        target,
        f"{start} goes on the stack; the search always continues from the newest entry, so "
        "it follows one path as deep as it can before it backs up.",
        {**base(), "visited": shown_visited, **_stack_state(stack)},
    )

    while stack:
        current = stack.pop()
        operations += 1
        if current in done:
            continue  # an older entry of a node reached meanwhile: skipped without a step
        done.add(current)
        order[current] = len(order) + 1
        insort(visited, current)
        shown_visited = list(visited)
        if pushed_since:
            shown_parents = dict(predecessors)
            pushed_since = False
        parent = predecessors[current]
        came = f"reached from {parent}" if parent is not None else "the start"
        yield Step(
            id="visit_node",
            title=f"Visit {current}",
            explanation=(
                f"{current} ({came}) is popped from the top of the stack and marked visited. "
                f"Stack now: {_top(stack)}."
            ),
            lines="visit",
            state={
                **base(),
                "visited": shown_visited,
                **_stack_state(stack),
                "current": current,
                "predecessors": shown_parents,
            },
            visual_actions=[{"type": "setCurrentNode", "nodeId": current}],
        )
        if current == target:
            path = path_to(predecessors, target)
            yield target_found(
                path,
                f"Found {target}",
                f"{target} is the node just visited. Reading back the node each one was "
                f"reached from gives the path DFS took: {' → '.join(path)} "
                f"({len(path) - 1} edge{'s' if len(path) != 2 else ''}). It is a path, "
                "not necessarily a shortest one.",
                {
                    **base(),
                    "visited": shown_visited,
                    "path": path,
                    "predecessors": shown_parents,
                    "visitOrder": order,
                },
            )
            return
        pushed = []
        for neighbour in sorted(inputs.neighbours(current), reverse=True):
            examined += 1
            if neighbour not in done:
                predecessors[neighbour] = current
                stack.append(neighbour)
                operations += 1
                pushed.append(neighbour)
                pushed_since = True
        if pushed:
            yield Step(
                id="push_neighbors",
                title=f"Push the neighbours of {current}",
                explanation=(
                    (
                        f"The unvisited neighbours of {current} go on the stack, largest id "
                        f"first, so that {pushed[-1]}, the smallest, ends on top and is "
                        "explored next. "
                        if len(pushed) > 1
                        else f"{current}'s one unvisited neighbour, {pushed[0]}, goes on top "
                        "of the stack and is explored next. "
                    )
                    + f"Stack: {_top(stack)}."
                ),
                lines="push",
                state={
                    **base(),
                    "visited": shown_visited,
                    **_stack_state(stack),
                    "current": current,
                },
                visual_actions=[
                    {"type": "highlightEdge", "from": current, "to": n, "color": "frontier"}
                    for n in pushed
                ],
            )

    last = {**base(), "visited": shown_visited, "visitOrder": order}
    yield ran_empty("stack", start, target, visited, last)
