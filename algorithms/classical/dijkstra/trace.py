"""The Dijkstra trace: a lazy priority queue, each node settled when it is first extracted.

Steps and state follow Eigenvue 1.0.2's ``dijkstra`` (step ids ``initialize``,
``extract_min``, ``relax_edge``, ``distance_updated`` and a terminal
``target_found``, ``target_unreachable`` or ``complete``). The priority queue
keeps stale entries (a node queued again with a smaller distance keeps its old
entry) and breaks ties by insertion order; stale entries are dropped silently
when they come out. Beyond Eigenvue's state each step carries the queue as
``priorityQueue`` (``[id, distance]`` pairs, smallest first) and the current
``parents``, so that every frame can draw them, and the cost so far:
``edgesExamined`` and ``queueOperations``.
"""

from __future__ import annotations

import math
from bisect import insort
from collections.abc import Iterator
from typing import Any

from eigenvue.step import Step
from eigenvue.text import number

from ..graph_search import drawn_edges, drawn_nodes, path_to
from .inputs import Inputs

INFINITY = "∞"


def trace(inputs: Inputs) -> Iterator[Step]:
    """Yield the steps of Dijkstra's algorithm from ``startNode``."""
    start, target = inputs.startNode, inputs.target
    graph = {"nodes": drawn_nodes(inputs), "edges": drawn_edges(inputs, weighted=True)}
    ids = sorted(inputs.adjacencyList)
    dist = {node: math.inf for node in ids}
    dist[start] = 0.0
    # What the state shows: Eigenvue writes the start's 0 as an int and unreached as "∞".
    shown: dict[str, Any] = {node: INFINITY for node in ids}
    shown[start] = 0
    parents: dict[str, str | None] = {node: None for node in ids}
    settled: set[str] = set()
    visited: list[str] = []  # kept sorted: the state shows it sorted
    # The queue, sorted: (distance, insertion number, node, Eigenvue's "B:3" label with
    # C's %g, the (node, distance) pair), each entry's texts made once.
    queue: list[tuple[float, int, str, str, tuple[str, float]]] = []
    inserted = 0
    # The cost so far, beyond Eigenvue's state: adjacency entries looked at, and queue
    # inserts and extractions (stale entries included): at most E and 2(1 + E) (E:
    # adjacency entries); with a binary heap each queue operation costs O(log V).
    examined, operations = 0, 0

    def push(node: str, d: float) -> None:
        nonlocal inserted, operations
        insort(queue, (d, inserted, node, f"{node}:{d:g}", (node, d)))
        inserted += 1
        operations += 1

    push(start, 0)

    # Each part of the state is copied only after it changes; unchanged parts are the
    # same objects in consecutive steps, which keeps long traces small and quick.
    snap: dict[str, Any] = {}
    stale = {"visited", "distances", "parents", "queue"}

    def state(*, with_queue: bool = False, **more: Any) -> dict[str, Any]:
        if "visited" in stale:
            snap["visited"] = list(visited)
        if "distances" in stale:
            snap["distances"] = dict(shown)
        if "parents" in stale:
            snap["parents"] = dict(parents)
        if "queue" in stale:
            snap["priorityQueue"] = [entry[4] for entry in queue]
            items = [entry[3] for entry in queue]
            snap["dataStructure"] = {"type": "priority-queue", "label": "PQ", "items": items}
        stale.clear()
        out = {**graph, "visited": snap["visited"], "distances": snap["distances"]}
        if with_queue:
            out["dataStructure"] = snap["dataStructure"]
        return {
            **out,
            **more,
            "priorityQueue": snap["priorityQueue"],
            "parents": snap["parents"],
            "edgesExamined": examined,
            "queueOperations": operations,
        }

    goal = f"the shortest route to {target}" if target else "the distance of every node"
    yield Step(
        id="initialize",
        title=f"Distances from {start}",
        explanation=(
            f"Dijkstra's algorithm looks for {goal} from {start}. Every distance starts at ∞ "
            f"except {start}'s, which is 0, and {start} enters the priority queue, which "
            "always hands out the entry with the smallest distance."
        ),
        lines="init",
        state=state(with_queue=True),
    )

    while queue:
        d, _, current, _, _ = queue.pop(0)
        operations += 1
        stale.add("queue")
        if current in settled:
            continue  # a stale entry: the node was settled with a smaller distance
        settled.add(current)
        insort(visited, current)
        stale.add("visited")
        yield Step(
            id="extract_min",
            title=f"Settle {current} (distance {number(d)})",
            explanation=(
                f"{current} has the smallest distance in the queue, {number(d)}. No route "
                "through a node still waiting can be shorter, since every other waiting "
                f"distance is at least as large and weights are never negative: {current}'s "
                "distance is final."
            ),
            lines="extract",
            state=state(with_queue=True, current=current),
            visual_actions=[{"type": "setCurrentNode", "nodeId": current}],
        )
        if current == target:
            path = path_to(parents, target)
            yield Step(
                id="target_found",
                title=f"Shortest path to {target}: {number(dist[target])}",
                explanation=(
                    f"{target} is settled, so its distance {number(dist[target])} is final. "
                    f"Reading back each node's parent gives the path {' → '.join(path)}."
                ),
                lines="found",
                is_terminal=True,
                state={
                    **state(path=path, predecessors=dict(parents)),
                },
                visual_actions=[{"type": "markPath", "nodeIds": path}],
            )
            return
        for neighbour, weight in inputs.weighted_neighbours(current):
            examined += 1
            if neighbour in settled:
                continue
            new = dist[current] + weight
            old = shown[neighbour]
            better = new < dist[neighbour]
            verdict = (
                f"shorter than its distance so far ({old if old == INFINITY else number(old)})"
                if better
                else f"not shorter than its distance so far ({number(dist[neighbour])})"
            )
            yield Step(
                id="relax_edge",
                title=f"Relax {current} → {neighbour}",
                explanation=(
                    f"Through {current}, {neighbour} is {number(dist[current])} + "
                    f"{number(weight)} = {number(new)} away: {verdict}."
                ),
                lines="relax",
                state=state(
                    current=current,
                    relaxing={"from": current, "to": neighbour, "weight": weight, "newDist": new},
                ),
                visual_actions=[
                    {"type": "highlightEdge", "from": current, "to": neighbour, "color": "active"}
                ],
            )
            if better:
                dist[neighbour] = new
                shown[neighbour] = new
                parents[neighbour] = current
                push(neighbour, new)
                stale.update(("distances", "parents", "queue"))
                yield Step(
                    id="distance_updated",
                    title=f"{neighbour}: distance {number(new)}",
                    explanation=(
                        f"{neighbour}'s distance drops to {number(new)}, reached from "
                        f"{current}, and {neighbour} enters the queue with that distance (an "
                        "older entry, if any, stays and will be skipped)."
                    ),
                    lines="update",
                    state=state(with_queue=True, current=current),
                    visual_actions=[{"type": "updateDistance", "nodeId": neighbour, "value": new}],
                )

    reached = f"{len(visited):,} node{'s' if len(visited) != 1 else ''}"
    if target and target not in settled:
        yield Step(
            id="target_unreachable",
            title=f"{target} cannot be reached",
            explanation=(
                f"The queue is empty: all {reached} reachable from {start} are settled, and "
                f"{target} is not among them. Its distance stays ∞."
            ),
            lines="exhausted",
            is_terminal=True,
            state=state(),
        )
    else:
        yield Step(
            id="complete",
            title="Every distance is final",
            explanation=(
                f"The queue is empty: the shortest distance from {start} to each of the "
                f"{reached} it can reach is final; any other node stays at ∞."
            ),
            lines="exhausted",
            is_terminal=True,
            state=state(predecessors=dict(parents)),
        )
