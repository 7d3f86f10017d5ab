"""Binary search and the four sorts: steps() time and peak memory at the largest accepted sizes.

Run: ``python bench/bench_classical_sorts.py``. For each algorithm, the largest array its
trace-size limit accepts (worst-case input for that length: reversed for bubble sort, sorted
for quicksort, …) is found from the limit's own refusal message, then timed (best of three,
wall clock and CPU) and measured (tracemalloc peak) in ``eigenvue.steps``, beside the default
input as a baseline. The targets: under 1 s and 250 MB. Then the time of each measured-cost
chart's counting (``cost.measured``), whose target is under 1 s.
"""

from __future__ import annotations

import gc
import importlib
import re
import time
from collections.abc import Callable
from typing import Any

from measure import peak_mib

import eigenvue

#: Each algorithm's worst case of a given length, for its step count.
WORST: dict[str, Callable[[int], dict[str, Any]]] = {
    "binary-search": lambda n: {"array": list(range(n)), "target": n},  # absent, past the end
    "bubble-sort": lambda n: {"array": list(range(n, 0, -1))},  # every pair swapped
    "quicksort": lambda n: {"array": list(range(n))},  # every pivot the largest
    # Alternating runs: most merges compare until both runs are nearly used up.
    "merge-sort": lambda n: {"array": [i // 2 if i % 2 else n - i // 2 for i in range(n)]},
    "heap-sort": lambda n: {"array": list(range(n))},  # every build sift-down to a leaf
}
PACKAGES = {
    "binary-search": "binary_search",
    "bubble-sort": "bubble_sort",
    "quicksort": "quicksort",
    "merge-sort": "merge_sort",
    "heap-sort": "heap_sort",
}


def largest_accepted(algorithm: str) -> int:
    """The largest length the limit accepts, read from its refusal of a far too long array."""
    try:
        eigenvue.steps(algorithm, WORST[algorithm](10**7))
    except eigenvue.InputError as error:
        match = re.search(r"an array of ([\d,]+) items", str(error))
        assert match, error
        return int(match.group(1).replace(",", ""))
    raise AssertionError(f"{algorithm} accepted 10 million items")


def best_of(func: Callable[[], Any], repeat: int = 3) -> tuple[float, float, Any]:
    """Best wall-clock and CPU seconds of ``repeat`` runs, and the last result."""
    wall, cpu, result = float("inf"), float("inf"), None
    for _ in range(repeat):
        gc.collect()
        w, c = time.perf_counter(), time.process_time()
        result = func()
        wall = min(wall, time.perf_counter() - w)
        cpu = min(cpu, time.process_time() - c)
    return wall, cpu, result


def main() -> None:
    for algorithm in WORST:
        eigenvue.steps(algorithm)  # load the plugins outside the timings
    print(
        f"{'algorithm':<15}{'input':<22}{'n':>7}{'steps':>8}{'wall s':>9}{'cpu s':>8}"
        f"{'peak MiB':>10}"
    )
    for algorithm, worst in WORST.items():
        n = largest_accepted(algorithm)
        rows = [("default", None), ("largest, worst case", worst(n))]
        base = None
        for label, inputs in rows:
            run = lambda a=algorithm, i=inputs: eigenvue.steps(a, i)  # noqa: E731
            wall, cpu, steps = best_of(run)
            peak = peak_mib(run)
            size = len(steps[0]["state"]["array"])
            ratio = "" if base is None else f"   ×{wall / base:,.0f} the default's time"
            print(
                f"{algorithm:<15}{label:<22}{size:>7,}{len(steps):>8,}{wall:>9.3f}{cpu:>8.3f}"
                f"{peak:>10.1f}{ratio}"
            )
            base = base or wall
    print("targets: steps() under 1 s and 250 MiB at the largest accepted size\n")

    print(f"{'measured-cost chart counts':<30}{'cpu s':>8}")
    for algorithm, package in PACKAGES.items():
        cost = importlib.import_module(f"algorithms.classical.{package}.cost")
        cost.measured.cache_clear()
        _, cpu, _ = best_of(cost.measured, repeat=1)
        print(f"{algorithm:<30}{cpu:>8.3f}")
    print("target: under 1 s each")


if __name__ == "__main__":
    main()
