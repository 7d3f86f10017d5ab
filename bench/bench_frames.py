"""Teaching frames: frames per second to PNG and to SVG, beside canvas.draw() alone.

Run: ``python bench/bench_frames.py``. Pins itself to one CPU core, draws every
step of a trace several times and keeps the best pass. For each trace it prints

- ``draw``: ``canvas.draw()`` of the whole figure after each ``show_step`` — the
  cost of drawing a frame at all, the limit a naive exporter cannot beat;
- ``png``: ``TeachingFrame.image("png")``, what ``frame_images``/``render`` do
  (blitting over the static parts, then PNG encoding);
- ``svg``: ``TeachingFrame.image("svg")``;

as frames per second, with PNG's time as a multiple of the draw limit. The
targets: PNG ≥ 15 frames/s on the default trace, or within 1.3× of the limit.
Wall-clock times on a busy machine are slower; the CPU-time column is the
process's own time, which others' load disturbs less.
"""

from __future__ import annotations

import gc
import os
import time

import matplotlib

matplotlib.use("Agg")

import eigenvue
from eigenvue.drawing.frame import TeachingFrame

TRACES = {
    "default 2-2-1": None,
    "4-4-4-1": {"layerSizes": [4, 4, 4, 1], "inputValues": [0.5, -0.2, 0.9, 0.1], "targets": [0]},
    "2-1000-1000-1 (heat maps)": {
        "layerSizes": [2, 1000, 1000, 1],
        "inputValues": [0.5, 0.8],
        "targets": [1],
    },
}
PASSES = 5


def one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to CPU {core}"
    return "not pinned (no sched_setaffinity here)"


def best_pass(frame: TeachingFrame, work) -> tuple[float, float]:
    """Best (wall, CPU) seconds per frame over PASSES passes through every step."""
    n = len(frame.trace)
    best_wall = best_cpu = float("inf")
    for _ in range(PASSES):
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        for index in range(n):
            frame.show_step(index)
            work(frame)
        best_wall = min(best_wall, (time.perf_counter() - wall) / n)
        best_cpu = min(best_cpu, (time.process_time() - cpu) / n)
    return best_wall, best_cpu


def draw_only(frame: TeachingFrame) -> None:
    with frame._style():
        frame.figure.canvas.draw()


def main() -> None:
    print(f"eigenvue frame bench, {one_core()}, best of {PASSES} passes, 1200×700 px")
    header = (
        f"{'trace':<28}{'steps':>6}{'draw f/s':>10}{'png f/s':>9}{'svg f/s':>9}"
        f"{'png/draw':>10}{'png f/s (CPU)':>15}{'draw f/s (CPU)':>16}"
    )
    print(header)
    for label, inputs in TRACES.items():
        trace = eigenvue.trace("backpropagation", inputs)
        frame = TeachingFrame(trace)
        frame.show_step(0)
        frame.image("png")  # warm caches: fonts, the static background
        draw_wall, draw_cpu = best_pass(frame, draw_only)
        png_wall, png_cpu = best_pass(frame, lambda f: f.image("png"))
        svg_wall, _ = best_pass(frame, lambda f: f.image("svg"))
        print(
            f"{label:<28}{len(trace):>6}{1 / draw_wall:>10.1f}{1 / png_wall:>9.1f}"
            f"{1 / svg_wall:>9.1f}{png_wall / draw_wall:>9.2f}×"
            f"{1 / png_cpu:>15.1f}{1 / draw_cpu:>16.1f}"
        )
    print("targets: png ≥ 15 f/s on the default trace, or png/draw ≤ 1.3×")


if __name__ == "__main__":
    main()
