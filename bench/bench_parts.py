"""The drawing parts: time to build each one, and to update and draw it once per step.

Run: ``python bench/bench_parts.py``. For each part at a small and a large size, prints the
time to build it on a fresh 800 × 450 px figure and the median time of one step (``update``
then an Agg draw of the figure), over a few steps with changing marks. A part that follows
the build-once, update-per-step pattern costs far less per step than to build.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from eigenvue.drawing import get_theme
from eigenvue.drawing.parts import ArrayPart, CurvePart, GraphPart, GridPart, StripPart

THEME = get_theme("light")
STEPS = 12


def _array(n: int) -> tuple[Callable[[Any], Any], Callable[[Any, int], None]]:
    values = np.random.default_rng(0).integers(1, 100, n)

    def build(ax: Any) -> Any:
        return ArrayPart(ax, THEME, n, value_range=(0, 100))

    def step(part: Any, k: int) -> None:
        i = k % (n - 1)
        part.update(values, compare=(i, i + 1), done=range(n - k, n), pointers={"i": i})

    return build, step


def _graph(side: int) -> tuple[Callable[[Any], Any], Callable[[Any, int], None]]:
    nodes = {
        r * side + c: (c / (side - 1), r / (side - 1)) for r in range(side) for c in range(side)
    }
    edges = [(a, a + 1, 1) for a in nodes if a % side < side - 1]
    edges += [(a, a + side, 2) for a in nodes if a + side in nodes]

    def build(ax: Any) -> Any:
        return GraphPart(ax, THEME, nodes, edges)

    def step(part: Any, k: int) -> None:
        visited = {a: "visited" for a in list(nodes)[:k]}
        part.update(
            node_states={**visited, k: "current"},
            node_notes={k: f"d={k}"},
            edge_states={(k, k + 1): "active"},
        )

    return build, step


def _grid(n: int) -> tuple[Callable[[Any], Any], Callable[[Any, int], None]]:
    data = np.random.default_rng(1).random((n, n))

    def build(ax: Any) -> Any:
        return GridPart(ax, THEME, (n, n), vmin=0, vmax=1)

    def step(part: Any, k: int) -> None:
        part.update(
            np.where(np.tri(n, k=k - n // 2, dtype=bool), data, np.nan), highlight_row=k % n
        )

    return build, step


def _strip(n: int) -> tuple[Callable[[Any], Any], Callable[[Any, int], None]]:
    def build(ax: Any) -> Any:
        return StripPart(ax, THEME, kind="priority", key_prefix="d=")

    def step(part: Any, k: int) -> None:
        part.update(
            [(str(i), float(i)) for i in range(k, k + n)], highlight=(0,), removed=str(k - 1)
        )

    return build, step


def _curve(n: int) -> tuple[Callable[[Any], Any], Callable[[Any, int], None]]:
    ys = 0.7 * np.exp(-np.arange(1, n + 1) / (n / 6)) + 1e-3

    def build(ax: Any) -> Any:
        return CurvePart(ax, THEME, {"loss": "compare"}, x_range=(1, n), y_values=ys)

    def step(part: Any, k: int) -> None:
        part.update(ys[: max(1, k * n // STEPS)])

    return build, step


CASES = [
    ("array", "10 bars", _array(10)),
    ("array", "500 bars (dense)", _array(500)),
    ("graph", "9 nodes", _graph(3)),
    ("graph", "49 nodes", _graph(7)),
    ("grid", "6 × 6", _grid(6)),
    ("grid", "64 × 64 (compact)", _grid(64)),
    ("strip", "5 items", _strip(5)),
    ("strip", "40 items (overflow)", _strip(40)),
    ("curve", "50 points", _curve(50)),
    ("curve", "5000 points", _curve(5000)),
]


def main() -> None:
    print(f"{'part':<8}{'size':<22}{'build ms':>10}{'step ms':>10}")
    for name, size, (build, step) in CASES:
        with THEME.context():
            fig = Figure(figsize=(8, 4.5), dpi=100)
            canvas = FigureCanvasAgg(fig)
            start = time.perf_counter()
            part = build(fig.add_axes((0.08, 0.1, 0.84, 0.8)))
            built = time.perf_counter() - start
            times = []
            for k in range(1, STEPS + 1):
                start = time.perf_counter()
                step(part, k)
                canvas.draw()
                times.append(time.perf_counter() - start)
        print(f"{name:<8}{size:<22}{built * 1e3:>10.1f}{statistics.median(times) * 1e3:>10.1f}")


if __name__ == "__main__":
    main()
