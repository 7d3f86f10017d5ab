"""The two measurements every bench script takes: best wall time and peak traced memory.

Imported by the scripts beside it (``python bench/bench_x.py`` puts this folder on the path).
"""

from __future__ import annotations

import gc
import time
import tracemalloc
from collections.abc import Callable
from typing import Any


def best_time(func: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    """The best of ``repeat`` wall times of ``func()``, in seconds, and its last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    return best, result


def peak_mib(func: Callable[[], Any]) -> float:
    """The peak memory Python allocates while ``func()`` runs, in MiB (tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    func()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20
