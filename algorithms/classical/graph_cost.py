"""What a graph search costs, measured: its own counters on seeded random graphs of growing size.

Each search counts, in its state, the adjacency entries it examines and the
operations on its queue or stack. This module runs the registered algorithm
(inputs, trace and all) on connected random graphs of 8 to 512 nodes, two
undirected edges per node on average, and collects the final counts, so that
each page's "measured cost" chart is measured from the code that makes its trace.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

import eigenvue

#: The node counts measured: 8, 16, …, 512 (the largest the trace limits accept for all three).
SIZES: tuple[int, ...] = tuple(2**k for k in range(3, 10))
#: Undirected edges per node, on average.
EDGES_PER_NODE = 2
SEED = 2024


def random_graph(nodes: int, weighted: bool, rng: np.random.Generator) -> dict:
    """Inputs for a connected random graph: a random tree plus random extra edges.

    Nodes sit on a circle (given positions, so no time goes into a layout); weights,
    when asked for, are whole numbers from 1 to 9.
    """
    names = [f"v{i}" for i in range(nodes)]
    adjacency: dict[str, list] = {name: [] for name in names}
    edges: set[tuple[int, int]] = set()

    def add(i: int, j: int) -> None:
        if i == j or (min(i, j), max(i, j)) in edges:
            return
        edges.add((min(i, j), max(i, j)))
        weight = int(rng.integers(1, 10))
        for a, b in ((i, j), (j, i)):
            adjacency[names[a]].append({"to": names[b], "weight": weight} if weighted else names[b])

    for i in range(1, nodes):
        add(i, int(rng.integers(0, i)))
    while len(edges) < EDGES_PER_NODE * nodes - 1:
        add(int(rng.integers(0, nodes)), int(rng.integers(0, nodes)))
    angles = 2 * math.pi * np.arange(nodes) / nodes
    positions = {
        name: {"x": round(0.5 + 0.45 * math.cos(a), 4), "y": round(0.5 + 0.45 * math.sin(a), 4)}
        for name, a in zip(names, angles)
    }
    return {"adjacencyList": adjacency, "positions": positions, "startNode": names[0]}


@dataclass
class Measurement:
    """Final counts of full searches (no target) at each size.

    Attributes
    ----------
    nodes, edges : numpy.ndarray
        V and E (undirected edges) of each graph measured.
    counts : dict of str to numpy.ndarray
        State counter name (``"edgesExamined"``, ``"queueOperations"``…) → final value.
    """

    nodes: np.ndarray
    edges: np.ndarray
    counts: dict[str, np.ndarray] = field(default_factory=dict)


def measure(algorithm: str, counters: tuple[str, ...], *, weighted: bool = False) -> Measurement:
    """Run ``algorithm`` over every node of each graph size and read its final counters."""
    rng = np.random.default_rng(SEED)
    run = eigenvue.get_algorithm(algorithm).run
    nodes, edges, counts = [], [], {name: [] for name in counters}
    for size in SIZES:
        inputs = random_graph(size, weighted, rng)
        final = run(inputs)[-1].state
        nodes.append(size)
        edges.append(sum(len(v) for v in inputs["adjacencyList"].values()) // 2)
        for name in counters:
            counts[name].append(final[name])
    return Measurement(
        np.array(nodes),
        np.array(edges),
        {name: np.array(values) for name, values in counts.items()},
    )
