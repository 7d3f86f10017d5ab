"""The inputs of teleportation: the state to send, and Alice's two measurement outcomes."""

from __future__ import annotations

import math
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

import eigenvue
from eigenvue.inputs import Bounded


class TeleportState(BaseModel):
    """ψ = cos(θ/2)|0⟩ + e^{iφ} sin(θ/2)|1⟩, with a label for display."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    theta: Bounded(0, math.pi) = Field(description="Polar angle θ in [0, π].")
    phi: Bounded(0, 2 * math.pi) = Field(description="Azimuth φ in [0, 2π].")
    label: str = Field("|ψ⟩", max_length=40)


class Outcomes(BaseModel):
    """Alice's outcomes: m0 for qubit 0 and m1 for qubit 1 (chosen, each has probability 1/4)."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    qubit0: Literal[0, 1]
    qubit1: Literal[0, 1]


class Inputs(eigenvue.Inputs):
    """A one-qubit state to teleport from Alice to Bob, and the outcomes Alice measures."""

    teleportState: TeleportState = Field(
        default_factory=lambda: TeleportState(theta=0.7854, phi=1.0472, label="|ψ⟩"),
        description="The state to teleport: {theta, phi, label}.",
    )
    aliceMeasurements: Outcomes = Field(
        default_factory=lambda: Outcomes(qubit0=0, qubit1=1),
        description="Alice's measurement outcomes {qubit0, qubit1}, each 0 or 1.",
    )
