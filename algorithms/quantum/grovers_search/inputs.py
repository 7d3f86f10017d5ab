"""The inputs of Grover's search: the register, the marked states, and optional extras."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

import eigenvue
from eigenvue import InputError
from eigenvue.inputs import Count

from ..circuit_inputs import (
    MAX_QUBITS,
    Qubits,
    Shots,
    at_most,
    circuit_limit,
    most_steps,
    shots_field,
    trace_cost,
)
from .grover import optimal_iterations


def _targets_valid(inputs: Inputs) -> None:
    """Each target once, each a basis index of the register."""
    size = 2**inputs.numQubits
    seen: set[int] = set()
    for i, t in enumerate(inputs.targets):
        if not 0 <= t < size:
            raise InputError(
                f"targets[{i}]",
                f"must be a basis state index from 0 to {size - 1} "
                f"(numQubits = {inputs.numQubits}); got {t}",
            )
        if t in seen:
            raise InputError(
                f"targets[{i}]",
                f"must not repeat a target: {t} is already marked (a state is marked or not)",
            )
        seen.add(t)


def total_iterations(inputs: Inputs) -> int:
    """The iterations to run: the input's, else the optimum ⌊π/4 · √(N/M)⌋."""
    if inputs.iterations is not None:
        return inputs.iterations
    return optimal_iterations(2**inputs.numQubits, len(inputs.targets))


def _largest(inputs: Inputs) -> str:
    most = (most_steps(inputs.numQubits, len(inputs.targets)) - 3) // 2
    return f"{most:,} iterations on {inputs.numQubits} qubits"


class Inputs(eigenvue.Inputs):
    """Search the 2^n basis states of ``numQubits`` qubits for the ``targets``."""

    numQubits: Qubits = Field(2, description="n; the search space has N = 2^n states.")
    targets: Annotated[list[int], at_most(2**MAX_QUBITS)] = Field(
        default_factory=lambda: [3],
        min_length=1,
        description="The marked basis states (indices from 0 to 2^n − 1), each once.",
    )
    iterations: Count(0, None) | None = Field(
        None,
        description="Grover iterations to run; left out, the optimum ⌊π/4 · √(N/M)⌋.",
    )
    shots: Shots = shots_field("Measure the final state this many times (0: no sampling).")
    seed: str = Field("grovers-search", description="Seed of the sampled measurements.")

    rules = (
        _targets_valid,
        circuit_limit(
            "iterations",
            lambda inputs: trace_cost(
                3 + 2 * total_iterations(inputs), inputs.numQubits, len(inputs.targets)
            ),
            _largest,
        ),
    )
