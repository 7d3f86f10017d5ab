"""Inputs shared by the circuit lessons: one gate of a circuit, and the rules a circuit obeys.

``quantum-gates`` and ``superposition-measurement`` both take a list of gates
``{"gate": "CNOT", "qubits": [0, 1], "angle"?: 0.5}``; the checks live here
once. A rule broken raises :class:`eigenvue.InputError` naming the exact entry
(``gates[2].qubits``), which is what a learner has to fix.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

import eigenvue
from eigenvue import InputError
from eigenvue.inputs import Count, Limit

from .statevector import ONE_QUBIT_NAMES, ROTATIONS, TWO_QUBIT_NAMES, arity

#: Registers up to this many qubits are simulated and drawn (2^12 = 4,096 amplitudes).
MAX_QUBITS = 12
#: What one step costs besides its amplitudes, in the same unit (its other state, its
#: narration, its Step object): it keeps a long circuit on one qubit as cheap as a short
#: one on twelve.
STEP_OVERHEAD = 400
#: Numbers per gate of a circuit echoed in every step (name, one or two qubits, an angle):
#: the step format repeats the whole gate list in each step, so its JSON grows as gates².
GATE_NUMBERS = 4
#: The largest trace: a 200-gate circuit on 12 qubits (201 steps, each with its 4,096
#: amplitudes, its overhead and the echoed gate list).
MAX_COST = 201 * (2**MAX_QUBITS + STEP_OVERHEAD + GATE_NUMBERS * 200)


def trace_cost(steps: int, n: int, echoed: int = 0) -> int:
    """What a trace of ``steps`` steps on ``n`` qubits costs, in :data:`MAX_COST`'s unit.

    ``echoed`` counts the numbers every step repeats (a gate list, the targets).
    """
    return steps * (2**n + STEP_OVERHEAD + echoed)


def most_steps(n: int, echoed: int = 0) -> int:
    """The most steps a trace on ``n`` qubits may have."""
    return MAX_COST // (2**n + STEP_OVERHEAD + echoed)


def most_gates(n: int, extra_steps: int = 1, *, echoed: bool = True) -> int:
    """The longest circuit on ``n`` qubits whose trace fits, with ``extra_steps`` besides gates."""
    low, high = 0, most_steps(n)
    while low < high:  # the largest g with cost(g) within MAX_COST; cost grows with g
        g = (low + high + 1) // 2
        echo = GATE_NUMBERS * g if echoed else 0
        if trace_cost(g + extra_steps, n, echo) <= MAX_COST:
            low = g
        else:
            high = g - 1
    return low


def at_most(limit: int) -> BeforeValidator:
    """Refuse a list longer than ``limit`` before validating its entries one by one."""

    def check(value: Any) -> Any:
        if isinstance(value, (list, tuple)) and len(value) > limit:
            raise ValueError(f"must have at most {limit:,} entries, not {len(value):,}")
        return value

    return BeforeValidator(check)


KNOWN_GATES = (
    f"{', '.join(ONE_QUBIT_NAMES)} on one qubit ({', '.join(ROTATIONS)} with an angle in "
    f"radians) and {', '.join(TWO_QUBIT_NAMES)} on two"
)

Angle = Annotated[float, Field(allow_inf_nan=False, ge=-1e6, le=1e6)]


class Gate(BaseModel):
    """One gate of a circuit: its name, the qubits it acts on and, for rotations, an angle."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    gate: str
    qubits: list[int]
    angle: Angle | None = None

    def as_dict(self) -> dict[str, Any]:
        """The gate as the user wrote it (``angle`` only when given)."""
        out: dict[str, Any] = {"gate": self.gate, "qubits": list(self.qubits)}
        if self.angle is not None:
            out["angle"] = self.angle
        return out


def check_gates(gates: Sequence[Gate], n: int, name: str) -> None:
    """Refuse a gate that cannot run on ``n`` qubits; ``name`` is the input (``"gates"``).

    Eigenvue skips a gate with no qubits or too many, accepts ``[q, q]``, fails
    with an internal error on an index out of range and wraps negative indices;
    each of those is refused here instead, naming the gate.
    """
    for i, g in enumerate(gates):
        where = f"{name}[{i}]"
        k = arity(g.gate)
        if k == 0:
            raise InputError(
                f"{where}.gate", f"is not a known gate: {g.gate!r}; the gates are {KNOWN_GATES}"
            )
        if len(g.qubits) != k:
            raise InputError(
                f"{where}.qubits",
                f"must list {k} qubit{'s' if k > 1 else ''} for {g.gate}; got {g.qubits}",
            )
        bad = [q for q in g.qubits if not 0 <= q < n]
        if bad:
            raise InputError(
                f"{where}.qubits",
                f"must hold qubit indices from 0 to {n - 1} (numQubits = {n}); got {bad[0]}",
            )
        if k == 2 and g.qubits[0] == g.qubits[1]:
            raise InputError(
                f"{where}.qubits",
                f"must name two different qubits for {g.gate}; got {g.qubits}",
            )
        if g.gate in ROTATIONS and g.angle is None:
            raise InputError(f"{where}.angle", f"is required for the rotation {g.gate} (radians)")


def largest_circuit(n: int, extra_steps: int = 1, *, echoed: bool = True) -> str:
    """The longest circuit on ``n`` qubits that fits :data:`MAX_COST`, said in words."""
    return f"{most_gates(n, extra_steps, echoed=echoed):,} gates on {n} qubits"


#: The most measurement shots sampled from a state.
MAX_SHOTS = 1_000_000

#: A register size: 1 to :data:`MAX_QUBITS` qubits.
Qubits = Count(1, MAX_QUBITS)
#: A number of measurement shots: 0 (none) to :data:`MAX_SHOTS`.
Shots = Count(0, MAX_SHOTS)


class CircuitInputs(eigenvue.Inputs):
    """Inputs that start with the register: ``numQubits``, two unless given."""

    numQubits: Qubits = Field(2, description="How many qubits the register has.")


def gate_list(extra_steps: int = 1, *, echoed: bool = True) -> Any:
    """The type of a gate-list input: refused unread when longer than any circuit that fits.

    ``extra_steps`` and ``echoed`` are as in :func:`most_gates`, for one qubit.
    """
    return Annotated[list[Gate], at_most(most_gates(1, extra_steps, echoed=echoed))]


def shots_field(description: str) -> Any:
    """The ``shots`` input: how many measurements to sample; none (0) unless given."""
    return Field(0, description=description)


def circuit_limit(input: str, cost: Callable[[Any], int], largest: Callable[[Any], str]) -> Limit:
    """The rule refusing a trace of more than :data:`MAX_COST` amplitudes and numbers.

    Parameters
    ----------
    input : str
        The input the error names.
    cost : callable
        ``cost(inputs)``: the trace's size, from :func:`trace_cost`.
    largest : callable
        ``largest(inputs)``: the largest size of ``input`` that fits, in words.
    """
    return Limit(
        input=input,
        cost=cost,
        limit=MAX_COST,
        largest=largest,
        unit="amplitudes and per-step numbers",
    )


def gate_rules(
    input: str,
    steps: Callable[[Any], int],
    *,
    extra_steps: Callable[[Any], int] = lambda inputs: 1,
    echoed: bool = True,
) -> tuple[Callable[[Any], None], Limit]:
    """The rules of a gate-list input: every gate valid, and the trace within :data:`MAX_COST`.

    Parameters
    ----------
    input : str
        The gate-list input, e.g. ``"gates"``.
    steps : callable
        ``steps(inputs)``: how many steps the trace has.
    extra_steps : callable
        ``extra_steps(inputs)``: the steps besides one per gate, for the largest circuit
        that fits.
    echoed : bool
        Whether every step repeats the gate list (its size then counts in every step).
    """

    def valid(inputs: Any) -> None:
        check_gates(getattr(inputs, input), inputs.numQubits, input)

    def cost(inputs: Any) -> int:
        echo = GATE_NUMBERS * len(getattr(inputs, input)) if echoed else 0
        return trace_cost(steps(inputs), inputs.numQubits, echo)

    def largest(inputs: Any) -> str:
        return largest_circuit(inputs.numQubits, extra_steps(inputs), echoed=echoed)

    return valid, circuit_limit(input, cost, largest)
