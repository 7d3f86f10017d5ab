"""`eigenvue check` of the whole catalogue: wall and CPU time, frames drawn, per algorithm.

Run: ``python bench/bench_check.py`` (add ``--all-frames`` to draw every frame, as
``eigenvue check --all-frames`` does). Prints, for each algorithm checked alone in this
process, its runs, the frames drawn and the CPU seconds; then the whole catalogue as
``eigenvue check`` runs it (worker processes, one per CPU): wall seconds and the CPU
seconds of this process and its workers. The target of the framework issue is a
default check of the catalogue in under a minute on a two-core machine. Wall time
depends on what else the machine runs: the load average is printed beside it.
"""

from __future__ import annotations

import os
import sys
import time
import warnings

import matplotlib

from eigenvue import checks
from eigenvue.plugins import get_registry


def cpu_seconds() -> float:
    """CPU seconds of this process and of its finished children."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def frames_drawn(section: checks.Section) -> int:
    """The frames a section's findings say were drawn, in both themes."""
    total = 0
    for finding in section.findings:
        if finding.check.endswith("frames") and finding.status == "pass":
            words = finding.message.split()
            total += 2 * int(words[0])  # "N frames draw" or "N of M frames …"
    return total


def main() -> None:
    matplotlib.use("Agg")
    all_frames = "--all-frames" in sys.argv
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        algorithms = get_registry().algorithms
    print(f"{'algorithm':<28}{'runs':>5}{'frames':>8}{'CPU s':>8}")
    total_cpu, total_frames = 0.0, 0
    for algorithm_id in sorted(algorithms):
        algorithm = algorithms[algorithm_id]
        start = time.process_time()
        section = checks.check_algorithm(algorithm, algorithms, all_frames=all_frames)
        cpu = time.process_time() - start
        frames = frames_drawn(section)
        total_cpu, total_frames = total_cpu + cpu, total_frames + frames
        runs = 1 + len(algorithm.meta.examples)
        print(f"{algorithm_id:<28}{runs:>5}{frames:>8}{cpu:>8.1f}")
    print(f"{'total, one process':<28}{'':>5}{total_frames:>8}{total_cpu:>8.1f}")
    print()

    load = os.getloadavg()[0]
    cpu_before, wall_before = cpu_seconds(), time.perf_counter()
    report = checks.check(all_frames=all_frames)
    wall = time.perf_counter() - wall_before
    cpu = cpu_seconds() - cpu_before
    print(
        f"eigenvue check{' --all-frames' if all_frames else ''}: {len(algorithms)} algorithms, "
        f"{wall:.1f} s wall, {cpu:.1f} s CPU with {os.cpu_count()} worker processes "
        f"(load average {load:.1f} on {os.cpu_count()} CPUs); ok: {report.ok}"
    )


if __name__ == "__main__":
    main()
