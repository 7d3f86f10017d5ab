"""The perceptron trace: one neuron's computation, narrated step by step.

Runs :mod:`.neuron` and records the state after each stage, in the Eigenvue
1.0.2 step format. State accumulates: each step adds one quantity to what the
previous steps showed, and the arrays are shared between steps, not copied.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from eigenvue.step import Step
from eigenvue.text import number, short_vector

from . import neuron
from .inputs import Inputs

#: Above this many inputs the narration summarises instead of listing every term.
LISTED = 4

WHAT_F_DOES = {
    "sigmoid": "The sigmoid σ(z) = 1/(1 + e^−z) squashes any z into the range (0, 1)",
    "relu": "ReLU passes a positive z through unchanged and turns a negative z into 0",
    "tanh": "tanh squashes any z into the range (−1, 1), keeping its sign",
    "step": "The step function outputs 1 when z ≥ 0 and 0 when z < 0",
}


def _products(x: np.ndarray, w: np.ndarray, p: np.ndarray) -> str:
    shown = p.size if p.size <= LISTED else LISTED - 1
    terms = [f"{number(w[i])} × {number(x[i])} = {number(p[i])}" for i in range(shown)]
    if shown < p.size:
        terms.append(f"… and {p.size - shown:,} more")
    return "; ".join(terms)


def _sum(p: np.ndarray, bias: float, z: float) -> str:
    if p.size > LISTED:
        return (
            f"the {p.size:,} weighted inputs add up to {number(z - bias)}, and with the "
            f"bias {number(bias)} the weighted sum is z = {number(z)}"
        )
    terms = " + ".join(number(v) if v >= 0 else f"({number(v)})" for v in [*p, bias])
    return f"z = {terms} = {number(z)}"


def _reading(activation: str, a: float) -> str:
    """What the output means, in the activation's own terms."""
    if activation == "step":
        side, verdict = ("positive", "It fires") if a == 1.0 else ("negative", "It stays silent")
        return (
            f"{verdict}: the input lies on the {side} side of the neuron's decision boundary "
            "w·x + b = 0."
        )
    if activation == "sigmoid":
        return f"Read as a probability, it gives the positive class a {number(100 * a, 3)}% chance."
    if activation == "relu":
        return (
            "It is active and passes its evidence on."
            if a > 0
            else "It is inactive for this input: a negative sum gives exactly 0."
        )
    return (
        "A positive output leans toward the positive class and a negative one away from it; "
        "outputs near ±1 are confident, outputs near 0 undecided."
    )


def trace(inputs: Inputs) -> Iterator[Step]:
    """Yield the six steps of one neuron: inputs, weights, products, sum, activation, output."""
    x = np.asarray(inputs.inputs, dtype=float)
    w = np.asarray(inputs.weights, dtype=float)
    b = float(inputs.bias)
    act = inputs.activationFunction
    n = x.size
    base = {"inputs": x, "weights": w, "bias": b, "activationFunction": act, "n": n}

    yield Step(
        id="show-inputs",
        title="The inputs arrive",
        explanation=(
            f"The neuron receives {n:,} input{'s' if n != 1 else ''} "
            f"x = {short_vector(x, LISTED)}: "
            "the features of one example, one number each."
        ),
        phase="input",
        lines="inputs",
        state=base,
        visual_actions=[
            {"type": "activateNeuron", "layer": 0, "index": i, "value": float(v)}
            for i, v in enumerate(x[:64])
        ],
    )

    yield Step(
        id="show-weights",
        title="Each input has a weight",
        explanation=(
            f"The weights w = {short_vector(w, LISTED)} say how much each input counts "
            "and in which "
            "direction: a positive weight votes for firing, a negative one against. "
            f"The bias b = {number(b)} shifts the threshold."
        ),
        phase="weights",
        lines="weights",
        state=base,
        visual_actions=[{"type": "showWeights", "weights": w, "bias": b}],
    )

    p = neuron.weighted_inputs(x, w)
    with_products = {**base, "weightedInputs": p}
    yield Step(
        id="weighted-inputs",
        title="Weigh the inputs",
        explanation=f"Multiply each input by its weight: {_products(x, w, p)}.",
        phase="computation",
        lines="products",
        state=with_products,
        visual_actions=[{"type": "showWeightedInputs", "values": p}],
    )

    z = neuron.pre_activation(p, b)
    with_z = {**with_products, "z": z}
    yield Step(
        id="pre-activation",
        title="Add them up, plus the bias",
        explanation=(
            f"The neuron sums its weighted inputs and adds the bias: {_sum(p, b, z)}. "
            "This pre-activation measures the evidence for firing."
        ),
        phase="computation",
        lines="sum",
        state=with_z,
        visual_actions=[{"type": "showPreActivation", "value": z}],
    )

    a = neuron.activate(z, act)
    with_a = {**with_z, "a": a}
    yield Step(
        id="activation",
        title=f"Apply the activation ({act})",
        explanation=f"{WHAT_F_DOES[act]}: a = {act}({number(z)}) = {number(a)}.",
        phase="activation",
        lines="activation",
        state=with_a,
        visual_actions=[{"type": "showActivationFunction", "fn": act, "input": z, "output": a}],
    )

    yield Step(
        id="output",
        title="The neuron's output",
        explanation=f"The neuron outputs a = {number(a)}. {_reading(act, a)}",
        phase="output",
        lines="output",
        is_terminal=True,
        state={**with_a, "output": a},
        visual_actions=[
            {"type": "showMessage", "text": f"Output: {number(a)}", "messageType": "success"}
        ],
    )
