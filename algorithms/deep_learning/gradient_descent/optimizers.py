"""SGD, momentum and Adam on the lesson's loss surface, in numpy.

Pure numerics: no steps, no plotting. The update rules and constants are those
of the Eigenvue step format (heavy-ball momentum without a (1 − β) factor,
Adam with bias correction), applied per coordinate in the same order, so the
same inputs give the same numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from . import surface

Array = np.ndarray

#: Momentum's decay of the velocity.
MOMENTUM_BETA = 0.9
#: Adam's decay rates of the first and second moments, and the term that keeps its division finite.
ADAM_BETA1 = 0.9
ADAM_BETA2 = 0.999
ADAM_EPSILON = 1e-8

#: Beyond this coordinate magnitude the loss x² + 3y² (and Adam's g²) would leave float64.
MAX_COORDINATE = 1e150

#: The names under which each optimizer's internal state is reported, in update order.
STATE_NAMES: dict[str, tuple[str, ...]] = {
    "sgd": (),
    "momentum": ("velocity",),
    "adam": ("first_moment", "second_moment"),
}

Update = Callable[[Array, Array, float, int, dict[str, Array]], tuple[Array, dict[str, Array]]]


def sgd_update(
    theta: Array, g: Array, lr: float, t: int, state: dict[str, Array]
) -> tuple[Array, dict[str, Array]]:
    """θ ← θ − η·g."""
    return theta - lr * g, state


def momentum_update(
    theta: Array, g: Array, lr: float, t: int, state: dict[str, Array]
) -> tuple[Array, dict[str, Array]]:
    """Momentum: v ← β·v + g, then θ ← θ − η·v; past gradients keep pushing (β = 0.9)."""
    v = MOMENTUM_BETA * state["velocity"] + g
    return theta - lr * v, {"velocity": v}


def adam_update(
    theta: Array, g: Array, lr: float, t: int, state: dict[str, Array]
) -> tuple[Array, dict[str, Array]]:
    """Adam (Kingma & Ba, 2015) at update ``t`` ≥ 1.

    m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ),
    θ ← θ − η·m̂/(√v̂ + ε), every operation per coordinate.
    """
    m = ADAM_BETA1 * state["first_moment"] + (1 - ADAM_BETA1) * g
    v = ADAM_BETA2 * state["second_moment"] + (1 - ADAM_BETA2) * g**2
    # Python floats for the powers: the bias corrections are scalars, computed as Eigenvue does.
    m_hat = m / (1 - ADAM_BETA1**t)
    v_hat = v / (1 - ADAM_BETA2**t)
    return theta - lr * m_hat / (np.sqrt(v_hat) + ADAM_EPSILON), {
        "first_moment": m,
        "second_moment": v,
    }


UPDATES: dict[str, Update] = {"sgd": sgd_update, "momentum": momentum_update, "adam": adam_update}


@dataclass(frozen=True)
class Descent:
    """A run of an optimizer: row ``t`` of each array is the value after update ``t`` (row 0: the start).

    Attributes
    ----------
    parameters : ndarray, shape (n + 1, 2)
        θ_t = (x, y).
    losses : ndarray, shape (n + 1,)
        f(θ_t).
    gradients : ndarray, shape (n + 1, 2)
        ∇f(θ_t), the gradient the next update will use.
    state : dict of str to ndarray, shape (n + 1, 2)
        The optimizer's internal state after each update (zeros in row 0), by
        the names of :data:`STATE_NAMES`.
    diverged_at : int or None
        The update after which a coordinate passed :data:`MAX_COORDINATE`, where the run
        stopped early (it then holds ``diverged_at`` rows); None when every update was made.
    """

    parameters: Array
    losses: Array
    gradients: Array
    state: dict[str, Array]
    diverged_at: int | None = None

    @property
    def num_steps(self) -> int:
        """The number of updates made."""
        return len(self.losses) - 1


def descend(
    start: tuple[float, float], learning_rate: float, optimizer: str, num_steps: int
) -> Descent:
    """Run ``num_steps`` updates of ``optimizer`` from ``start`` on :mod:`.surface`.

    Stops early, and says so in :attr:`Descent.diverged_at`, if the iterates run off
    beyond :data:`MAX_COORDINATE`, before anything can overflow.
    """
    update = UPDATES[optimizer]
    names = STATE_NAMES[optimizer]
    theta = np.array(start, dtype=float)
    state = {name: np.zeros(2) for name in names}
    params, losses, grads = [theta], [surface.loss(theta)], [surface.gradient(theta)]
    history = {name: [state[name]] for name in names}
    diverged_at = None
    for t in range(1, num_steps + 1):
        new_theta, new_state = update(theta, grads[-1], learning_rate, t, state)
        if not np.all(np.abs(new_theta) <= MAX_COORDINATE):
            diverged_at = t
            break
        theta, state = new_theta, new_state
        params.append(theta)
        losses.append(surface.loss(theta))
        grads.append(surface.gradient(theta))
        for name in names:
            history[name].append(state[name])
    return Descent(
        parameters=np.array(params),
        losses=np.array(losses),
        gradients=np.array(grads),
        state={name: np.array(rows) for name, rows in history.items()},
        diverged_at=diverged_at,
    )
