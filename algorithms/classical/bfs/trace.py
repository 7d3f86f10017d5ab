"""The breadth-first search trace: a FIFO queue, nodes marked visited when they are enqueued.

Steps and state follow Eigenvue 1.0.2's ``bfs`` (step ids ``initialize``,
``dequeue``, ``visit_neighbor`` and a terminal ``target_found``,
``target_not_found`` or ``exploration_complete``). One fix: a target equal
to the start is found at once, with the path ``[start]``.
"""

from __future__ import annotations

from bisect import insort
from collections import deque
from collections.abc import Iterator
from typing import Any

from eigenvue.step import Step

from ..graph_search import drawn_edges, drawn_nodes, path_to, ran_empty, search_start, target_found
from .inputs import Inputs


def _queue_state(queue: deque[str]) -> dict[str, Any]:
    items = list(queue)
    return {"queue": items, "dataStructure": {"type": "queue", "label": "Queue", "items": items}}


def _ids(ids: list[str], limit: int = 6) -> str:
    if not ids:
        return "empty"
    shown = ", ".join(ids[:limit])
    return shown + (f", … ({len(ids):,} in all)" if len(ids) > limit else "")


def trace(inputs: Inputs) -> Iterator[Step]:
    """Yield the steps of a breadth-first search from ``startNode``."""
    start, target = inputs.startNode, inputs.target
    graph = {"nodes": drawn_nodes(inputs), "edges": drawn_edges(inputs)}
    visited = [start]  # kept sorted: the state shows it sorted
    seen = {start}
    # Each node's level (edges from the start), fixed when it is discovered. Only the
    # last step carries it (extra state "levels"): a frame shows the levels of the nodes
    # discovered so far, which never change, without a copy per step.
    levels = {start: 0}
    predecessors: dict[str, str | None] = {start: None}
    queue = deque([start])
    # The lists the state shows, copied only when they change and shared by the steps
    # between (a dequeue step shows the same visited list as the step before it).
    shown_visited, shown_parents = list(visited), dict(predecessors)
    # The cost so far, beyond Eigenvue's state: adjacency entries looked at, and
    # enqueue and dequeue operations. At most E and 2V (E: adjacency entries).
    examined, operations = 0, 1

    def base() -> dict[str, Any]:
        return {**graph, "edgesExamined": examined, "queueOperations": operations}

    yield search_start(
        "Breadth-first search",
        start,
        target,
        f"{start} is marked visited and put in the queue; nodes leave the queue in the order "
        f"they entered it, so the search fans out from {start} one level at a time.",
        {**base(), "visited": shown_visited, **_queue_state(queue)},
        [{"type": "visitNode", "nodeId": start, "color": "visited"}],
    )

    if target == start:
        yield Step(
            id="target_found",
            title=f"{target} is the start node",
            explanation=(
                f"The target {target} is where the search starts: it is found before any "
                f"edge is followed, and the path is just {start}."
            ),
            lines="start_is_target",
            is_terminal=True,
            state={
                **base(),
                "visited": shown_visited,
                "path": [start],
                "predecessors": shown_parents,
                "levels": levels,
            },
            visual_actions=[{"type": "markPath", "nodeIds": [start]}],
        )
        return

    while queue:
        current = queue.popleft()
        operations += 1
        yield Step(
            id="dequeue",
            title=f"Take {current} from the queue",
            explanation=(
                f"{current} is at the front of the queue, so it is expanded next: each of "
                f"its neighbours not yet visited will be discovered. Queue now: "
                f"{_ids(list(queue))}."
            ),
            lines="dequeue",
            state={**base(), "visited": shown_visited, **_queue_state(queue), "current": current},
            visual_actions=[{"type": "setCurrentNode", "nodeId": current}],
        )
        for neighbour in inputs.neighbours(current):
            examined += 1
            if neighbour in seen:
                continue
            seen.add(neighbour)
            insort(visited, neighbour)
            predecessors[neighbour] = current
            levels[neighbour] = levels[current] + 1
            shown_visited, shown_parents = list(visited), dict(predecessors)
            queue.append(neighbour)
            operations += 1
            yield Step(
                id="visit_neighbor",
                title=f"Discover {neighbour}",
                explanation=(
                    f"{neighbour} is a neighbour of {current} not visited before: mark it "
                    f"visited, remember that it was reached from {current}, and add it to the "
                    f"back of the queue ({_ids(list(queue))})."
                ),
                lines="discover",
                state={
                    **base(),
                    "visited": shown_visited,
                    **_queue_state(queue),
                    "current": current,
                    "neighbor": neighbour,
                    "predecessors": shown_parents,
                },
                visual_actions=[
                    {"type": "highlightEdge", "from": current, "to": neighbour, "color": "tree"},
                    {"type": "visitNode", "nodeId": neighbour, "color": "visited"},
                ],
            )
            if neighbour == target:
                path = path_to(predecessors, target)
                yield target_found(
                    path,
                    f"Found {target}",
                    f"{target} has just been discovered. Following each node back to the "
                    f"node it was reached from gives the path {' → '.join(path)}: "
                    f"{len(path) - 1} edge{'s' if len(path) != 2 else ''}, the fewest "
                    "possible, because BFS reaches every node at distance d before any at "
                    "distance d + 1.",
                    {
                        **base(),
                        "visited": shown_visited,
                        "path": path,
                        "predecessors": shown_parents,
                        "levels": levels,
                    },
                )
                return

    last = {**base(), "visited": shown_visited, "levels": levels}
    yield ran_empty(
        "queue", start, target, visited, last, listing=f": {_ids(visited)}", message=True
    )
