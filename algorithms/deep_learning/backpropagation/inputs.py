"""The inputs of backpropagation and their rules."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AliasChoices, Field, model_validator

import eigenvue
from eigenvue import InputError

#: Resource limit: the number of weights a trace may hold (about 1 s and 250 MB for steps()).
MAX_WEIGHTS = 2_000_000
#: Resource limit on depth: each layer adds three steps to the trace.
MAX_LAYERS = 64
#: Beyond this magnitude a deep relu network's activations can overflow float64.
MAX_MAGNITUDE = 1e6
#: Resource limit on training: epochs × examples × weights (about a second of numpy).
MAX_TRAINING_WORK = 200_000_000
#: Examples in each built-in dataset (see datasets.py).
DATASET_SIZES = {"single": 1, "xor": 4, "and": 4, "or": 4, "circle": 60}

Value = Annotated[float, Field(allow_inf_nan=False, ge=-MAX_MAGNITUDE, le=MAX_MAGNITUDE)]


class Inputs(eigenvue.Inputs):
    """One training step of a fully connected network on one example."""

    layerSizes: list[Annotated[int, Field(ge=1)]] = Field(
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
    activationFunction: Literal["sigmoid", "relu", "tanh"] = Field(
        default="sigmoid", description="The activation of every layer after the input."
    )
    lossFunction: Literal["mse", "binary-cross-entropy"] = Field(
        default="mse",
        description="Mean squared error, or binary cross-entropy (needs sigmoid, targets in [0, 1]).",
    )
    learningRate: Annotated[float, Field(allow_inf_nan=False, ge=0, le=1e3)] = Field(
        default=0.1, description="The gradient-descent step size η."
    )
    seed: str = Field(
        default="backprop",
        max_length=10_000,
        description="Seeds the Xavier-uniform initial weights; the same seed gives the same network.",
    )
    epochs: Annotated[int, Field(ge=1, le=10_000)] = Field(
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

    @model_validator(mode="after")
    def _shapes_agree(self) -> Inputs:
        sizes = self.layerSizes
        n_weights = sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))
        if n_weights > MAX_WEIGHTS:
            raise InputError(
                "layerSizes",
                f"describes a network of {n_weights:,} weights; the limit is {MAX_WEIGHTS:,}",
            )
        if self.lossFunction == "binary-cross-entropy" and self.activationFunction != "sigmoid":
            raise InputError(
                "lossFunction",
                "'binary-cross-entropy' needs outputs in (0, 1): use "
                f"activationFunction 'sigmoid', got {self.activationFunction!r}",
            )
        examples = DATASET_SIZES[self.dataset]
        work = self.epochs * examples * n_weights
        if work > MAX_TRAINING_WORK:
            raise InputError(
                "epochs",
                f"asks for {work:.2g} weight-updates (epochs × examples × weights); "
                f"the limit is {MAX_TRAINING_WORK:.0e}",
            )
        if self.dataset != "single":
            self._check_dataset_network(sizes)
        else:
            self._check_example(sizes)
        return self

    def _check_dataset_network(self, sizes: list[int]) -> None:
        for name in ("inputValues", "targets"):
            if name in self.model_fields_set:
                raise InputError(
                    name,
                    f"is not used with dataset {self.dataset!r}: leave it out, or use dataset 'single'",
                )
        if sizes[0] != 2 or sizes[-1] != 1:
            raise InputError(
                "layerSizes",
                f"must start with 2 inputs and end with 1 output for dataset {self.dataset!r}; "
                f"got {sizes}",
            )

    def _check_example(self, sizes: list[int]) -> None:
        if len(self.inputValues) != sizes[0]:
            raise InputError(
                "inputValues",
                f"must have one value per input neuron: layerSizes[0] is {sizes[0]}, "
                f"got {len(self.inputValues)} values",
            )
        if len(self.targets) != sizes[-1]:
            raise InputError(
                "targets",
                f"must have one value per output neuron: layerSizes[-1] is {sizes[-1]}, "
                f"got {len(self.targets)} values",
            )
        if self.lossFunction == "binary-cross-entropy":
            for i, y in enumerate(self.targets):
                if not 0.0 <= y <= 1.0:
                    raise InputError(
                        f"targets[{i}]",
                        f"must lie in [0, 1] for binary cross-entropy (a probability); got {y}",
                    )

    @property
    def eigenvue_compatible(self) -> bool:
        """True for one step on one example: the trace Eigenvue 1.0.2 also gives."""
        return self.epochs == 1 and self.dataset == "single"

    @property
    def with_diagnostics(self) -> bool:
        """Whether backward steps carry gradientCheck and gradientNorms."""
        return (not self.eigenvue_compatible) if self.diagnostics is None else self.diagnostics
