"""Gradient descent: analytic gradients, hand-rolled optimizers, one deliberate deviation."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import eigenvue
from algorithms.deep_learning.gradient_descent.inputs import MAX_STEPS
from tests.frames_check import (
    assert_each_image_differs_from_the_last,
    draw_diagram,
    example_params,
)
from tests.reference import case_named
from tests.refusals import assert_refused

ID = "gradient-descent"
#: Reference cases deliberately not matched, and the test of the behaviour chosen instead.
DEVIATIONS: dict[str, str] = {
    "edge: unknown optimizer never moves": "test_unknown_optimizer_is_refused"
}


# -- Eigenvue 1.0.2's recorded traces ---------------------------------------------------


def test_unknown_optimizer_is_refused():
    case = case_named(ID, "unknown optimizer", edge=True)
    assert_refused(ID, case["inputs"], "optimizer")


# -- independent checks -----------------------------------------------------------------


def f(x, y):
    return x * x + 3 * y * y


def run(**inputs):
    return eigenvue.steps(ID, {"startX": 3, "startY": 3, **inputs})


@settings(max_examples=30, deadline=None)
@given(
    optimizer=st.sampled_from(["sgd", "momentum", "adam"]),
    x=st.floats(-50, 50),
    y=st.floats(-50, 50),
    lr=st.floats(0.001, 0.3),
)
def test_every_gradient_is_the_analytic_gradient_and_agrees_with_finite_differences(
    optimizer, x, y, lr
):
    h = 1e-5
    for step in run(startX=x, startY=y, learningRate=lr, optimizer=optimizer, numSteps=6):
        px, py = step["state"]["parameters"]
        gx, gy = step["state"]["gradient"]
        assert (gx, gy) == pytest.approx((2 * px, 6 * py), rel=1e-12, abs=1e-300)
        assert step["state"]["loss"] == pytest.approx(f(px, py), rel=1e-12, abs=1e-300)
        numeric = (
            (f(px + h, py) - f(px - h, py)) / (2 * h),
            (f(px, py + h) - f(px, py - h)) / (2 * h),
        )
        assert (gx, gy) == pytest.approx(numeric, rel=1e-6, abs=1e-6)


@settings(max_examples=30, deadline=None)
@given(
    x=st.floats(-100, 100), y=st.floats(-100, 100), lr=st.floats(0.001, 0.45), n=st.integers(1, 40)
)
def test_sgd_follows_its_closed_form(x, y, lr, n):
    # On x² + 3y², θ ← θ − η(2x, 6y) multiplies x by (1 − 2η) and y by (1 − 6η) each step.
    final = run(startX=x, startY=y, learningRate=lr, numSteps=n)[-1]["state"]["parameters"]
    expected = (x * (1 - 2 * lr) ** n, y * (1 - 6 * lr) ** n)
    assert final == pytest.approx(expected, rel=1e-9, abs=1e-12)


def test_two_momentum_steps_by_hand():
    # From (1, −1) with η = 0.1: g0 = (2, −6), v1 = g0, θ1 = (0.8, −0.4);
    # g1 = (1.6, −2.4), v2 = 0.9·(2, −6) + (1.6, −2.4) = (3.4, −7.8), θ2 = (0.46, 0.38).
    steps = eigenvue.steps(
        ID, {"startX": 1, "startY": -1, "learningRate": 0.1, "optimizer": "momentum", "numSteps": 2}
    )
    assert steps[1]["state"]["velocity"] == pytest.approx([2.0, -6.0])
    assert steps[1]["state"]["parameters"] == pytest.approx([0.8, -0.4])
    assert steps[2]["state"]["velocity"] == pytest.approx([3.4, -7.8])
    assert steps[2]["state"]["parameters"] == pytest.approx([0.46, 0.38])
    assert steps[2]["state"]["loss"] == pytest.approx(0.46**2 + 3 * 0.38**2)


def adam_by_hand(x, y, lr, n, b1=0.9, b2=0.999, eps=1e-8):
    """Adam written out per coordinate with plain floats, as in Kingma & Ba's Algorithm 1."""
    theta = [x, y]
    m = [0.0, 0.0]
    v = [0.0, 0.0]
    history = []
    for t in range(1, n + 1):
        g = [2 * theta[0], 6 * theta[1]]
        for i in range(2):
            m[i] = b1 * m[i] + (1 - b1) * g[i]
            v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i]
            m_hat = m[i] / (1 - b1**t)
            v_hat = v[i] / (1 - b2**t)
            theta[i] = theta[i] - lr * m_hat / (math.sqrt(v_hat) + eps)
        history.append((list(theta), list(m), list(v)))
    return history


def test_two_adam_steps_by_hand():
    # Step 1 by pencil: g = (4, −6), m = (0.4, −0.6), v = (0.016, 0.036), m̂ = g, v̂ = g²,
    # so each coordinate moves by η·|g|/(|g| + ε) ≈ η against the sign of g.
    steps = eigenvue.steps(
        ID, {"startX": 2, "startY": -1, "learningRate": 0.1, "optimizer": "adam", "numSteps": 2}
    )
    one = steps[1]["state"]
    assert one["firstMoment"] == pytest.approx([0.4, -0.6])
    assert one["secondMoment"] == pytest.approx([0.016, 0.036])
    assert one["parameters"] == pytest.approx([1.9, -0.9], abs=1e-9)
    for step, (theta, m, v) in zip(steps[1:], adam_by_hand(2.0, -1.0, 0.1, 2)):
        assert step["state"]["parameters"] == pytest.approx(theta, rel=1e-12)
        assert step["state"]["firstMoment"] == pytest.approx(m, rel=1e-12)
        assert step["state"]["secondMoment"] == pytest.approx(v, rel=1e-12)


def test_long_adam_run_beyond_display_ranges_matches_the_hand_rolled_adam():
    steps = eigenvue.steps(
        ID, {"startX": -40, "startY": 25, "learningRate": 2.0, "optimizer": "adam", "numSteps": 500}
    )
    assert len(steps) == 501
    for step, (theta, _, _) in zip(steps[1:], adam_by_hand(-40.0, 25.0, 2.0, 500)):
        assert step["state"]["parameters"] == pytest.approx(theta, rel=1e-9, abs=1e-9)
    assert steps[-1]["state"]["loss"] < steps[0]["state"]["loss"] / 100


# -- the trace ------------------------------------------------------------------------


def test_trajectory_lists_every_point_so_far_and_shares_them_between_steps():
    trace = eigenvue.trace(ID, {"optimizer": "momentum", "numSteps": 12})
    for t, step in enumerate(trace):
        assert step.state["stepNumber"] == t
        assert len(step.state["trajectory"]) == t + 1
        point = step.state["trajectory"][-1]
        assert list(point["parameters"]) == list(step.state["parameters"])
        assert point["loss"] == step.state["loss"]
    assert trace[-1].state["trajectory"][3] is trace[5].state["trajectory"][3]
    steps = trace.to_dicts()
    assert steps[-1]["state"]["trajectory"][3] is steps[5]["state"]["trajectory"][3]


def test_optimizer_state_is_reported_after_the_start_only():
    for optimizer, keys in [
        ("sgd", set()),
        ("momentum", {"velocity"}),
        ("adam", {"firstMoment", "secondMoment"}),
    ]:
        steps = run(optimizer=optimizer, numSteps=3)
        base = {
            "parameters",
            "loss",
            "gradient",
            "optimizer",
            "learningRate",
            "stepNumber",
            "trajectory",
        }
        assert set(steps[0]["state"]) == base
        assert all(set(s["state"]) == base | keys for s in steps[1:])


def test_a_growing_loss_is_said_and_explained_for_sgd():
    steps = eigenvue.steps(ID, {"startX": 1, "startY": 1, "learningRate": 0.5, "numSteps": 5})
    for before, step in zip(steps, steps[1:]):
        assert step["state"]["loss"] > before["state"]["loss"]
        assert "grew" in step["explanation"] and "1/3" in step["explanation"]
    calm = run(numSteps=5)
    assert not any("grew" in s["explanation"] for s in calm)


# -- divergence and float64 ---------------------------------------------------------------


def test_divergence_computes_until_float64_would_overflow_and_then_is_refused():
    # SGD with η = 0.5 doubles |y| each step: from y = 1, |y| passes 1e150 after
    # ⌈log2(1e150)⌉ = 499 steps; 498 steps still fit and stay finite.
    limit = math.ceil(math.log2(1e150))
    with pytest.raises(eigenvue.InputError) as info:
        eigenvue.steps(ID, {"startX": 1, "startY": 1, "learningRate": 0.5, "numSteps": limit})
    assert info.value.input == "numSteps"
    assert str(limit - 1) in info.value.rule
    steps = eigenvue.steps(
        ID, {"startX": 1, "startY": 1, "learningRate": 0.5, "numSteps": limit - 1}
    )
    final = steps[-1]["state"]
    assert final["parameters"][1] == pytest.approx((-2.0) ** (limit - 1))
    assert math.isfinite(final["loss"]) and final["loss"] > 1e299


def test_a_first_step_that_would_overflow_names_the_learning_rate():
    with pytest.raises(eigenvue.InputError) as info:
        eigenvue.steps(ID, {"startX": 1e150, "startY": 0, "learningRate": 10.0, "numSteps": 5})
    assert info.value.input == "learningRate"


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_the_largest_inputs_stay_finite(optimizer):
    # Huge starts and step sizes either compute finite numbers or are refused; never inf/NaN.
    for start, lr in [(1e150, 1e-3), (-1e150, 0.3), (1e100, 1e6), (1.0, 1e6)]:
        try:
            steps = eigenvue.steps(
                ID,
                {
                    "startX": start,
                    "startY": start,
                    "learningRate": lr,
                    "optimizer": optimizer,
                    "numSteps": 50,
                },
            )
        except eigenvue.InputError as error:
            assert error.input in ("numSteps", "learningRate")
            continue
        assert all(math.isfinite(s["state"]["loss"]) for s in steps)


# -- inputs -------------------------------------------------------------------------------

REFUSALS: list[tuple[dict, str]] = [
    ({"startX": float("nan")}, "startX"),
    ({"startY": float("inf")}, "startY"),
    ({"startX": "3"}, "startX"),
    ({"startY": [3]}, "startY"),
    ({"startX": True}, "startX"),
    ({"startX": 1e200}, "startX"),
    ({"learningRate": 0}, "learningRate"),
    ({"learningRate": -0.1}, "learningRate"),
    ({"learningRate": float("nan")}, "learningRate"),
    ({"learningRate": 1e7}, "learningRate"),
    ({"optimizer": "rmsprop"}, "optimizer"),
    ({"optimizer": "SGD"}, "optimizer"),
    ({"optimizer": None}, "optimizer"),
    ({"numSteps": 0}, "numSteps"),
    ({"numSteps": -5}, "numSteps"),
    ({"numSteps": 20.0}, "numSteps"),
    ({"numSteps": 2.5}, "numSteps"),
    ({"numSteps": "20"}, "numSteps"),
    ({"numSteps": MAX_STEPS + 1}, "numSteps"),
    ({"learningRate": 0.9, "numSteps": 1000}, "numSteps"),
    ({"stepCount": 20}, "stepCount"),
]


def test_many_steps_compute():
    steps = eigenvue.steps(ID, {"learningRate": 0.001, "numSteps": MAX_STEPS})
    assert len(steps) == MAX_STEPS + 1
    assert steps[-1]["state"]["parameters"] == pytest.approx(
        (3 * (1 - 0.002) ** MAX_STEPS, 3 * (1 - 0.006) ** MAX_STEPS)
    )


# -- frames ------------------------------------------------------------------------------------

# The defaults are the first example; each set of inputs is drawn once.
EXAMPLES = example_params(ID)


@pytest.mark.parametrize("inputs", EXAMPLES)
def test_each_step_changes_the_diagram_and_the_arrow_points_down_the_gradient(inputs):
    trace = eigenvue.trace(ID, inputs)
    diagram, images = draw_diagram(trace)
    assert_each_image_differs_from_the_last(images)
    # Replay: at every step the arrow starts at θ and points along −(2x, 6y).
    for step in trace:
        diagram.update(step)
        x, y = step.state["parameters"]
        tip = np.array(diagram.path.arrow_label.get_position()) - (x, y)
        downhill = -np.array([2 * x, 6 * y])
        assert np.allclose(tip / np.linalg.norm(tip), downhill / np.linalg.norm(downhill))


def test_a_diverging_run_stays_in_view_and_its_loss_axis_is_logarithmic():
    trace = eigenvue.trace(ID, {"startX": 1, "startY": 1, "learningRate": 0.5, "numSteps": 300})
    diagram, _ = draw_diagram(trace, indices=[0])
    assert diagram.loss_ax.get_yscale() == "log"
    for index in (1, 10, 100, 300):
        diagram.update(trace[index])
        x, y = trace[index].state["parameters"]
        (x0, x1), (y0, y1) = diagram.map_ax.get_xlim(), diagram.map_ax.get_ylim()
        assert x0 < x < x1 and y0 < y < y1
        assert y1 - y0 < 10 * abs(y) + 10  # zoomed to the path so far, not to its far end


def test_a_calm_run_keeps_one_view_and_a_linear_loss_axis():
    trace = eigenvue.trace(ID, {"optimizer": "adam", "startX": 4, "startY": -2, "numSteps": 25})
    diagram, _ = draw_diagram(trace, indices=[0])
    limits = diagram.map_ax.get_xlim(), diagram.map_ax.get_ylim()
    assert diagram.loss_ax.get_yscale() == "linear"
    diagram.update(trace[-1])
    assert (diagram.map_ax.get_xlim(), diagram.map_ax.get_ylim()) == limits


def test_a_run_that_starts_at_the_minimum_stays_there_and_still_draws():
    trace = eigenvue.trace(ID, {"startX": 0, "startY": 0, "optimizer": "adam", "numSteps": 3})
    assert all(list(s.state["parameters"]) == [0, 0] for s in trace)
    assert "uphill" not in trace[0].explanation and "minimum" in trace[0].explanation
    diagram, _ = draw_diagram(trace)
    assert not diagram.path.arrow.get_visible()  # no gradient, no arrow
    (x0, x1), (y0, y1) = diagram.map_ax.get_xlim(), diagram.map_ax.get_ylim()
    assert x1 - x0 > 1 and y1 - y0 > 1  # the bowl around the minimum, not a pinpoint
