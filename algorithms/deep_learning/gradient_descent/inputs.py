"""The inputs of gradient descent and their rules."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

import eigenvue
from eigenvue import InputError
from eigenvue.inputs import Bounded, Count

from .optimizers import MAX_COORDINATE, descend

#: Resource limit: every step carries the trajectory so far, so steps() grows as numSteps².
MAX_STEPS = 2_000
#: Coordinates up to 1e150 in size, so that x² + 3y² fits in float64.
Coordinate = Bounded(-MAX_COORDINATE, MAX_COORDINATE)


def _stays_within_float64(inputs: Inputs) -> None:
    """Refuse a diverging run once its numbers would leave float64, naming what to shrink."""
    run = descend(
        (inputs.startX, inputs.startY), inputs.learningRate, inputs.optimizer, inputs.numSteps
    )
    step = run.diverged_at
    if step is None:
        return
    why = (
        f"the {inputs.optimizer} run with learningRate {inputs.learningRate:g} diverges: after "
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
    learningRate: Bounded(0, 1e6, exclusive_low=True) = Field(
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
    numSteps: Count(1, MAX_STEPS) = Field(
        default=20,
        description=(
            f"The number of updates, 1 to {MAX_STEPS:,} (every step carries the trajectory so "
            "far, so a trace grows with the square of this). A diverging run is refused once "
            "its coordinates would pass 1e150, beyond which the loss no longer fits in float64."
        ),
    )

    rules = (_stays_within_float64,)
