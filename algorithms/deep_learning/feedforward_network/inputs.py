"""The inputs of the feedforward network and their rules."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

import eigenvue
from eigenvue import InputError

#: Resource limit: the number of weights a trace may hold (about 1 s and 200 MB for steps()).
MAX_WEIGHTS = 2_000_000
#: Resource limit on depth; the network drawing also stays legible up to here.
MAX_LAYERS = 64
#: Beyond this magnitude a deep relu network's activations could overflow float64.
MAX_MAGNITUDE = 1e6

Value = Annotated[float, Field(allow_inf_nan=False, ge=-MAX_MAGNITUDE, le=MAX_MAGNITUDE)]


class Inputs(eigenvue.Inputs):
    """One forward pass of a fully connected network on one example."""

    inputValues: list[Value] = Field(
        default=[0.5, 0.8],
        description="The example fed to the input layer; one value per input neuron.",
    )
    layerSizes: list[Annotated[int, Field(ge=1)]] = Field(
        default=[2, 3, 1],
        description=(
            "Neurons per layer, input layer first: at least an input and an output layer, at "
            f"most {MAX_LAYERS} layers and {MAX_WEIGHTS:,} weights in all."
        ),
    )
    activationFunction: Literal["sigmoid", "relu", "tanh"] = Field(
        default="sigmoid", description="The activation of every layer after the input."
    )
    seed: str = Field(
        default="feedforward",
        max_length=10_000,
        description=(
            "Seeds the Xavier-uniform weights; the same seed gives the same network. Left out, "
            "it is 'feedforward' (as in Eigenvue 1.0.2); the default inputs use 'eigenvue-ff'."
        ),
    )

    @model_validator(mode="after")
    def _shapes_agree(self) -> Inputs:
        sizes = self.layerSizes
        if len(sizes) < 2:
            raise InputError(
                "layerSizes",
                f"must list at least an input and an output layer; got {len(sizes)} layer"
                f"{'s' * (len(sizes) != 1)}",
            )
        if len(sizes) > MAX_LAYERS:
            raise InputError(
                "layerSizes", f"may list at most {MAX_LAYERS} layers; got {len(sizes):,}"
            )
        n_weights = sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))
        if n_weights > MAX_WEIGHTS:
            raise InputError(
                "layerSizes",
                f"describes a network of {n_weights:,} weights; the limit is {MAX_WEIGHTS:,}",
            )
        if len(self.inputValues) != sizes[0]:
            raise InputError(
                "inputValues",
                f"must have one value per input neuron: layerSizes[0] is {sizes[0]}, "
                f"got {len(self.inputValues)} values",
            )
        return self
