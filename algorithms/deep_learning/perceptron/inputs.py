"""The inputs of the perceptron and their rules."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

import eigenvue
from eigenvue.inputs import Bounded, one_per

#: Resource limit: a million inputs take well under a second and about 100 MB in steps().
MAX_INPUTS = 1_000_000
#: Keeps every product w·x, and the sum of up to MAX_INPUTS of them, finite in float64.
Value = Bounded(-1e100, 1e100)


class Inputs(eigenvue.Inputs):
    """One neuron: its inputs, a weight per input, a bias and an activation."""

    inputs: list[Value] = Field(
        default=[0.5, 0.8],
        min_length=1,
        max_length=MAX_INPUTS,
        description=(
            "The feature vector x fed to the neuron (1 to 1,000,000 finite numbers, "
            "each of magnitude at most 1e100)."
        ),
    )
    weights: list[Value] = Field(
        default=[0.6, -0.3],
        description="One weight w[i] per input: how strongly, and in which direction, it counts.",
    )
    bias: Value = Field(
        default=0.1, description="Added to the weighted sum: shifts the neuron's threshold."
    )
    activationFunction: Literal["sigmoid", "relu", "tanh", "step"] = Field(
        default="sigmoid",
        description="The function f applied to the weighted sum z to give the output a = f(z).",
    )

    rules = (one_per("weights", "inputs", what="weight"),)
