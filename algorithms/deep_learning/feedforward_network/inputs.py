"""The inputs of the feedforward network and their rules (backpropagation shares them)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from pydantic import Field

import eigenvue
from eigenvue import InputError
from eigenvue.inputs import Bounded, Count, Limit, Rule

#: Resource limit: the number of weights a trace may hold (about 1 s and 250 MB for steps()).
MAX_WEIGHTS = 2_000_000
#: Resource limit on depth; the network drawing also stays legible up to here.
MAX_LAYERS = 64
#: Beyond this magnitude a deep relu network's activations could overflow float64.
Value = Bounded(-1e6, 1e6)
LayerSizes = list[Count(1)]
Activation = Literal["sigmoid", "relu", "tanh"]


def weight_count(sizes: Sequence[int]) -> int:
    """The weights of a fully connected network with these layer sizes."""
    return sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))


#: Refuses a network too large to trace.
WEIGHT_LIMIT = Limit(
    input="layerSizes",
    cost=lambda inputs: weight_count(inputs.layerSizes),
    limit=MAX_WEIGHTS,
    largest=lambda inputs: f"a network of {MAX_WEIGHTS:,} weights (two layers of 1,414, say)",
    unit="weights",
)


def one_per_neuron(field: str, layer: int, what: str) -> Rule:
    """Rule: ``field`` has one value per neuron of layer ``layer`` (0: input, −1: output)."""

    def check(inputs: Any) -> None:
        sizes, values = inputs.layerSizes, getattr(inputs, field)
        if len(values) != sizes[layer]:
            raise InputError(
                field,
                f"must have one value per {what} neuron: layerSizes[{layer}] is {sizes[layer]}, "
                f"got {len(values)} values",
            )

    return check


class Inputs(eigenvue.Inputs):
    """One forward pass of a fully connected network on one example."""

    inputValues: list[Value] = Field(
        default=[0.5, 0.8],
        description="The example fed to the input layer; one value per input neuron.",
    )
    layerSizes: LayerSizes = Field(
        default=[2, 3, 1],
        min_length=2,
        max_length=MAX_LAYERS,
        description=(
            "Neurons per layer, input layer first: at least an input and an output layer, at "
            f"most {MAX_LAYERS} layers and {MAX_WEIGHTS:,} weights in all."
        ),
    )
    activationFunction: Activation = Field(
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

    rules = (WEIGHT_LIMIT, one_per_neuron("inputValues", 0, "input"))
