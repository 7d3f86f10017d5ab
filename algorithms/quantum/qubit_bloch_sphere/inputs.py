"""The inputs of the Bloch-sphere lesson: a sequence of normalised one-qubit states."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

import eigenvue
from eigenvue import InputError

from .. import statevector as sv
from ..circuit_inputs import at_most

#: The most states one trace shows (each is one step).
MAX_STATES = 1000

Component = Annotated[float, Field(allow_inf_nan=False, ge=-1.0, le=1.0)]
H = sv.H


class State(BaseModel):
    """One qubit state α0|0⟩ + α1|1⟩, written ``[re α0, im α0, re α1, im α1]``."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    label: str = Field(max_length=80)
    amplitudes: list[Component] = Field(min_length=4, max_length=4)
    gate: str | None = Field(None, max_length=40)

    def as_dict(self) -> dict[str, Any]:
        """The entry as the user wrote it (``gate`` only when given)."""
        out: dict[str, Any] = {"label": self.label, "amplitudes": list(self.amplitudes)}
        if self.gate is not None:
            out["gate"] = self.gate
        return out


def _state(label: str, amplitudes: list[float], gate: str | None = None) -> State:
    return State(label=label, amplitudes=amplitudes, gate=gate)


DEFAULT_SEQUENCE = [
    _state("|0⟩", [1, 0, 0, 0]),
    _state("H|0⟩ = |+⟩", [H, 0, H, 0], "H"),
    _state("S|+⟩ = |+i⟩", [H, 0, 0, H], "S"),
    _state("H|+i⟩", [0.5, 0.5, 0.5, -0.5], "H"),
    _state("X|0⟩ = |1⟩", [0, 0, 1, 0], "X"),
    _state("H|1⟩ = |−⟩", [H, 0, -H, 0], "H"),
]


def _normalised(inputs: Inputs) -> None:
    for i, entry in enumerate(inputs.stateSequence):
        a, b, c, d = entry.amplitudes
        total = a * a + b * b + c * c + d * d
        if abs(total - 1.0) > sv.NORM_TOLERANCE:
            raise InputError(
                f"stateSequence[{i}].amplitudes",
                f"must be a normalised state, |α0|² + |α1|² = 1 (within {sv.NORM_TOLERANCE:g}); "
                f"state {entry.label!r} has |α0|² + |α1|² = {total:.12g}. Write 1/√2 as "
                f"{H!r}, not 0.7071",
            )


class Inputs(eigenvue.Inputs):
    """One-qubit states to place on the Bloch sphere, in order."""

    stateSequence: Annotated[list[State], at_most(MAX_STATES)] = Field(
        default_factory=lambda: list(DEFAULT_SEQUENCE),
        min_length=1,
        description=(
            "The states to show, each {label, amplitudes: [re α0, im α0, re α1, im α1], "
            "gate?}; gate is only a caption of how the state arose."
        ),
    )

    rules = (_normalised,)
