"""The inputs of backpropagation and their rules.

The network's inputs and their rules are the feedforward lesson's; training adds
targets, a loss, a learning rate, epochs and the built-in datasets.
"""

from __future__ import annotations

from typing import Literal

from pydantic import AliasChoices, Field

import eigenvue
from algorithms.deep_learning.feedforward_network.inputs import (
    MAX_LAYERS,
    WEIGHT_LIMIT,
    Activation,
    LayerSizes,
    Value,
    one_per_neuron,
    weight_count,
)
from eigenvue import InputError
from eigenvue.inputs import Bounded, Count, Limit

#: Resource limit on training: epochs × examples × weights (about a second of numpy).
MAX_TRAINING_WORK = 200_000_000
#: Examples in each built-in dataset (see datasets.py).
DATASET_SIZES = {"single": 1, "xor": 4, "and": 4, "or": 4, "circle": 60}


def _work(inputs: Inputs) -> int:
    return DATASET_SIZES[inputs.dataset] * weight_count(inputs.layerSizes)


def _bce_needs_sigmoid(inputs: Inputs) -> None:
    if inputs.lossFunction == "binary-cross-entropy" and inputs.activationFunction != "sigmoid":
        raise InputError(
            "lossFunction",
            "'binary-cross-entropy' needs outputs in (0, 1): use "
            f"activationFunction 'sigmoid', got {inputs.activationFunction!r}",
        )


def _dataset_or_example(inputs: Inputs) -> None:
    """A built-in dataset brings its own examples; otherwise the one example must fit."""
    sizes = inputs.layerSizes
    if inputs.dataset != "single":
        for name in ("inputValues", "targets"):
            if name in inputs.model_fields_set:
                raise InputError(
                    name,
                    f"is not used with dataset {inputs.dataset!r}: leave it out, or use dataset 'single'",
                )
        if sizes[0] != 2 or sizes[-1] != 1:
            raise InputError(
                "layerSizes",
                f"must start with 2 inputs and end with 1 output for dataset {inputs.dataset!r}; "
                f"got {sizes}",
            )
        return
    one_per_neuron("inputValues", 0, "input")(inputs)
    one_per_neuron("targets", -1, "output")(inputs)
    if inputs.lossFunction == "binary-cross-entropy":
        for i, y in enumerate(inputs.targets):
            if not 0.0 <= y <= 1.0:
                raise InputError(
                    f"targets[{i}]",
                    f"must lie in [0, 1] for binary cross-entropy (a probability); got {y}",
                )


class Inputs(eigenvue.Inputs):
    """One training step of a fully connected network on one example."""

    layerSizes: LayerSizes = Field(
        default=[2, 2, 1],
        min_length=2,
        max_length=MAX_LAYERS,
        description="Neurons per layer, input layer first (at least an input and an output layer).",
    )
    inputValues: list[Value] = Field(
        default=[0.5, 0.8],
        description="The example fed to the input layer; one value per input neuron.",
    )
    targets: list[Value] = Field(
        default=[1.0],
        validation_alias=AliasChoices("targets", "targetValues"),
        description="The desired output, one value per output neuron (alias: targetValues).",
    )
    activationFunction: Activation = Field(
        default="sigmoid", description="The activation of every layer after the input."
    )
    lossFunction: Literal["mse", "binary-cross-entropy"] = Field(
        default="mse",
        description="Mean squared error, or binary cross-entropy (needs sigmoid, targets in [0, 1]).",
    )
    learningRate: Bounded(0, 1e3) = Field(
        default=0.1, description="The gradient-descent step size η."
    )
    seed: str = Field(
        default="backprop",
        max_length=10_000,
        description="Seeds the Xavier-uniform initial weights; the same seed gives the same network.",
    )
    epochs: Count(1, 10_000) = Field(
        default=1,
        description="Training passes. The first is shown step by step, later ones one step per epoch "
        "(sampled when there are many); epochs × examples × weights is limited to 2·10⁸.",
    )
    dataset: Literal["single", "xor", "and", "or", "circle"] = Field(
        default="single",
        description="'single' trains on inputValues/targets; the others are built-in 2-input sets "
        "(4 points, or 60 for circle) trained full-batch, for a 2-…-1 network.",
    )
    diagnostics: bool | None = Field(
        default=None,
        description="Add gradientCheck and gradientNorms to the backward steps. Default: on whenever "
        "epochs or dataset is used, off for Eigenvue-compatible single steps.",
    )

    rules = (
        WEIGHT_LIMIT,
        _bce_needs_sigmoid,
        Limit(
            input="epochs",
            cost=lambda inputs: inputs.epochs * _work(inputs),
            limit=MAX_TRAINING_WORK,
            largest=lambda inputs: f"{max(MAX_TRAINING_WORK // _work(inputs), 1):,} epochs",
            unit="weight updates (epochs × examples × weights)",
        ),
        _dataset_or_example,
    )

    @property
    def eigenvue_compatible(self) -> bool:
        """True for one step on one example: the trace Eigenvue 1.0.2 also gives."""
        return self.epochs == 1 and self.dataset == "single"

    @property
    def with_diagnostics(self) -> bool:
        """Whether backward steps carry gradientCheck and gradientNorms."""
        return (not self.eigenvue_compatible) if self.diagnostics is None else self.diagnostics
