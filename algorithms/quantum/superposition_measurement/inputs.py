"""The inputs of the measurement lesson: a preparation circuit and the measurements to make."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from eigenvue import InputError

from .. import statevector as sv
from ..circuit_inputs import (
    CircuitInputs,
    Gate,
    Shots,
    at_most,
    gate_list,
    gate_rules,
    most_gates,
    shots_field,
)


class Measurement(BaseModel):
    """Measure ``qubit`` and take ``outcome`` as the result (outcomes are chosen, not drawn)."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    qubit: int
    outcome: Literal[0, 1]


def _qubits_exist(inputs: Inputs) -> None:
    n = inputs.numQubits
    for i, m in enumerate(inputs.measurements):
        if not 0 <= m.qubit < n:
            raise InputError(
                f"measurements[{i}].qubit",
                f"must be a qubit index from 0 to {n - 1} (numQubits = {n}); got {m.qubit}",
            )


def _outcomes_possible(inputs: Inputs) -> None:
    """Refuse a chosen outcome that cannot happen, giving its probability."""
    psi = sv.zero_state(inputs.numQubits)
    for g in inputs.preparationGates:
        psi = sv.apply(psi, g.gate, g.qubits, g.angle)
    for i, m in enumerate(inputs.measurements):
        p = sv.outcome_probability(psi, m.qubit, m.outcome)
        if p < sv.ZERO_PROBABILITY:
            raise InputError(
                f"measurements[{i}].outcome",
                f"is impossible: measurement {i} (qubit {m.qubit}) gives {m.outcome} with "
                f"probability {p:.3g} in this state; choose the outcome {1 - m.outcome}",
            )
        psi, _ = sv.project(psi, m.qubit, m.outcome)


def _steps(inputs: Inputs) -> int:
    return 1 + len(inputs.preparationGates) + len(inputs.measurements)


_valid_gates, _limit = gate_rules(
    "preparationGates",
    _steps,
    extra_steps=lambda inputs: 1 + len(inputs.measurements),
    echoed=False,
)


class Inputs(CircuitInputs):
    """A register prepared by a circuit, then measured qubit by qubit with chosen outcomes."""

    preparationGates: gate_list(echoed=False) = Field(  # type: ignore[valid-type]
        default_factory=lambda: [Gate(gate="H", qubits=[0]), Gate(gate="CNOT", qubits=[0, 1])],
        description="The circuit that prepares the state from |0…0⟩.",
    )
    measurements: Annotated[list[Measurement], at_most(most_gates(1, echoed=False))] = Field(
        default_factory=lambda: [Measurement(qubit=0, outcome=0), Measurement(qubit=1, outcome=0)],
        min_length=1,
        description="The measurements in order, each {qubit, outcome} with the outcome chosen.",
    )
    shots: Shots = shots_field("Also measure the prepared state this many times (0: no sampling).")
    seed: str = Field("superposition-measurement", description="Seed of the sampled shots.")

    rules = (
        _valid_gates,
        _qubits_exist,
        _limit,
        _outcomes_possible,
    )
