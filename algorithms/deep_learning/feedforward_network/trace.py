"""The feedforward-network trace: one forward pass, narrated layer by layer.

The network and its forward pass are :mod:`.network`'s, which the
backpropagation lesson trains too (same seeded Xavier-uniform weights, biases
and activations). The state follows the
Eigenvue 1.0.2 step format; the weights and every layer's activations are
shared between steps, not copied.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from eigenvue.step import Step
from eigenvue.text import short_vector

from . import network as nn
from .inputs import Inputs

#: Above this many values the narration lists the first few and the count.
LISTED = 4
#: visualActions name neurons one by one; beyond this many per layer they are left out.
MAX_NAMED_NEURONS = 64

RANGES = {
    "sigmoid": "squashes each z into (0, 1)",
    "relu": "keeps each positive z and sets each negative z to 0",
    "tanh": "squashes each z into (−1, 1)",
}


def _shape(sizes: list[int]) -> str:
    """``"2-3-1"``, abbreviated in the middle for a deep network."""
    if len(sizes) > 8:
        return "-".join(map(str, sizes[:3])) + "-…-" + "-".join(map(str, sizes[-2:]))
    return "-".join(map(str, sizes))


def _layers_in_words(sizes: list[int]) -> str:
    hidden = sizes[1:-1]
    if not hidden:
        middle = "no hidden layer"
    elif len(hidden) == 1:
        middle = f"one hidden layer of {hidden[0]:,} neuron{'s' * (hidden[0] != 1)}"
    else:
        middle = f"{len(hidden)} hidden layers ({', '.join(f'{h:,}' for h in hidden[:6])}"
        middle += ", …)" if len(hidden) > 6 else ")"
    return f"{sizes[0]:,} inputs, {middle} and {sizes[-1]:,} output{'s' * (sizes[-1] != 1)}"


def trace(inputs: Inputs) -> Iterator[Step]:
    """Yield the architecture, one step per layer of the forward pass, and the output."""
    sizes = list(inputs.layerSizes)
    n_layers = len(sizes)
    act = inputs.activationFunction
    x = np.asarray(inputs.inputValues, dtype=float)

    weights = nn.xavier_weights(sizes, inputs.seed)
    biases = nn.initial_biases(sizes)
    passed = nn.forward(weights, biases, x, act)
    n_weights = sum(w.size for w in weights)

    def state(known_layers: int) -> dict:
        return {
            "layerSizes": sizes,
            "activations": passed.a[:known_layers],
            "weights": weights,
            "biases": biases,
            "activationFunction": act,
            # Beyond Eigenvue's format (meta.toml extra_state): the z the side table shows.
            "weightedSums": passed.z[:known_layers],
        }

    yield Step(
        id="architecture",
        title=f"A {_shape(sizes)} network",
        explanation=(
            f"The network has {_layers_in_words(sizes)}; every neuron of a layer is connected "
            f"to every neuron of the next. Its {n_weights:,} weights start Xavier-uniform from "
            f"seed {inputs.seed!r} and every bias is 0.01. The input layer simply holds the "
            f"example x = {short_vector(x, LISTED)}."
        ),
        phase="initialization",
        lines="architecture",
        state=state(1),
        visual_actions=[
            {"type": "activateNeuron", "layer": 0, "index": i, "value": float(v)}
            for i, v in enumerate(x[:MAX_NAMED_NEURONS])
        ],
    )

    for layer in range(1, n_layers):
        kind = "the output layer" if layer == n_layers - 1 else "hidden layer"
        where = kind if layer == n_layers - 1 else f"{kind} {layer}"
        n_in, n_out = sizes[layer - 1], sizes[layer]
        who = (
            f"The neuron of {where}" if n_out == 1 else f"Each of the {n_out:,} neurons of {where}"
        )
        yield Step(
            id=f"propagate-{layer}",
            title=f"Layer {layer}: {'output' if layer == n_layers - 1 else 'hidden'}",
            explanation=(
                f"{who} takes the {n_in:,} activation{'s' * (n_in != 1)} of layer {layer - 1}, "
                f"weighs {'it' if n_in == 1 else 'them'} and adds its bias: "
                f"z = W·a + b = {short_vector(passed.z[layer], LISTED)}. Then {act} {RANGES[act]}: "
                f"a = {short_vector(passed.a[layer], LISTED)}."
            ),
            phase="forward-propagation",
            lines="layer",
            state=state(layer + 1),
            visual_actions=[
                {"type": "propagateSignal", "fromLayer": layer - 1, "toLayer": layer},
                *(
                    {"type": "activateNeuron", "layer": layer, "index": i, "value": float(v)}
                    for i, v in enumerate(passed.a[layer][:MAX_NAMED_NEURONS])
                ),
            ],
        )

    output = passed.a[-1]
    yield Step(
        id="output",
        title="The network's output",
        explanation=(
            f"The signal has passed through {n_layers - 1} layer{'s' * (n_layers != 2)} of "
            f"weights. The output layer's activations, {short_vector(output, LISTED)}, "
            "are the network's "
            "answer for this example. The weights are still random, so the answer means "
            "nothing yet: training them on examples is the job of backpropagation."
        ),
        phase="result",
        lines="output",
        is_terminal=True,
        state=state(n_layers),
        visual_actions=[
            {
                "type": "showMessage",
                "text": f"Output: {short_vector(output, LISTED)}",
                "messageType": "success",
            }
        ],
    )
