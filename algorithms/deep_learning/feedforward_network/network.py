"""A fully connected network's forward pass, in numpy.

Pure numerics: no steps, no plotting. The conventions (Xavier-uniform weights
from the string-seeded generator, biases of 0.01, one activation for every
layer) are those of the Eigenvue step format, so the same seed gives the same
network. Backpropagation trains this same network and imports its forward pass
from here; each neuron applies the perceptron lesson's activation.

Layer ``l`` holds ``weights[l]`` of shape ``(n_l, n_{l-1})`` and ``biases[l]``
of shape ``(n_l,)``; index 0 (the input layer) holds empty arrays so that
indices match layer numbers. Activations are vectors ``(n_l,)`` for one example
or matrices ``(n_l, m)`` with one column per example for a batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from algorithms.deep_learning.perceptron.neuron import ACTIVATIONS
from eigenvue.prng import StringRandom

Array = np.ndarray


def xavier_weights(layer_sizes: Sequence[int], seed: str) -> list[Array]:
    """Xavier-uniform weights drawn from one string-seeded generator.

    Layer by layer, destination neuron (row) outer, source neuron (column) inner:
    ``W[l][j, i] = (2r − 1) · sqrt(6 / (n_{l-1} + n_l))``.
    """
    rng = StringRandom(seed)
    weights = [np.empty((0, 0))]
    for n_in, n_out in zip(layer_sizes[:-1], layer_sizes[1:]):
        limit = np.sqrt(6.0 / (n_in + n_out))
        draws = rng.random_array(n_in * n_out).reshape(n_out, n_in)
        weights.append((2.0 * draws - 1.0) * limit)
    return weights


def initial_biases(layer_sizes: Sequence[int]) -> list[Array]:
    """Every bias starts at 0.01."""
    return [np.empty(0)] + [np.full(n, 0.01) for n in layer_sizes[1:]]


@dataclass(frozen=True)
class ForwardPass:
    """Pre-activations ``z[l]`` and activations ``a[l]`` of every layer (``z[0]`` is empty)."""

    z: list[Array]
    a: list[Array]


def forward(weights: list[Array], biases: list[Array], x: Array, activation: str) -> ForwardPass:
    """z[l] = W[l] a[l−1] + b[l], a[l] = f(z[l]) for every layer after the input.

    ``x`` is one example ``(n_0,)`` or a batch ``(n_0, m)``.
    """
    f = ACTIVATIONS[activation]
    z, a = [np.empty(0)], [x]
    for w, b in zip(weights[1:], biases[1:]):
        z.append(w @ a[-1] + (b if x.ndim == 1 else b[:, None]))
        a.append(f(z[-1]))
    return ForwardPass(z, a)
