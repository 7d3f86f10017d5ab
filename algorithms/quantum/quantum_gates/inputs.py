"""The inputs of the quantum-gates lesson: a register size, a circuit, and optional sampling."""

from __future__ import annotations

from pydantic import Field

from ..circuit_inputs import CircuitInputs, Gate, Shots, gate_list, gate_rules, shots_field

DEFAULT_GATES = [
    Gate(gate="H", qubits=[0]),
    Gate(gate="CNOT", qubits=[0, 1]),
    Gate(gate="X", qubits=[1]),
    Gate(gate="H", qubits=[0]),
    Gate(gate="Z", qubits=[1]),
]


class Inputs(CircuitInputs):
    """A circuit of one- and two-qubit gates on ``numQubits`` qubits, all starting in |0⟩."""

    gates: gate_list() = Field(  # type: ignore[valid-type]
        default_factory=lambda: list(DEFAULT_GATES),
        min_length=1,
        description="The circuit, applied in order; two-qubit gates list [control, target].",
    )
    shots: Shots = shots_field("Measure the final state this many times (0: no sampling).")
    seed: str = Field("quantum-gates", description="Seed of the sampled measurements.")

    rules = gate_rules("gates", lambda inputs: len(inputs.gates) + 1)
