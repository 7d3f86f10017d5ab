"""Backpropagation: trace and steps() time and peak memory by network size; cold import cost.

Run: ``python bench/bench_backprop.py``. Prints a table; the targets of the framework issue are
printed beside the figures (trace ≤ 20 ms, steps() ≤ 0.5 s, peak ≤ 250 MB at [2,1000,1000,1])
with Eigenvue 1.0.2's published figures for the same network as the baseline. Then the 500-epoch
"Learning XOR" training run: steps() time and peak memory, and the time to draw all its frames.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time

from measure import best_time, peak_mib

import eigenvue

SIZES = [[2, 2, 1], [2, 64, 64, 1], [2, 256, 256, 1], [2, 1000, 1000, 1]]
EIGENVUE_1_0_2 = {"steps_s": 1.47, "steps_mib": 234, "json_mb": 335}


def cold_import(module: str, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", f"import {module}"], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    eigenvue.steps("backpropagation")  # load plugins once, outside the timings
    print(f"{'layer sizes':<22}{'trace':>10}{'steps()':>10}{'peak MiB':>10}{'JSON MB':>10}")
    for sizes in SIZES:
        inputs = {"layerSizes": sizes, "inputValues": [0.5, 0.8]}
        repeat = 20 if sizes[1] < 1000 else 5
        t_trace, _ = best_time(lambda i=inputs: eigenvue.trace("backpropagation", i), repeat)
        t_steps, steps = best_time(lambda i=inputs: eigenvue.steps("backpropagation", i), repeat)
        peak = peak_mib(lambda i=inputs: eigenvue.steps("backpropagation", i))
        json_mb = len(json.dumps(steps)) / 1e6
        print(f"{sizes!s:<22}{t_trace * 1e3:>8.1f}ms{t_steps:>9.3f}s{peak:>10.1f}{json_mb:>10.1f}")
    print(
        f"\n[2,1000,1000,1] targets: trace ≤ 20 ms, steps() ≤ 0.5 s, peak ≤ 250 MB. "
        f"Eigenvue 1.0.2: steps() {EIGENVUE_1_0_2['steps_s']} s, {EIGENVUE_1_0_2['steps_mib']} MiB, "
        f"{EIGENVUE_1_0_2['json_mb']} MB as JSON."
    )
    t_eigenvue, t_numpy = cold_import("eigenvue"), cold_import("numpy")
    t_python = cold_import("sys")
    print(
        f"\ncold import (median of 7 runs, including interpreter start {t_python * 1e3:.0f} ms): "
        f"eigenvue {t_eigenvue * 1e3:.0f} ms, numpy {t_numpy * 1e3:.0f} ms, "
        f"ratio {t_eigenvue / t_numpy:.2f}"
    )
    training_run()


# -- a training run and its frames ------------------------------------------------------------

TRAINING_EXAMPLE = "Learning XOR"


def training_run() -> None:
    """The 500-epoch XOR example: its steps, then every frame drawn to PNG, in both themes."""
    from eigenvue.export import frame_images

    inputs = eigenvue.get("backpropagation").example(TRAINING_EXAMPLE).inputs
    t_steps, steps = best_time(lambda: eigenvue.steps("backpropagation", inputs), 5)
    peak = peak_mib(lambda: eigenvue.steps("backpropagation", inputs))
    json_mb = len(json.dumps(steps)) / 1e6
    print(
        f"\n{TRAINING_EXAMPLE!r} ({inputs['epochs']} epochs, {len(steps)} steps): "
        f"steps() {t_steps * 1e3:.0f} ms, peak {peak:.1f} MiB, JSON {json_mb:.2f} MB"
    )
    trace = eigenvue.trace("backpropagation", inputs)
    for theme in ("light", "dark"):
        t_frames, images = best_time(lambda t=theme: frame_images(trace, theme=t), 2)
        # Python and numpy allocations only: Agg's own pixel buffers are not traced.
        frames_peak = peak_mib(lambda t=theme: frame_images(trace, theme=t))
        print(
            f"  frames to PNG ({theme}): {t_frames:.2f} s for {len(images)} frames, "
            f"{len(images) / t_frames:.1f} frames/s, peak {frames_peak:.1f} MiB traced, "
            f"{sum(map(len, images)) / 1e6:.1f} MB of PNG"
        )


if __name__ == "__main__":
    main()
