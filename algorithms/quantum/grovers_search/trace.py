"""Grover's search, step by step: superposition, then oracle and diffusion R times.

Runs :mod:`.grover` and records the state vector, the probabilities and the
success probability after every operation, in the Eigenvue 1.0.2 format.
Extra state: ``optimalIterations`` (the optimum, to compare with the iterations
run) and, with ``shots``, the histogram ``counts`` of the final measurement.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from eigenvue.step import Step
from eigenvue.text import number

from .. import statevector as sv
from ..measurement import sampled_counts
from .grover import diffusion, optimal_iterations, oracle, success_probability
from .inputs import Inputs, total_iterations


def trace(inputs: Inputs) -> Iterator[Step]:
    """Yield |0…0⟩, the superposition, each oracle and diffusion, and the measurement."""
    n = inputs.numQubits
    size = 2**n
    targets = list(inputs.targets)
    m = len(targets)
    total = total_iterations(inputs)
    best = optimal_iterations(size, m)
    labels = sv.basis_labels(n)
    marked = ", ".join(labels[t] for t in targets[:6]) + (" …" if m > 6 else "")
    theta = math.asin(math.sqrt(m / size))

    def state(psi, iteration: int, phase: str, **extra) -> dict:
        return {
            "numQubits": n,
            "targets": targets,
            "stateVector": psi,
            "probabilities": sv.probabilities(psi),
            "basisLabels": labels,
            "iteration": iteration,
            "totalIterations": total,
            "phase": phase,
            "successProbability": success_probability(psi, targets),
            "optimalIterations": best,
            **extra,
        }

    psi = sv.zero_state(n)
    plan = f"{total} iteration{'s' if total != 1 else ''}" + (
        f" (the optimum ⌊π/4 · √(N/M)⌋ = {best})"
        if total == best
        else f" (the optimum would be {best})"
    )
    yield Step(
        id="initialize",
        title=f"Search {size:,} states for {m} marked",
        explanation=(
            f"The register of {n} qubits starts in |{'0' * n}⟩. We look for the marked "
            f"state{'s' if m > 1 else ''} {marked} among N = {size:,} and will run {plan}."
        ),
        phase="initialization",
        lines="init",
        state=state(psi, 0, "initialize"),
    )

    psi = sv.hadamard_all(psi)
    sv.check_normalised(psi, "after Hadamard on all qubits")
    yield Step(
        id="hadamard_all",
        title="Equal superposition",
        explanation=(
            f"H on every qubit gives every basis state the amplitude 1/√{size} = "
            f"{number(1 / math.sqrt(size), 3)}: the marked states together have probability "
            f"M/N = {number(m / size, 3)}, no better than a guess."
        ),
        phase="superposition",
        lines=("hadamard", "optimum"),
        state=state(psi, 0, "hadamard"),
    )

    for i in range(1, total + 1):
        psi = oracle(psi, targets)
        sv.check_normalised(psi, f"after oracle {i}")
        yield Step(
            id=f"oracle_{i}",
            title=f"Iteration {i}: oracle",
            explanation=(
                f"The oracle flips the sign of the marked amplitude{'s' if m > 1 else ''} "
                f"({marked}). No probability changes yet, but the marked states now stand "
                "out below the mean."
            ),
            phase="grover_iteration",
            lines=("loop", "oracle"),
            state=state(psi, i, "oracle"),
        )
        previous = success_probability(psi, targets)
        psi = diffusion(psi)
        sv.check_normalised(psi, f"after diffusion {i}")
        p = success_probability(psi, targets)
        over = i > best
        yield Step(
            id=f"diffusion_{i}",
            title=f"Iteration {i}: diffusion",
            explanation=(
                "Every amplitude is reflected about the mean, a → 2μ − a"
                + (
                    ": the marked amplitudes, far below the mean after the oracle, land far "
                    "above it."
                    if not over
                    else ". Past the optimum the rotation overshoots the marked states"
                    + (
                        ": the success probability falls."
                        if p < previous
                        else ", and after a half turn comes back round towards them."
                    )
                )
                + f" The success probability is now {number(p, 4)} (theory: "
                f"sin²((2·{i} + 1)θ) = {number(math.sin((2 * i + 1) * theta) ** 2, 4)})."
            ),
            phase="grover_iteration",
            lines=("loop", "mean", "diffusion"),
            state=state(psi, i, "diffusion"),
        )

    p = success_probability(psi, targets)
    extra: dict = {}
    sampled = ""
    if inputs.shots > 0:
        counts = sampled_counts(sv.probabilities(psi), inputs.shots, inputs.seed)
        hits = int(counts[targets].sum())
        extra["counts"] = counts
        sampled = (
            f" Measured {inputs.shots:,} times, a marked state came up {hits:,} times "
            f"({number(100 * hits / inputs.shots, 3)}%)."
        )
    yield Step(
        id="measure",
        title="Measure",
        explanation=(
            f"After {total} iteration{'s' if total != 1 else ''} measuring all qubits gives a "
            f"marked state with probability {number(p, 4)}, against {number(m / size, 3)} "
            "for a random guess." + sampled
        ),
        phase="result",
        lines="measure",
        is_terminal=True,
        state=state(psi, total, "measure", **extra),
    )
