"""Backpropagation through the feedforward lesson's network, in numpy.

Pure numerics: no steps, no plotting. The network, its seeded initial weights
and its forward pass are the feedforward lesson's
(:mod:`algorithms.deep_learning.feedforward_network.network`); this module adds
what training needs: the activations' slopes, the loss, the backward pass, the
gradients and a finite-difference check of them. A batch's loss is the mean
over all its entries.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from algorithms.deep_learning.feedforward_network.network import ForwardPass, forward
from algorithms.deep_learning.perceptron.neuron import sigmoid

Array = np.ndarray

# -- the slopes of the activations ------------------------------------------------


def sigmoid_prime(z: Array) -> Array:
    """σ'(z) = σ(z)(1 − σ(z))."""
    s = sigmoid(z)
    return s * (1.0 - s)


def relu_prime(z: Array) -> Array:
    """1 where z > 0, else 0 (the derivative at 0 is taken as 0)."""
    return (z > 0).astype(float)


def tanh_prime(z: Array) -> Array:
    """1 − tanh²(z)."""
    return 1.0 - np.tanh(z) ** 2


#: f' of each activation a network may use, by name.
SLOPES: dict[str, Callable[[Array], Array]] = {
    "sigmoid": sigmoid_prime,
    "relu": relu_prime,
    "tanh": tanh_prime,
}

# -- losses -------------------------------------------------------------------------

#: Binary cross-entropy clips predictions to [ε, 1 − ε] so the loss never takes log(0).
BCE_EPSILON = 1e-7


def loss(prediction: Array, target: Array, kind: str) -> float:
    """Mean loss over the k outputs: ``"mse"`` or ``"binary-cross-entropy"``."""
    k = prediction.size
    if kind == "mse":
        return float(np.sum((prediction - target) ** 2) / k)
    p = np.clip(prediction, BCE_EPSILON, 1.0 - BCE_EPSILON)
    return float(-np.sum(target * np.log(p) + (1.0 - target) * np.log(1.0 - p)) / k)


def output_delta(prediction: Array, target: Array, z: Array, kind: str, activation: str) -> Array:
    """∂loss/∂z of the output layer.

    For mean squared error, (2/k)(a − y) f'(z). For binary cross-entropy on a
    sigmoid output the sigmoid's derivative cancels and ∂loss/∂z = (a − y)/k.
    (Eigenvue 1.0.2 leaves out this 1/k, so with k > 1 outputs its gradients
    are k times too large.)
    """
    k = prediction.size
    if kind == "binary-cross-entropy":
        return (prediction - target) / k
    return (2.0 / k) * (prediction - target) * SLOPES[activation](z)


# -- the backward pass ----------------------------------------------------------------


def backward(
    weights: list[Array], passed: ForwardPass, target: Array, loss_kind: str, activation: str
) -> list[Array]:
    """The deltas ∂loss/∂z[l] of every layer, from the output back (``[0]`` is empty).

    Hidden deltas use the weights before any update:
    δ[l] = (W[l+1]ᵀ δ[l+1]) ⊙ f'(z[l]).
    """
    f_prime = SLOPES[activation]
    n_layers = len(weights)
    deltas: list[Array] = [np.empty(0)] * n_layers
    deltas[-1] = output_delta(passed.a[-1], target, passed.z[-1], loss_kind, activation)
    for layer in range(n_layers - 2, 0, -1):
        deltas[layer] = (weights[layer + 1].T @ deltas[layer + 1]) * f_prime(passed.z[layer])
    return deltas


def weight_gradient(delta: Array, previous_activation: Array) -> Array:
    """∂loss/∂W[l] = δ[l] a[l−1]ᵀ (an outer product; for a batch, summed over its examples)."""
    if delta.ndim == 1:
        return np.outer(delta, previous_activation)
    return delta @ previous_activation.T


def bias_gradient(delta: Array) -> Array:
    """∂loss/∂b[l] = δ[l] (for a batch, summed over its examples)."""
    return delta if delta.ndim == 1 else delta.sum(axis=1)


def parameter_gradients(
    weights: list[Array],
    biases: list[Array],
    x: Array,
    target: Array,
    loss_kind: str,
    activation: str,
) -> tuple[list[Array], list[Array]]:
    """Gradients of the loss with respect to every weight matrix and bias vector."""
    passed = forward(weights, biases, x, activation)
    deltas = backward(weights, passed, target, loss_kind, activation)
    grads_w = [np.empty((0, 0))] + [
        weight_gradient(deltas[layer], passed.a[layer - 1]) for layer in range(1, len(weights))
    ]
    return grads_w, [np.empty(0), *(bias_gradient(d) for d in deltas[1:])]


#: At most this many weights per layer are checked by finite differences (a seeded sample).
GRADIENT_CHECK_SAMPLE = 24


def gradient_check(
    weights: list[Array],
    biases: list[Array],
    x: Array,
    target: Array,
    loss_kind: str,
    activation: str,
    layer: int,
    analytic_w: Array,
    analytic_b: Array,
    step: float = 1e-5,
) -> float:
    """Relative difference between analytic gradients of one layer and central finite differences.

    ``‖g − ĝ‖ / (‖g‖ + ‖ĝ‖)`` over the layer's biases and (a sample of at most
    :data:`GRADIENT_CHECK_SAMPLE`) weights, where ĝ = (L(θ + h) − L(θ − h)) / 2h.
    The finite differences are evaluated in extended precision (``np.longdouble``)
    so that rounding does not swamp the tiny gradients of a deep sigmoid network.
    The loss is evaluated without the cross-entropy's clipping, whose flat
    regions have no gradient to compare.
    """
    wide = np.longdouble
    ws = [w.astype(wide) for w in weights]
    bs = [b.astype(wide) for b in biases]
    xw, yw = x.astype(wide), target.astype(wide)

    def loss_at() -> wide:
        out = forward(ws, bs, xw, activation).a[-1]
        if loss_kind == "mse":
            return np.sum((out - yw) ** 2) / out.size
        return -np.sum(yw * np.log(out) + (1 - yw) * np.log1p(-out)) / out.size

    def central(array: Array, index: tuple[int, ...]) -> float:
        keep = array[index]
        array[index] = keep + step
        up = loss_at()
        array[index] = keep - step
        down = loss_at()
        array[index] = keep
        return float((up - down) / (2 * step))

    flat = np.arange(analytic_w.size)
    if flat.size > GRADIENT_CHECK_SAMPLE:
        # Evenly spaced indices: deterministic, and spread over the whole matrix.
        flat = np.linspace(0, analytic_w.size - 1, GRADIENT_CHECK_SAMPLE).astype(int)
    bias_index = np.arange(min(analytic_b.size, GRADIENT_CHECK_SAMPLE))
    analytic = np.concatenate([analytic_w.ravel()[flat], analytic_b[bias_index]])
    numeric = np.array(
        [central(ws[layer], np.unravel_index(i, analytic_w.shape)) for i in flat]
        + [central(bs[layer], (int(i),)) for i in bias_index]
    )
    scale = np.linalg.norm(analytic) + np.linalg.norm(numeric)
    return float(np.linalg.norm(analytic - numeric) / scale) if scale > 0 else 0.0


def output_grid(
    weights: list[Array],
    biases: list[Array],
    activation: str,
    extent: tuple[float, float, float, float],
    resolution: int = 41,
) -> Array:
    """The network's first output over a ``resolution``² grid of a 2-input plane.

    ``extent`` is ``(x_min, x_max, y_min, y_max)``; row ``i`` of the result is
    ``y = y_min + i·Δy`` and column ``j`` is ``x = x_min + j·Δx`` (image order).
    """
    xs = np.linspace(extent[0], extent[1], resolution)
    ys = np.linspace(extent[2], extent[3], resolution)
    gx, gy = np.meshgrid(xs, ys)
    plane = np.vstack([gx.ravel(), gy.ravel()])
    return forward(weights, biases, plane, activation).a[-1][0].reshape(resolution, resolution)
