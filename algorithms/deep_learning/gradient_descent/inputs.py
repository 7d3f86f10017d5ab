"""The inputs of gradient descent and their rules."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

import eigenvue
from eigenvue import InputError

from .optimizers import MAX_COORDINATE, descend

#: Resource limit: every step carries the trajectory so far, so steps() grows as numSteps².
MAX_STEPS = 2_000
#: Beyond this step size the updates themselves could overflow float64.
MAX_LEARNING_RATE = 1e6

Coordinate = Annotated[float, Field(allow_inf_nan=False, ge=-MAX_COORDINATE, le=MAX_COORDINATE)]


class Inputs(eigenvue.Inputs):
    """A run of an optimizer on f(x, y) = x² + 3y² from a starting point."""

    startX: Coordinate = Field(
        default=3.0,
        description="The starting x. Any finite value up to 1e150 in size (so that x² fits in float64).",
    )
    startY: Coordinate = Field(
        default=3.0,
        description="The starting y. Any finite value up to 1e150 in size (so that 3y² fits in float64).",
    )
    learningRate: Annotated[float, Field(allow_inf_nan=False, gt=0, le=MAX_LEARNING_RATE)] = Field(
        default=0.1,
        description=(
            "The step size η > 0, at most 1e6. SGD converges on this surface only for η < 1/3; "
            "larger rates diverge, which the trace shows as long as the numbers fit in float64."
        ),
    )
    optimizer: Literal["sgd", "momentum", "adam"] = Field(
        default="sgd",
        description="The update rule: plain gradient descent, momentum (β = 0.9) or Adam.",
    )
    numSteps: Annotated[int, Field(ge=1, le=MAX_STEPS)] = Field(
        default=20,
        description=(
            f"The number of updates, 1 to {MAX_STEPS:,} (every step carries the trajectory so "
            "far, so a trace grows with the square of this). A diverging run is refused once "
            "its coordinates would pass 1e150, beyond which the loss no longer fits in float64."
        ),
    )

    @model_validator(mode="after")
    def _stays_within_float64(self) -> Inputs:
        run = descend((self.startX, self.startY), self.learningRate, self.optimizer, self.numSteps)
        if run.diverged_at is None:
            return self
        step = run.diverged_at
        why = (
            f"the {self.optimizer} run with learningRate {self.learningRate:g} diverges: after "
            f"update {step} |x| or |y| would pass 1e150, where the loss x² + 3y² "
            "no longer fits in float64"
        )
        if step == 1:
            raise InputError("learningRate", f"is too large for this start: {why}")
        raise InputError(
            "numSteps",
            f"must be at most {step - 1} with these inputs: {why} "
            "(SGD converges only for learningRate < 1/3)",
        )
