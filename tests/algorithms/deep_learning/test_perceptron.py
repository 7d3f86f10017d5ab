"""Perceptron: a deliberate deviation, numpy and the activation formulas, input rules, scale."""

import math
from functools import reduce

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import eigenvue
from tests.frames_check import (
    THEMES,
    assert_each_image_differs_from_the_last,
    draw_diagram,
    example_params,
)
from tests.reference import case_named
from tests.refusals import assert_refused

ID = "perceptron"
UNKNOWN_ACTIVATION = "edge: unknown activation falls back to sigmoid"
#: Reference cases deliberately not matched, and the test of the behaviour chosen instead.
DEVIATIONS: dict[str, str] = {
    UNKNOWN_ACTIVATION: "test_unknown_activation_is_refused_where_eigenvue_falls_back_to_sigmoid"
}


# -- Eigenvue 1.0.2's recorded traces ---------------------------------------------------


def test_unknown_activation_is_refused_where_eigenvue_falls_back_to_sigmoid():
    case = case_named(ID, UNKNOWN_ACTIVATION, edge=True)
    assert case["name"] == UNKNOWN_ACTIVATION
    assert_refused(ID, case["inputs"], "activationFunction")
    titles = [d.title for d in eigenvue.get(ID).differences]
    assert any("validated" in t for t in titles)


# -- against numpy and the activation formulas written out here --------------------------


def expected_activation(name, z):
    if name == "sigmoid":
        # 1 / (1 + e^−z) in the form that cannot overflow for either sign.
        return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))
    if name == "tanh":
        return math.tanh(z)
    if name == "relu":
        return z if z > 0 else 0.0
    return 1.0 if z >= 0 else 0.0


values = st.floats(-50, 50, allow_nan=False)


@settings(max_examples=80, deadline=None)
@given(
    pair=st.integers(1, 12).flatmap(
        lambda n: st.tuples(
            st.lists(values, min_size=n, max_size=n), st.lists(values, min_size=n, max_size=n)
        )
    ),
    bias=values,
    activation=st.sampled_from(["sigmoid", "relu", "tanh", "step"]),
)
def test_state_equals_numpy_dot_and_the_activation_formula(pair, bias, activation):
    x, w = pair
    final = eigenvue.steps(
        ID, {"inputs": x, "weights": w, "bias": bias, "activationFunction": activation}
    )[-1]["state"]
    np.testing.assert_array_equal(final["weightedInputs"], np.multiply(x, w))
    z = float(np.dot(w, x)) + bias
    assert final["z"] == pytest.approx(z, rel=1e-12, abs=1e-9)
    if activation == "step":
        # Discontinuous at 0, where z's last bit decides: judge it on the trace's own z.
        assert final["a"] == expected_activation("step", final["z"])
    else:
        assert final["a"] == pytest.approx(expected_activation(activation, z), rel=1e-12, abs=1e-12)
    assert final["output"] == final["a"] and final["n"] == len(x)


def test_the_sum_runs_in_index_order_with_the_bias_last():
    # Pairwise and running sums round differently here; Eigenvue's rule is the running sum.
    x = [1e16, 1.0, 1.0, -1e16]
    w = [1.0, 1.0, 1.0, 1.0]
    running = reduce(lambda total, term: total + term, [a * b for a, b in zip(x, w)], 0.0) + 0.25
    assert (
        eigenvue.steps(ID, {"inputs": x, "weights": w, "bias": 0.25})[-1]["state"]["z"] == running
    )


@pytest.mark.parametrize(
    ("weights", "bias", "truth"),
    [([0.5, 0.5], -0.7, [0, 0, 0, 1]), ([0.5, 0.5], -0.2, [0, 1, 1, 1])],
    ids=["AND", "OR"],
)
def test_the_gate_examples_compute_their_truth_tables(weights, bias, truth):
    inputs = [[0, 0], [0, 1], [1, 0], [1, 1]]
    got = [
        eigenvue.steps(
            ID, {"inputs": x, "weights": weights, "bias": bias, "activationFunction": "step"}
        )[-1]["state"]["output"]
        for x in inputs
    ]
    assert got == truth


def test_the_steps_add_one_quantity_each():
    keys = [set(s["state"]) for s in eigenvue.steps(ID)]
    base = {"inputs", "weights", "bias", "activationFunction", "n"}
    assert keys == [
        base,
        base,
        base | {"weightedInputs"},
        base | {"weightedInputs", "z"},
        base | {"weightedInputs", "z", "a"},
        base | {"weightedInputs", "z", "a", "output"},
    ]


# -- inputs -------------------------------------------------------------------------------------

REFUSALS: list[tuple[dict, str]] = [
    ({"inputs": []}, "inputs"),
    ({"inputs": [], "weights": []}, "inputs"),
    ({"inputs": "0.5, 0.8"}, "inputs"),
    ({"inputs": [0.5, float("nan")]}, "inputs[1]"),
    ({"inputs": [float("inf"), 0.8]}, "inputs[0]"),
    ({"inputs": [0.5, True]}, "inputs[1]"),
    ({"inputs": [0.5, "0.8"]}, "inputs[1]"),
    ({"inputs": [0.5, 1e101]}, "inputs[1]"),
    ({"inputs": [0.5, 0.8, 0.1]}, "weights"),
    ({"weights": [0.6]}, "weights"),
    ({"weights": [0.6, -0.3, 0.2]}, "weights"),
    ({"weights": [0.6, None]}, "weights[1]"),
    ({"weights": [0.6, float("-inf")]}, "weights[1]"),
    ({"bias": float("nan")}, "bias"),
    ({"bias": "0.1"}, "bias"),
    ({"bias": [0.1]}, "bias"),
    ({"bias": -1e300}, "bias"),
    ({"activationFunction": "foo"}, "activationFunction"),
    ({"activationFunction": "Sigmoid"}, "activationFunction"),
    ({"activationFunction": None}, "activationFunction"),
    ({"inputs": [0.0] * 1_000_001, "weights": [0.0] * 1_000_001}, "inputs"),
    ({"input": [0.5, 0.8]}, "input"),
]


def test_inputs_beyond_eigenvue_display_ranges_compute():
    # Eigenvue declares 1–5 inputs; eight, with large values, are as meaningful.
    x = [3.0, -7.5, 120.0, 0.0, 1e-3, 2.0, -2.0, 9.0]
    w = [0.2, 1.5, -0.01, 4.0, 1000.0, -3.0, 0.5, 0.1]
    final = eigenvue.steps(
        ID, {"inputs": x, "weights": w, "bias": -2.0, "activationFunction": "tanh"}
    )
    z = float(np.dot(w, x)) - 2.0
    assert final[-1]["state"]["z"] == pytest.approx(z, abs=1e-12)
    assert final[-1]["state"]["output"] == pytest.approx(math.tanh(z), abs=1e-12)


def test_huge_weighted_sums_saturate_without_warnings():
    final = eigenvue.steps(ID, {"inputs": [1e100, 1e100], "weights": [-1e100, -1e100], "bias": 0})
    assert final[-1]["state"]["z"] == -2e200 and final[-1]["state"]["a"] == 0.0


# -- scale ------------------------------------------------------------------------------------


def test_a_million_inputs_work_and_arrays_are_shared_between_steps():
    n = 1_000_000
    x = np.linspace(-1.0, 1.0, n)
    w = np.cos(np.arange(n))
    trace = eigenvue.trace(ID, {"inputs": x, "weights": w, "bias": 0.5})
    assert all(s.state["weights"] is trace[0].state["weights"] for s in trace)
    assert all(s.state["weightedInputs"] is trace[2].state["weightedInputs"] for s in trace[2:])
    assert trace[-1].state["z"] == pytest.approx(float(np.dot(w, x)) + 0.5, rel=1e-9)
    assert len(trace[2].explanation) < 400


# -- frames ------------------------------------------------------------------------------------


def draw_every_step(inputs, theme_name):
    """Each step of the diagram drawn alone into a figure, as RGBA arrays."""
    return draw_diagram(eigenvue.trace(ID, inputs), theme_name, figsize=(8.4, 5.3))


EXAMPLES = example_params(ID, default=True)


@pytest.mark.parametrize("theme_name", THEMES)
@pytest.mark.parametrize("inputs", EXAMPLES)
def test_every_step_draws_and_each_changes_the_picture(inputs, theme_name):
    diagram, images = draw_every_step(inputs, theme_name)
    assert_each_image_differs_from_the_last(images)
    final = eigenvue.trace(ID, inputs)[-1].state
    assert diagram.output_text.get_text() == f"a = {final['output']:.3g}"


def test_a_thousand_inputs_draw_in_the_compact_view():
    x = np.linspace(-1, 1, 1000)
    diagram, images = draw_every_step({"inputs": x, "weights": -x, "bias": 0.0}, "light")
    assert len(diagram.input_texts) < 10 and len(images) == 6
