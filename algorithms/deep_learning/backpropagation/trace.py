"""The backpropagation trace: training steps, narrated step by step.

Runs :mod:`.network` and records the state after each phase. One epoch on one
example gives exactly the Eigenvue 1.0.2 trace. With ``epochs`` or a built-in
``dataset``, the first epoch is shown step by step and later epochs one step
each (sampled when there are many), ending with the whole loss history.
Arrays that do not change are shared between steps, never copied.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from algorithms.deep_learning.feedforward_network import network as ff
from eigenvue.step import Step
from eigenvue.text import number, short_vector

from . import datasets
from . import network as nn
from .inputs import Inputs

LOSS_NAMES = {"mse": "mean squared error", "binary-cross-entropy": "binary cross-entropy"}

#: At most this many later epochs get a step of their own.
MAX_EPOCH_STEPS = 60
#: Weights held by all the epoch steps together (≈ 130 MB in ``steps()``): big networks get fewer.
EPOCH_STEP_BUDGET = 4_000_000
#: Side of the grid on which the decision boundary is sampled.
BOUNDARY_RESOLUTION = 41


@dataclass
class Setup:
    """What every step needs to know about the run."""

    inputs: Inputs
    x: np.ndarray  # (n_0,) for one example, (2, m) for a dataset
    y: np.ndarray  # (k,) or (1, m)
    targets: Any  # the targets as the state reports them
    batch: bool

    @property
    def act(self) -> str:
        """The activation function's name."""
        return self.inputs.activationFunction

    def rows(self, array: np.ndarray) -> np.ndarray:
        """State orientation: one row per example for a batch (a view, not a copy)."""
        return array.T if self.batch and array.ndim == 2 else array


def _setup(inputs: Inputs) -> Setup:
    if inputs.dataset == "single":
        return Setup(
            inputs,
            np.asarray(inputs.inputValues, dtype=float),
            np.asarray(inputs.targets, dtype=float),
            list(inputs.targets),
            batch=False,
        )
    x, y = datasets.load(inputs.dataset)
    return Setup(inputs, x, y, y.T, batch=True)


def trace(inputs: Inputs) -> Iterator[Step]:
    """Yield the steps of training: one epoch in detail, then one step per (sampled) epoch."""
    run = _setup(inputs)
    sizes = list(inputs.layerSizes)
    weights = ff.xavier_weights(sizes, inputs.seed)
    biases = ff.initial_biases(sizes)
    first = yield from _detailed_epoch(run, weights, biases)
    if inputs.eigenvue_compatible:
        yield _complete_compatible(run, first)
        return
    yield from _later_epochs(run, first)


@dataclass
class EpochResult:
    """The outcome of one epoch: what it saw and the parameters it left."""

    passed: ff.ForwardPass
    loss: float
    deltas: list[np.ndarray]
    weights: list[np.ndarray]
    biases: list[np.ndarray]


def _detailed_epoch(
    run: Setup, weights: list[np.ndarray], biases: list[np.ndarray]
) -> Generator[Step, None, EpochResult]:
    """The Eigenvue steps of one forward pass, backward pass and update."""
    inputs, act, lr = run.inputs, run.act, run.inputs.learningRate
    sizes = list(inputs.layerSizes)
    n_layers = len(sizes)
    output = n_layers - 1
    passed = ff.forward(weights, biases, run.x, act)
    a = [run.rows(v) for v in passed.a]
    examples = f"The {run.x.shape[1]} examples of {inputs.dataset!r}" if run.batch else None
    # What every step of the epoch shows; the weights change only with the updates.
    base = {"layerSizes": sizes, "weights": weights, "targets": run.targets}

    yield Step(
        id="forward-start",
        title="Present the input",
        explanation=(
            (
                f"{examples} enter the input layer together (a full batch)."
                if examples
                else f"The example {short_vector(run.x)} becomes the activation of the input layer."
            )
            + f" The {sum(w.size for w in weights):,} weights start Xavier-uniform from "
            f"seed {inputs.seed!r}; every bias starts at 0.01."
        ),
        phase="forward",
        lines="present",
        state={**base, "activations": a[:1]},
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
                f"z = W·a + b = {short_vector(a_z := run.rows(passed.z[layer]))}, then applies {act}: "
                f"a = {act}(z) = {short_vector(a[layer])}."
                + (" (Values of the first examples shown.)" if run.batch else "")
            ),
            phase="forward",
            lines="forward_layer",
            state={
                **base,
                "activations": a[: layer + 1],
                "preActivations": a_z,
                "currentLayer": layer,
            },
            visual_actions=[{"type": "propagateSignal", "fromLayer": layer - 1, "toLayer": layer}],
        )

    prediction = a[-1]
    loss = nn.loss(passed.a[-1], run.y, inputs.lossFunction)
    yield Step(
        id="compute-loss",
        title="Measure the error",
        explanation=(
            f"The network predicts {short_vector(prediction)} where the target is {short_vector(run.y)}. "
            f"Their {LOSS_NAMES[inputs.lossFunction]}"
            + (" averaged over the batch" if run.batch else "")
            + f" is {number(loss, 6)}: the number training will push down."
        ),
        phase="loss",
        lines="loss",
        state={**base, "activations": a, "loss": loss, "predictions": prediction},
        visual_actions=[
            {"type": "showLoss", "loss": loss, "predictions": prediction, "targets": run.targets}
        ],
    )

    deltas = nn.backward(weights, passed, run.y, inputs.lossFunction, act)
    known: list[np.ndarray] = [np.empty(0)] * n_layers
    norms: list[float | None] = [None] * n_layers
    for layer in range(output, 0, -1):
        known = [*known[:layer], run.rows(deltas[layer]), *known[layer + 1 :]]
        state: dict[str, Any] = {
            **base,
            "activations": a,
            "loss": loss,
            "gradients": known,
            "currentLayer": layer,
        }
        check_text = ""
        if inputs.with_diagnostics:
            grad_w = nn.weight_gradient(deltas[layer], passed.a[layer - 1])
            grad_b = nn.bias_gradient(deltas[layer])
            check = nn.gradient_check(
                weights, biases, run.x, run.y, inputs.lossFunction, act, layer, grad_w, grad_b
            )
            norms = [*norms[:layer], float(np.linalg.norm(grad_w)), *norms[layer + 1 :]]
            state |= {"gradientCheck": check, "gradientNorms": norms}
            check_text = (
                f" Finite differences agree with these gradients to a relative {number(check, 2)}; "
                f"‖∂loss/∂W[{layer}]‖ = {number(norms[layer], 3)}."
            )
        if layer == output:
            how = (
                "a − y, divided by the number of outputs (the sigmoid's slope cancels)"
                if inputs.lossFunction == "binary-cross-entropy"
                else f"(2/k)(a − y) times {act}'(z)"
            )
            step_id, title, lines = (
                "backward-output",
                "Backward: error at the output",
                "output_delta",
            )
            story = (
                "How much does the loss change when each output neuron's z changes? "
                f"The chain rule gives δ = {how} = {short_vector(known[layer])}."
            )
        else:
            step_id, title, lines = (
                f"backward-hidden-{layer}",
                f"Backward: layer {layer}",
                "hidden_delta",
            )
            story = (
                f"The error flows back through the weights of layer {layer + 1}: "
                f"δ = (Wᵀ·δ_next) ⊙ {act}'(z) = {short_vector(known[layer])}. "
                "Each hidden neuron is blamed in proportion to how strongly it feeds the "
                "neurons that erred."
            )
        yield Step(
            id=step_id,
            title=title,
            explanation=story + check_text,
            phase="backward",
            lines=lines,
            state=state,
            visual_actions=[{"type": "showGradient", "layer": layer, "gradients": known[layer]}],
        )

    new_weights, new_biases = list(weights), list(biases)
    for layer in range(1, n_layers):
        gradient = nn.weight_gradient(deltas[layer], passed.a[layer - 1])
        old = new_weights[layer]
        new_weights = [*new_weights[:layer], old - lr * gradient, *new_weights[layer + 1 :]]
        new_biases = [
            *new_biases[:layer],
            new_biases[layer] - lr * nn.bias_gradient(deltas[layer]),
            *new_biases[layer + 1 :],
        ]
        change = float(np.max(np.abs(lr * gradient))) if gradient.size else 0.0
        yield Step(
            id=f"update-weights-{layer}",
            title=f"Update: layer {layer}",
            explanation=(
                f"Each weight into layer {layer} gets the gradient δ·aᵀ of the neurons it joins "
                f"and moves against it by η = {number(lr)} times that gradient: W ← W − η·δ·aᵀ, "
                f"b ← b − η·δ. The largest change is {number(change, 3)}."
            ),
            phase="update",
            lines="update",
            state={
                **base,
                "activations": a,
                "weights": new_weights,
                "biases": new_biases,
                "loss": loss,
                "gradients": [run.rows(d) for d in deltas] if run.batch else deltas,
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
    return EpochResult(passed, loss, deltas, new_weights, new_biases)


def _complete_compatible(run: Setup, epoch: EpochResult) -> Step:
    """The terminal step of a one-step, one-example run (Eigenvue's ``complete``)."""
    return Step(
        id="complete",
        title="One training step done",
        explanation=(
            f"Every weight and bias moved a little downhill on the loss, which was {number(epoch.loss, 6)} "
            "before the step. Repeating forward, backward and update over many examples is "
            "how a network learns."
        ),
        phase="complete",
        lines="done",
        is_terminal=True,
        state={
            "layerSizes": list(run.inputs.layerSizes),
            "activations": epoch.passed.a,
            "weights": epoch.weights,
            "biases": epoch.biases,
            "targets": run.targets,
            "loss": epoch.loss,
            "gradients": epoch.deltas,
        },
        visual_actions=[
            {
                "type": "showMessage",
                "text": f"Loss before the step: {number(epoch.loss, 6)}",
                "messageType": "success",
            }
        ],
    )


def _shown_epochs(epochs: int, n_weights: int) -> set[int]:
    """Which of the epochs 2..E get a step: all of them when few, else evenly spaced, always E."""
    if epochs < 2:
        return set()
    budget = max(1, min(MAX_EPOCH_STEPS, EPOCH_STEP_BUDGET // max(n_weights, 1)))
    count = min(epochs - 1, budget)
    return {round(e) for e in np.linspace(2, epochs, count)} | {epochs}


def _later_epochs(run: Setup, first: EpochResult) -> Iterator[Step]:
    """Epochs 2..E, one step for each shown epoch, then the terminal step with the loss history."""
    inputs, act, lr = run.inputs, run.act, run.inputs.learningRate
    sizes = list(inputs.layerSizes)
    n_layers = len(sizes)
    shown = _shown_epochs(inputs.epochs, sum(w.size for w in first.weights))
    history = np.empty(inputs.epochs)
    history[0] = first.loss
    weights, biases = first.weights, first.biases
    dataset = None
    if run.batch:
        extent = datasets.extent(run.x)
        dataset = {"name": inputs.dataset, "inputs": run.x.T, "targets": run.y[0], "extent": extent}
    diverged_at = None
    last = first
    for epoch in range(2, inputs.epochs + 1):
        with np.errstate(over="ignore", invalid="ignore"):
            passed = ff.forward(weights, biases, run.x, act)
            loss = nn.loss(passed.a[-1], run.y, inputs.lossFunction)
            deltas = nn.backward(weights, passed, run.y, inputs.lossFunction, act)
            grads_w = [nn.weight_gradient(deltas[i], passed.a[i - 1]) for i in range(1, n_layers)]
            new_weights = [weights[0], *(w - lr * g for w, g in zip(weights[1:], grads_w))]
            new_biases = [
                biases[0],
                *(b - lr * nn.bias_gradient(d) for b, d in zip(biases[1:], deltas[1:])),
            ]
        finite = np.isfinite(loss) and all(np.isfinite(w).all() for w in new_weights[1:])
        if not finite:
            diverged_at = epoch
            break
        history[epoch - 1] = loss
        last = EpochResult(passed, loss, deltas, new_weights, new_biases)
        if epoch in shown:
            yield _epoch_step(
                run, epoch, history[:epoch], weights, biases, grads_w, passed, dataset
            )
        weights, biases = new_weights, new_biases
    done = (diverged_at or inputs.epochs + 1) - 1
    yield _complete_training(run, last, history[:done], weights, biases, dataset, diverged_at)


def _boundary(run: Setup, weights: list[np.ndarray], biases: list[np.ndarray]) -> dict[str, Any]:
    extent = datasets.extent(run.x)
    values = nn.output_grid(weights, biases, run.act, extent, BOUNDARY_RESOLUTION)
    return {"extent": list(extent), "values": values}


def _epoch_step(
    run: Setup,
    epoch: int,
    history: np.ndarray,
    weights: list[np.ndarray],
    biases: list[np.ndarray],
    grads_w: list[np.ndarray],
    passed: ff.ForwardPass,
    dataset: dict[str, Any] | None,
) -> Step:
    """One later epoch, summarised: its loss, the history so far, the gradient norms."""
    inputs = run.inputs
    loss, start = float(history[-1]), float(history[0])
    previous = float(history[-2])
    trend = (
        "The loss went UP since the previous epoch: the steps overshoot the minimum."
        if loss > previous * (1 + 1e-9)
        else f"The loss has fallen from {number(start)} at epoch 1."
        if loss < start
        else f"The loss is not below its start ({number(start)})."
    )
    state: dict[str, Any] = {
        "layerSizes": list(inputs.layerSizes),
        "weights": weights,
        "biases": biases,
        "targets": run.targets,
        "epoch": epoch,
        "loss": loss,
        "lossHistory": history,
        "gradientNorms": [None, *(float(np.linalg.norm(g)) for g in grads_w)],
        "predictions": run.rows(passed.a[-1]),
    }
    boundary_text = ""
    if dataset is not None:
        state |= {"dataset": dataset, "boundary": _boundary(run, weights, biases)}
        boundary_text = (
            " The shading is the network's output over the whole input plane; its 0.5 contour "
            "is the decision boundary."
        )
    return Step(
        id=f"epoch-{epoch}",
        title=f"Epoch {epoch} of {inputs.epochs}",
        explanation=(
            f"Forward, backward and update once more (summarised). Loss {number(loss)}. "
            + trend
            + boundary_text
        ),
        phase="training",
        lines="epoch",
        state=state,
    )


def _complete_training(
    run: Setup,
    last: EpochResult,
    history: np.ndarray,
    weights: list[np.ndarray],
    biases: list[np.ndarray],
    dataset: dict[str, Any] | None,
    diverged_at: int | None,
) -> Step:
    """The terminal step of a training run: final parameters, predictions and the loss history."""
    inputs = run.inputs
    with np.errstate(over="ignore", invalid="ignore"):
        final = ff.forward(weights, biases, run.x, run.act)
        final_loss = nn.loss(final.a[-1], run.y, inputs.lossFunction)
    state: dict[str, Any] = {
        "layerSizes": list(inputs.layerSizes),
        "activations": [run.rows(v) for v in last.passed.a],
        "weights": weights,
        "biases": biases,
        "targets": run.targets,
        "loss": last.loss,
        "gradients": [run.rows(d) for d in last.deltas],
        "lossHistory": history,
    }
    if np.isfinite(final_loss) and np.isfinite(final.a[-1]).all():
        state |= {"finalLoss": final_loss, "finalPredictions": run.rows(final.a[-1])}
    if dataset is not None:
        state |= {"dataset": dataset, "boundary": _boundary(run, weights, biases)}
    if diverged_at is not None:
        story = (
            f"Training stopped at epoch {diverged_at}: the numbers overflowed, the learning rate "
            f"η = {number(inputs.learningRate)} is far too large. The loss history shows the blow-up."
        )
    else:
        story = (
            f"After {len(history)} epoch{'s' if len(history) != 1 else ''} the loss went "
            f"from {number(history[0])} to {number(final_loss)}."
        )
        if dataset is not None:
            right = int(np.sum((final.a[-1] > 0.5) == (run.y > 0.5)))
            story += (
                f" The network classifies {right} of the {run.y.size} training points correctly."
            )
    return Step(
        id="complete",
        title="Training done",
        explanation=story,
        phase="complete",
        lines="done",
        is_terminal=True,
        state=state,
    )
