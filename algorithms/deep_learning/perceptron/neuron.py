"""One artificial neuron in numpy: weighted inputs, their sum plus a bias, an activation.

Pure numerics: no steps, no plotting. The activations are the ones the network
lessons apply to every neuron of a layer (they import them from here), so a
neuron here and a neuron inside a network compute the same thing.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

Array = np.ndarray


def sigmoid(z: Array) -> Array:
    """1 / (1 + e^-z), computed without overflow for any finite z."""
    e = np.exp(-np.abs(z))  # never overflows: the exponent is ≤ 0
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def relu(z: Array) -> Array:
    """max(0, z)."""
    return np.maximum(z, 0.0)


def step(z: Array) -> Array:
    """The threshold unit: 1 where z ≥ 0, else 0 (so a neuron exactly at its threshold fires)."""
    return np.where(z >= 0, 1.0, 0.0)


#: The activation functions a neuron may apply to its weighted sum, by name.
ACTIVATIONS: dict[str, Callable[[Array], Array]] = {
    "sigmoid": sigmoid,
    "relu": relu,
    "tanh": np.tanh,
    "step": step,
}


def weighted_inputs(inputs: Array, weights: Array) -> Array:
    """Each input times its weight: p[i] = w[i]·x[i]."""
    return weights * inputs


def pre_activation(products: Array, bias: float) -> float:
    """The weighted sum z = p[0] + p[1] + … + p[n−1] + b.

    The terms are added one after another in index order (a running sum, not
    numpy's pairwise summation) and the bias last. Rounding then happens as in
    Eigenvue 1.0.2, so a step neuron sitting exactly on its threshold decides
    the same way in both.
    """
    total = float(np.add.accumulate(products)[-1]) if products.size else 0.0
    return total + bias


def activate(z: float, activation: str) -> float:
    """The output a = f(z) for the named activation."""
    return float(ACTIVATIONS[activation](np.float64(z)))
