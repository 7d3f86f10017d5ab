"""The inputs of the quantum-gates lesson: a register size, a circuit, and optional sampling."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

import eigenvue

from ..circuit_inputs import (
    GATE_NUMBERS,
    Gate,
    Qubits,
    Shots,
    at_most,
    check_gates,
    circuit_limit,
    largest_circuit,
    most_gates,
    register_field,
    shots_field,
    trace_cost,
)

DEFAULT_GATES = [
    Gate(gate="H", qubits=[0]),
    Gate(gate="CNOT", qubits=[0, 1]),
    Gate(gate="X", qubits=[1]),
    Gate(gate="H", qubits=[0]),
    Gate(gate="Z", qubits=[1]),
]


class Inputs(eigenvue.Inputs):
    """A circuit of one- and two-qubit gates on ``numQubits`` qubits, all starting in |0⟩."""

    numQubits: Qubits = register_field()
    gates: Annotated[list[Gate], at_most(most_gates(1))] = Field(
        default_factory=lambda: list(DEFAULT_GATES),
        min_length=1,
        description="The circuit, applied in order; two-qubit gates list [control, target].",
    )
    shots: Shots = shots_field("Measure the final state this many times (0: no sampling).")
    seed: str = Field("quantum-gates", description="Seed of the sampled measurements.")

    rules = (
        lambda inputs: check_gates(inputs.gates, inputs.numQubits, "gates"),
        circuit_limit(
            "gates",
            lambda inputs: trace_cost(
                len(inputs.gates) + 1, inputs.numQubits, GATE_NUMBERS * len(inputs.gates)
            ),
            lambda inputs: largest_circuit(inputs.numQubits),
        ),
    )
