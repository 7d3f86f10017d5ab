"""Quantum lessons: steps() time and peak memory of the largest circuits, and frame drawing.

Run: ``python bench/bench_quantum.py``. Prints, for circuits of 4 to 12 qubits and up to the
largest accepted sizes (12 qubits × 200 gates; 467 gates on one qubit), the time of
``eigenvue.trace`` and ``eigenvue.steps`` (best of a few runs), the peak memory of steps()
(tracemalloc) and the JSON size; the targets (steps() < 1 s and < 250 MB at 12 × 200) are
printed beside. Then Grover's search on 12 qubits (50 iterations, 103 steps), the refusal of
the next size up, and the time to draw a sample of frames of the 12 × 200 circuit.
"""

from __future__ import annotations

import json
import time

import numpy as np
from measure import best_time, peak_mib

import eigenvue

TARGET_S, TARGET_MIB = 1.0, 250.0


def random_circuit(n: int, gates: int, seed: int = 1) -> dict:
    """A circuit mixing every gate kind, 40% of them two-qubit."""
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(gates):
        if n > 1 and rng.random() < 0.4:
            q0, q1 = rng.choice(n, 2, replace=False)
            name = str(rng.choice(["CNOT", "CZ", "SWAP"]))
            out.append({"gate": name, "qubits": [int(q0), int(q1)]})
        else:
            name = str(rng.choice(["H", "X", "Y", "Z", "S", "T", "Rx", "Ry", "Rz"]))
            gate = {"gate": name, "qubits": [int(rng.integers(n))]}
            if name.startswith("R"):
                gate["angle"] = float(rng.uniform(-np.pi, np.pi))
            out.append(gate)
    return {"numQubits": n, "gates": out}


def row(label: str, algorithm: str, inputs: dict, repeat: int = 3) -> None:
    t_trace, _ = best_time(lambda: eigenvue.trace(algorithm, inputs), repeat)
    t_steps, steps = best_time(lambda: eigenvue.steps(algorithm, inputs), repeat)
    mib = peak_mib(lambda: eigenvue.steps(algorithm, inputs))
    json_mb = len(json.dumps(steps, allow_nan=False)) / 1e6
    print(f"{label:<28}{len(steps):>7}{t_trace:>10.3f}{t_steps:>10.3f}{mib:>10.1f}{json_mb:>10.1f}")


def main() -> None:
    eigenvue.steps("quantum-gates")  # load the plugins outside the timings
    print(
        f"{'circuit':<28}{'steps':>7}{'trace s':>10}{'steps() s':>10}{'peak MiB':>10}"
        f"{'JSON MB':>10}"
    )
    for n, gates in [(1, 467), (4, 200), (8, 200), (10, 200), (12, 50), (12, 200)]:
        row(f"quantum-gates {n} q × {gates} g", "quantum-gates", random_circuit(n, gates))
    row("grovers-search 12 q (R = 50)", "grovers-search", {"numQubits": 12, "targets": [2024]})
    print(f"target at 12 q × 200 g: steps() < {TARGET_S} s, peak < {TARGET_MIB:.0f} MiB")

    start = time.perf_counter()
    try:
        eigenvue.steps("quantum-gates", random_circuit(12, 201))
    except eigenvue.InputError as error:
        print(f"12 q × 201 g refused in {1000 * (time.perf_counter() - start):.1f} ms: {error}")

    from eigenvue.drawing.frame import TeachingFrame

    trace = eigenvue.trace("quantum-gates", random_circuit(12, 200))
    start = time.perf_counter()
    frame = TeachingFrame(trace, "light")
    built = time.perf_counter() - start
    picks = [0, 1, 100, 199, 200]
    start = time.perf_counter()
    for index in picks:
        frame.show_step(index)
        frame.image("png")
    per = (time.perf_counter() - start) / len(picks)
    print(f"frames of 12 q × 200 g: set-up {built:.2f} s, then {per:.2f} s per PNG frame")


if __name__ == "__main__":
    main()
