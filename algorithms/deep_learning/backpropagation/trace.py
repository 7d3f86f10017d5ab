"""The backpropagation trace: one training step, narrated step by step.

Runs :mod:`.network` and records the state after each phase, in the Eigenvue
1.0.2 step format. Arrays that do not change are shared between steps.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from eigenvue.step import Step

from . import network as nn
from .inputs import Inputs

# Pseudocode lines (1-based) of meta.toml, by what the step is doing.
LINES_FORWARD_START = (2,)
LINES_FORWARD_LAYER = (3, 4, 5)
LINES_LOSS = (6,)
LINES_OUTPUT_DELTA = (7, 8)
LINES_HIDDEN_DELTA = (9, 10)
LINES_UPDATE = (12, 13, 14, 15)
LINES_DONE = (16,)

LOSS_NAMES = {"mse": "mean squared error", "binary-cross-entropy": "binary cross-entropy"}


def _fmt(values: np.ndarray, limit: int = 4) -> str:
    """Short text for a vector: ``[0.620, 0.488]``, or its first entries and a count."""
    flat = np.asarray(values).ravel()
    shown = ", ".join(f"{v:.3g}" for v in flat[:limit])
    more = f", … ({flat.size} values)" if flat.size > limit else ""
    return f"[{shown}{more}]"


def trace(inputs: Inputs) -> Iterator[Step]:
    """Yield the steps of one forward pass, backward pass and update."""
    sizes = list(inputs.layerSizes)
    n_layers = len(sizes)
    output = n_layers - 1
    act = inputs.activationFunction
    lr = inputs.learningRate
    x = np.asarray(inputs.inputValues, dtype=float)
    y = np.asarray(inputs.targets, dtype=float)
    targets = list(inputs.targets)

    weights = nn.xavier_weights(sizes, inputs.seed)
    biases = nn.initial_biases(sizes)
    passed = nn.forward(weights, biases, x, act)

    yield Step(
        id="forward-start",
        title="Present the input",
        explanation=(
            f"The example {_fmt(x)} becomes the activation of the input layer. "
            f"The {sum(w.size for w in weights):,} weights start Xavier-uniform from "
            f"seed {inputs.seed!r}; every bias starts at 0.01."
        ),
        phase="forward",
        lines=LINES_FORWARD_START,
        state={"layerSizes": sizes, "activations": [x], "weights": weights, "targets": targets},
        visual_actions=[
            {"type": "activateNeuron", "layer": 0, "index": i} for i in range(min(sizes[0], 64))
        ],
    )

    for layer in range(1, n_layers):
        kind = "output" if layer == output else "hidden"
        yield Step(
            id=f"forward-layer-{layer}",
            title=f"Forward: layer {layer} ({kind})",
            explanation=(
                f"Each neuron of layer {layer} sums its weighted inputs plus its bias, "
                f"z = W·a + b = {_fmt(passed.z[layer])}, then applies {act}: "
                f"a = {act}(z) = {_fmt(passed.a[layer])}."
            ),
            phase="forward",
            lines=LINES_FORWARD_LAYER,
            state={
                "layerSizes": sizes,
                "activations": passed.a[: layer + 1],
                "weights": weights,
                "targets": targets,
                "preActivations": passed.z[layer],
                "currentLayer": layer,
            },
            visual_actions=[{"type": "propagateSignal", "fromLayer": layer - 1, "toLayer": layer}],
        )

    prediction = passed.a[-1]
    loss = nn.loss(prediction, y, inputs.lossFunction)
    yield Step(
        id="compute-loss",
        title="Measure the error",
        explanation=(
            f"The network predicts {_fmt(prediction)} where the target is {_fmt(y)}. "
            f"Their {LOSS_NAMES[inputs.lossFunction]} is {loss:.6g}: the number training "
            "will push down."
        ),
        phase="loss",
        lines=LINES_LOSS,
        state={
            "layerSizes": sizes,
            "activations": passed.a,
            "weights": weights,
            "targets": targets,
            "loss": loss,
            "predictions": prediction,
        },
        visual_actions=[
            {"type": "showLoss", "loss": loss, "predictions": prediction, "targets": targets}
        ],
    )

    deltas = nn.backward(weights, passed, y, inputs.lossFunction, act)
    known: list[np.ndarray] = [np.empty(0)] * n_layers
    for layer in range(output, 0, -1):
        known = [*known[:layer], deltas[layer], *known[layer + 1 :]]
        common = {
            "layerSizes": sizes,
            "activations": passed.a,
            "weights": weights,
            "targets": targets,
            "loss": loss,
            "gradients": known,
            "currentLayer": layer,
        }
        if layer == output:
            how = (
                "a − y, divided by the number of outputs (the sigmoid's slope cancels)"
                if inputs.lossFunction == "binary-cross-entropy"
                else f"(2/k)(a − y) times {act}'(z)"
            )
            yield Step(
                id="backward-output",
                title="Backward: error at the output",
                explanation=(
                    f"How much does the loss change when each output neuron's z changes? "
                    f"The chain rule gives δ = {how} = {_fmt(deltas[layer])}."
                ),
                phase="backward",
                lines=LINES_OUTPUT_DELTA,
                state=common,
                visual_actions=[
                    {"type": "showGradient", "layer": layer, "gradients": deltas[layer]}
                ],
            )
        else:
            yield Step(
                id=f"backward-hidden-{layer}",
                title=f"Backward: layer {layer}",
                explanation=(
                    f"The error flows back through the weights of layer {layer + 1}: "
                    f"δ = (Wᵀ·δ_next) ⊙ {act}'(z) = {_fmt(deltas[layer])}. "
                    "Each hidden neuron is blamed in proportion to how strongly it feeds the "
                    "neurons that erred."
                ),
                phase="backward",
                lines=LINES_HIDDEN_DELTA,
                state=common,
                visual_actions=[
                    {"type": "showGradient", "layer": layer, "gradients": deltas[layer]}
                ],
            )

    new_weights, new_biases = list(weights), list(biases)
    for layer in range(1, n_layers):
        gradient = nn.weight_gradient(deltas[layer], passed.a[layer - 1])
        old = new_weights[layer]
        new_weights = [*new_weights[:layer], old - lr * gradient, *new_weights[layer + 1 :]]
        new_biases = [
            *new_biases[:layer],
            new_biases[layer] - lr * deltas[layer],
            *new_biases[layer + 1 :],
        ]
        change = float(np.max(np.abs(lr * gradient))) if gradient.size else 0.0
        yield Step(
            id=f"update-weights-{layer}",
            title=f"Update: layer {layer}",
            explanation=(
                f"Each weight into layer {layer} gets the gradient δ·aᵀ of the neurons it joins "
                f"and moves against it by η = {lr:g} times that gradient: W ← W − η·δ·aᵀ, "
                f"b ← b − η·δ. The largest change is {change:.3g}."
            ),
            phase="update",
            lines=LINES_UPDATE,
            state={
                "layerSizes": sizes,
                "activations": passed.a,
                "weights": new_weights,
                "biases": new_biases,
                "targets": targets,
                "loss": loss,
                "gradients": deltas,
                "weightGradients": gradient,
                "currentLayer": layer,
                "learningRate": lr,
            },
            visual_actions=[
                {
                    "type": "updateWeights",
                    "fromLayer": layer - 1,
                    "toLayer": layer,
                    "oldWeights": old,
                    "newWeights": new_weights[layer],
                    "learningRate": lr,
                }
            ],
        )

    yield Step(
        id="complete",
        title="One training step done",
        explanation=(
            f"Every weight and bias moved a little downhill on the loss, which was {loss:.6g} "
            "before the step. Repeating forward, backward and update over many examples is "
            "how a network learns."
        ),
        phase="complete",
        lines=LINES_DONE,
        is_terminal=True,
        state={
            "layerSizes": sizes,
            "activations": passed.a,
            "weights": new_weights,
            "biases": new_biases,
            "targets": targets,
            "loss": loss,
            "gradients": deltas,
        },
        visual_actions=[
            {
                "type": "showMessage",
                "text": f"Loss before the step: {loss:.6g}",
                "messageType": "success",
            }
        ],
    )
