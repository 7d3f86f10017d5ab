"""The inputs of the quantum-gates lesson: a register size, a circuit, and optional sampling."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

import eigenvue
from eigenvue.inputs import Count, Limit

from ..circuit_inputs import (
    GATE_NUMBERS,
    MAX_COST,
    MAX_QUBITS,
    Gate,
    at_most,
    check_gates,
    largest_circuit,
    most_gates,
    trace_cost,
)

#: The most measurement shots sampled from the final state.
MAX_SHOTS = 1_000_000

DEFAULT_GATES = [
    Gate(gate="H", qubits=[0]),
    Gate(gate="CNOT", qubits=[0, 1]),
    Gate(gate="X", qubits=[1]),
    Gate(gate="H", qubits=[0]),
    Gate(gate="Z", qubits=[1]),
]


class Inputs(eigenvue.Inputs):
    """A circuit of one- and two-qubit gates on ``numQubits`` qubits, all starting in |0⟩."""

    numQubits: Count(1, MAX_QUBITS) = Field(2, description="How many qubits the register has.")
    gates: Annotated[list[Gate], at_most(most_gates(1))] = Field(
        default_factory=lambda: list(DEFAULT_GATES),
        min_length=1,
        description="The circuit, applied in order; two-qubit gates list [control, target].",
    )
    shots: Count(0, MAX_SHOTS) = Field(
        0, description="Measure the final state this many times (0: no sampling)."
    )
    seed: str = Field("quantum-gates", description="Seed of the sampled measurements.")

    rules = (
        lambda inputs: check_gates(inputs.gates, inputs.numQubits, "gates"),
        Limit(
            input="gates",
            cost=lambda inputs: trace_cost(
                len(inputs.gates) + 1, inputs.numQubits, GATE_NUMBERS * len(inputs.gates)
            ),
            limit=MAX_COST,
            largest=lambda inputs: largest_circuit(inputs.numQubits),
            unit="amplitudes and per-step numbers",
        ),
    )
