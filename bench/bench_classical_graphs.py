"""BFS, DFS and Dijkstra: steps() time and peak memory at the largest graphs the limit accepts.

Run: ``python bench/bench_classical_graphs.py``. For each search and each graph shape (a path,
a sparse random graph, a denser one, all connected and explored from node 0 without a target,
the worst case) the largest node count the trace limit accepts is found by asking the inputs
model itself; the graph one node larger must be refused. Printed: nodes, adjacency entries,
steps, steps() time (best of 3), peak traced memory, and the same figures for the default
inputs as the baseline. The target is under 1 s and 250 MB at the largest accepted size. The
CPU time is printed beside the wall-clock time: on a shared machine the wall clock also
counts the time other processes hold the cores. Then the cost of laying out a graph given
without positions.
"""

from __future__ import annotations

import gc
import random
import time
import tracemalloc

import eigenvue
from eigenvue.graph_input import SPRING_LAYOUT_NODES, layout

SHAPES = {"path": 0, "sparse (avg degree 4)": 1, "denser (avg degree 10)": 4}


def graph(nodes: int, extra_per_node: int, weighted: bool, seed: int = 0) -> dict:
    """A connected graph: a random tree plus ``extra_per_node`` random edges per node."""
    rng = random.Random(seed)
    names = [str(i) for i in range(nodes)]
    adjacency: dict[str, list] = {name: [] for name in names}
    seen = set()

    def add(i: int, j: int) -> None:
        if i == j or (min(i, j), max(i, j)) in seen:
            return
        seen.add((min(i, j), max(i, j)))
        w = rng.randint(1, 9)
        for a, b in ((i, j), (j, i)):
            adjacency[names[a]].append({"to": names[b], "weight": w} if weighted else names[b])

    for i in range(1, nodes):
        add(i, i - 1 if extra_per_node == 0 else rng.randrange(i))
    for _ in range(extra_per_node * nodes):
        add(rng.randrange(nodes), rng.randrange(nodes))
    return adjacency


def inputs_for(algorithm: str, nodes: int, extra: int) -> dict:
    return {"adjacencyList": graph(nodes, extra, algorithm == "dijkstra"), "startNode": "0"}


def accepted(algorithm: str, nodes: int, extra: int) -> bool:
    try:
        eigenvue.get_algorithm(algorithm).validate(inputs_for(algorithm, nodes, extra))
    except eigenvue.InputError:
        return False
    return True


def largest(algorithm: str, extra: int) -> int:
    low, high = 2, 2
    while accepted(algorithm, high, extra):
        low, high = high, high * 2
    while high - low > 1:  # accepted(low), not accepted(high)
        mid = (low + high) // 2
        low, high = (mid, high) if accepted(algorithm, mid, extra) else (low, mid)
    return low


def measure(algorithm: str, inputs: dict | None) -> tuple[int, float, float, float]:
    """Steps, best wall-clock and CPU seconds of steps() (of 3 runs), peak traced MiB."""
    best, best_cpu = float("inf"), float("inf")
    for _ in range(3):
        gc.collect()
        start, start_cpu = time.perf_counter(), time.process_time()
        steps = eigenvue.steps(algorithm, inputs)
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    n_steps = len(steps)
    del steps
    gc.collect()
    tracemalloc.start()
    eigenvue.steps(algorithm, inputs)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return n_steps, best, best_cpu, peak / 2**20


def main() -> None:
    header = f"{'algorithm':<10}{'graph':<24}{'nodes':>7}{'entries':>9}{'steps':>7}"
    print(header + f"{'wall s':>9}{'CPU s':>8}{'peak MiB':>10}{'× default CPU':>15}")
    for algorithm in ("bfs", "dfs", "dijkstra"):
        n_steps, base_time, base_cpu, base_mib = measure(algorithm, None)
        default = eigenvue.get(algorithm).defaults["adjacencyList"]
        entries = sum(len(v) for v in default.values())
        print(
            f"{algorithm:<10}{'default':<24}{len(default):>7}{entries:>9}{n_steps:>7}"
            f"{base_time:>9.4f}{base_cpu:>8.4f}{base_mib:>10.2f}{1:>15.0f}"
        )
        for shape, extra in SHAPES.items():
            nodes = largest(algorithm, extra)
            assert not accepted(algorithm, nodes + 1, extra)
            inputs = inputs_for(algorithm, nodes, extra)
            entries = sum(len(v) for v in inputs["adjacencyList"].values())
            n_steps, seconds, cpu, mib = measure(algorithm, inputs)
            print(
                f"{'':<10}{shape:<24}{nodes:>7,}{entries:>9,}{n_steps:>7,}"
                f"{seconds:>9.3f}{cpu:>8.3f}{mib:>10.1f}{cpu / base_cpu:>15,.0f}"
            )
    print("\nlayout of a graph given without positions (sparse random graph):")
    for nodes in (6, 15, 50, SPRING_LAYOUT_NODES, SPRING_LAYOUT_NODES + 1, 2000):
        adjacency = graph(nodes, 1, False)
        edges = [(u, v) for u, vs in adjacency.items() for v in vs]
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            layout(edges, list(adjacency))
            best = min(best, time.perf_counter() - start)
        kind = "spring + stress" if nodes <= SPRING_LAYOUT_NODES else "circle"
        print(f"  {nodes:>5,} nodes  {kind:<16}{best:.3f} s")


if __name__ == "__main__":
    main()
