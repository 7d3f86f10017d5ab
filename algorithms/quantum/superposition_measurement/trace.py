"""Superposition and measurement, step by step: prepare a state, then collapse it.

Runs the preparation circuit with :mod:`..statevector`, then measures the
chosen qubits one at a time with the chosen outcomes: each measurement keeps
the amplitudes that agree with the outcome and renormalises them. With
``shots`` the prepared state is also sampled that many times (state key
``counts``), to set the chosen outcomes beside what a device would report.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from eigenvue.step import Step
from eigenvue.text import number

from .. import statevector as sv
from ..measurement import sampled_counts
from .inputs import Inputs


def _sampled(inputs: Inputs, probs, labels: list[str]) -> tuple[dict, str]:
    if inputs.shots == 0:
        return {}, ""
    counts = sampled_counts(probs, inputs.shots, inputs.seed)
    seen = [f"{labels[k]} {int(c):,}×" for k, c in enumerate(counts) if c][:6]
    return {"counts": counts}, (
        f" Measured {inputs.shots:,} times, the prepared state gives {', '.join(seen)}."
    )


def _bloch(psi) -> dict:
    """A one-qubit register's point on the Bloch sphere (extra state ``blochVector``)."""
    return {"blochVector": sv.bloch_of(psi)} if psi.size == 2 else {}


def trace(inputs: Inputs) -> Iterator[Step]:
    """Yield |0…0⟩, the state after each preparation gate, and after each measurement."""
    n = inputs.numQubits
    labels = sv.basis_labels(n)
    psi = sv.zero_state(n)
    prepared_at = len(inputs.preparationGates)
    counts: dict = {}
    note = ""
    if prepared_at == 0:
        counts, note = _sampled(inputs, sv.probabilities(psi), labels)
    yield Step(
        id="initialize",
        title=f"{n} qubit{'s' if n > 1 else ''} in |{'0' * n}⟩",
        explanation=(
            f"The register starts in |{'0' * n}⟩: measuring it now would give "
            f"{'0' * n} with certainty. Preparation gates will spread it over several "
            "basis states." + note
        ),
        phase="initialization",
        lines="init",
        state={
            "numQubits": n,
            "stateVector": psi,
            "probabilities": sv.probabilities(psi),
            "basisLabels": labels,
            "currentPhase": "initialization",
            "classicalBits": [],
            "entangled": False,
            **counts,
            **_bloch(psi),
        },
    )

    for i, g in enumerate(inputs.preparationGates):
        psi = sv.apply(psi, g.gate, g.qubits, g.angle)
        sv.check_normalised(psi, f"after preparation gate {i}")
        probs = sv.probabilities(psi)
        entangled = n == 2 and sv.is_entangled_pair(psi)
        if i == prepared_at - 1:
            counts, note = _sampled(inputs, probs, labels)
        name = sv.gate_text(g.model_dump(exclude_none=True))
        yield Step(
            id=f"prepare_gate_{i}",
            title=f"Prepare: {name}",
            explanation=(
                f"After {name} the register is {sv.state_text(psi)}."
                + (" The two qubits are now entangled." if entangled else "")
                + (note if i == prepared_at - 1 else "")
            ),
            phase="preparation",
            lines=("gates", "apply"),
            state={
                "numQubits": n,
                "stateVector": psi,
                "probabilities": probs,
                "basisLabels": labels,
                "currentPhase": "preparation",
                "classicalBits": [],
                "entangled": entangled,
                **(counts if i == prepared_at - 1 else {}),
                **_bloch(psi),
            },
        )

    bits: list[int] = []
    last = len(inputs.measurements) - 1
    for j, m in enumerate(inputs.measurements):
        psi, p = sv.project(psi, m.qubit, m.outcome)
        sv.check_normalised(psi, f"after measuring qubit {m.qubit}")
        bits = [*bits, m.outcome]
        kept = int(np.count_nonzero(sv.probabilities(psi)))
        yield Step(
            id=f"measure_qubit_{m.qubit}",
            title=f"Measure qubit {m.qubit}: outcome {m.outcome}",
            explanation=(
                f"Qubit {m.qubit} gives {m.outcome} with probability {number(p, 4)}. The "
                f"measurement keeps the {kept} basis state{'s' if kept != 1 else ''} where "
                f"qubit {m.qubit} is {m.outcome}, sets the others to 0 and divides by "
                f"√{number(p, 4)}: the register collapses to {sv.state_text(psi)}."
            ),
            phase="measurement",
            lines=("measure", "probability", "collapse", "renormalise", "record"),
            is_terminal=j == last,
            state={
                "numQubits": n,
                "stateVector": psi,
                "probabilities": sv.probabilities(psi),
                "basisLabels": labels,
                "currentPhase": "measurement",
                "classicalBits": bits,
                "measuredQubit": m.qubit,
                "measuredOutcome": m.outcome,
                "outcomeProb": p,
                "entangled": False,
                **counts,
                **_bloch(psi),
            },
            visual_actions=[
                {"type": "collapseState", "qubit": m.qubit, "outcome": m.outcome, "probability": p}
            ],
        )
