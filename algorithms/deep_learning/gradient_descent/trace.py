"""The gradient-descent trace: the start, then one step per update, narrated.

Runs :mod:`.optimizers` and records each update in the Eigenvue 1.0.2 step
format. Every step carries the trajectory so far; its entries are shared
between steps rather than copied.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from eigenvue.step import Step
from eigenvue.text import coordinates, number

from . import surface
from .inputs import Inputs
from .optimizers import MOMENTUM_BETA, Descent, descend

#: Eigenvue's names for the optimizer state, as reported in each step.
STATE_KEYS = {
    "velocity": "velocity",
    "first_moment": "firstMoment",
    "second_moment": "secondMoment",
}

DESCRIPTIONS = {
    "sgd": "Plain gradient descent steps against the gradient",
    "momentum": "Momentum builds up a velocity from past gradients and steps along it",
    "adam": "Adam scales each coordinate's step by a running estimate of its gradient's size",
}


def _growth_reason(inputs: Inputs) -> str:
    """Why the loss can grow under this optimizer on this surface."""
    lr = inputs.learningRate
    if inputs.optimizer == "sgd":
        limit = surface.sgd_rate_limit()
        if lr > limit:
            return (
                f" Each SGD step multiplies y by 1 − 6η = {number(1 - 6 * lr)}; "
                "as that is beyond ±1, "
                f"y overshoots the valley floor further every time: η = {number(lr)} is above the "
                f"limit 1/3 for this bowl, so the run diverges."
            )
        return " The step overshot the valley floor."
    if inputs.optimizer == "momentum":
        return (
            " The velocity carries θ past the valley floor and up the far side, until the "
            "gradient there turns it round."
        )
    return (
        " Adam moves each coordinate by about η whatever the gradient's size, so near the "
        "floor a step can overshoot."
    )


def _update_story(inputs: Inputs, run: Descent, t: int) -> str:
    """What update ``t`` did, in words and numbers."""
    g = run.gradients[t - 1]
    move = run.parameters[t] - run.parameters[t - 1]
    if inputs.optimizer == "sgd":
        return (
            f"The gradient at the old point is g = {coordinates(g)}; "
            f"θ moves by −η·g = {coordinates(move)}"
        )
    if inputs.optimizer == "momentum":
        v = run.state["velocity"][t]
        return (
            f"The gradient g = {coordinates(g)} is added to {number(MOMENTUM_BETA)} × the old velocity: "
            f"v = {coordinates(v)}; θ moves by −η·v = {coordinates(move)}"
        )
    m = run.state["first_moment"][t]
    s = run.state["second_moment"][t]
    return (
        f"With g = {coordinates(g)}, the running mean of gradients is m = {coordinates(m)} "
        "and of squared "
        f"gradients s = {coordinates(s)}; after bias correction θ moves by "
        f"−η·m̂/(√ŝ + ε) = {coordinates(move)}"
    )


def trace(inputs: Inputs) -> Iterator[Step]:
    """Yield the starting point and every update of the optimizer."""
    opt = inputs.optimizer
    lr = inputs.learningRate
    n = inputs.numSteps
    run = descend((inputs.startX, inputs.startY), lr, opt, n)
    assert run.diverged_at is None, "Inputs refuse runs that leave float64"

    losses = [float(value) for value in run.losses]
    # One entry per point, shared by every step whose trajectory reaches it.
    points = [{"parameters": run.parameters[t], "loss": losses[t]} for t in range(n + 1)]
    start = [inputs.startX, inputs.startY]
    points[0] = {"parameters": start, "loss": losses[0]}

    def state(t: int, parameters: Any) -> dict[str, Any]:
        snapshot: dict[str, Any] = {
            "parameters": parameters,
            "loss": losses[t],
            "gradient": run.gradients[t],
            "optimizer": opt,
            "learningRate": lr,
            "stepNumber": t,
            "trajectory": points[: t + 1],
        }
        if t > 0:
            for name, rows in run.state.items():
                snapshot[STATE_KEYS[name]] = rows[t]
        return snapshot

    yield Step(
        id="initial",
        title="Start on the loss surface",
        explanation=(
            f"θ starts at {coordinates(start)}, where f(x, y) = x² + 3y² is {number(losses[0])}. "
            + (
                f"The gradient there, ∇f = (2x, 6y) = {coordinates(run.gradients[0])}, "
                "points uphill; "
                "the bowl is three times steeper along y than along x. "
                if losses[0] > 0
                else "That is the minimum: the gradient is zero, there is no downhill, and no "
                "optimizer will move. "
            )
            + f"{DESCRIPTIONS[opt]}, with η = {number(lr)}, for {n} steps."
        ),
        phase="initialization",
        lines="start",
        state=state(0, start),
        visual_actions=[
            {"type": "showPosition", "parameters": start, "loss": losses[0]},
            {"type": "showGradient", "parameters": start, "gradient": run.gradients[0]},
        ],
    )

    for t in range(1, n + 1):
        before, after = losses[t - 1], losses[t]
        if after > before:
            change = f"The loss grew from {number(before)} to {number(after)}." + _growth_reason(
                inputs
            )
        elif after < before:
            change = f"The loss fell from {number(before)} to {number(after)}."
        else:
            change = f"The loss stayed at {number(after)}."
        last = t == n
        ending = ""
        if last:
            ending = (
                f" After {n} steps θ = {coordinates(run.parameters[t])} with loss {number(after)}; "
                "the minimum is f(0, 0) = 0."
            )
        yield Step(
            id=f"step-{t}",
            title=f"Step {t}: {opt} update" + (" (loss grows)" if after > before else ""),
            explanation=(
                f"{_update_story(inputs, run, t)}, to θ = {coordinates(run.parameters[t])}. "
                f"{change}{ending}"
            ),
            phase="optimization",
            lines=("gradient", opt, "record", *(("return",) if last else ())),
            is_terminal=last,
            state=state(t, run.parameters[t]),
            visual_actions=[
                {
                    "type": "moveParameters",
                    "from": run.parameters[t - 1],
                    "to": run.parameters[t],
                    "loss": after,
                },
                {
                    "type": "showGradient",
                    "parameters": run.parameters[t],
                    "gradient": run.gradients[t],
                },
            ],
        )
