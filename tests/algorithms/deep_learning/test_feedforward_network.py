"""Feedforward network: plain numpy forward pass, input rules, scale."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import eigenvue
from eigenvue import StringRandom

ID = "feedforward-network"
#: Inputs whose missing key takes another value than the metadata's [defaults], and why.
FALLBACKS: dict[str, str] = {
    "seed": (
        "Eigenvue 1.0.2 seeds a network whose seed key is missing with 'feedforward', "
        "while its declared default inputs use 'eigenvue-ff'"
    )
}
#: Every reference case is matched.
DEVIATIONS: dict[str, str] = {}


# -- against a forward pass written out with plain numpy -----------------------------------


def xavier_one_draw_at_a_time(sizes, seed):
    """The spec's loops, one scalar draw each: layer, then destination row, then source column."""
    rng = StringRandom(seed)
    weights = [[]]
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        limit = math.sqrt(6 / (n_in + n_out))
        weights.append(
            np.array([[(2 * rng.random() - 1) * limit for _ in range(n_in)] for _ in range(n_out)])
        )
    return weights


F = {
    "sigmoid": lambda z: 0.5 * (1 + np.tanh(z / 2)),  # the same function, written another way
    "relu": lambda z: np.where(z > 0, z, 0.0),
    "tanh": lambda z: np.sinh(z) / np.cosh(z),
}


@settings(max_examples=50, deadline=None)
@given(
    sizes=st.lists(st.integers(1, 6), min_size=2, max_size=5),
    activation=st.sampled_from(sorted(F)),
    seed=st.text(max_size=12),
    data=st.data(),
)
def test_the_trace_is_a_plain_numpy_forward_pass(sizes, activation, seed, data):
    x = data.draw(st.lists(st.floats(-3, 3), min_size=sizes[0], max_size=sizes[0]))
    steps = eigenvue.steps(
        ID, {"inputValues": x, "layerSizes": sizes, "activationFunction": activation, "seed": seed}
    )
    weights = xavier_one_draw_at_a_time(sizes, seed)
    a = [np.array(x)]
    for w in weights[1:]:
        a.append(F[activation](np.matmul(w, a[-1]) + 0.01))
    final = steps[-1]["state"]
    for layer in range(1, len(sizes)):
        np.testing.assert_allclose(final["weights"][layer], weights[layer], rtol=0, atol=1e-15)
        np.testing.assert_allclose(final["biases"][layer], np.full(sizes[layer], 0.01))
        np.testing.assert_allclose(final["activations"][layer], a[layer], rtol=1e-12, atol=1e-12)
    # Step l knows layers 0..l and nothing beyond.
    for index, step in enumerate(steps[:-1]):
        assert len(step["state"]["activations"]) == index + 1
    assert [s["id"] for s in steps] == [
        "architecture",
        *(f"propagate-{layer}" for layer in range(1, len(sizes))),
        "output",
    ]


def test_xavier_weights_stay_within_their_limit():
    sizes = [30, 20, 10]
    weights = eigenvue.steps(ID, {"inputValues": [0.0] * 30, "layerSizes": sizes})[0]["state"][
        "weights"
    ]
    for n_in, n_out, w in zip(sizes[:-1], sizes[1:], weights[1:]):
        assert np.abs(w).max() <= math.sqrt(6 / (n_in + n_out))
        assert np.shape(w) == (n_out, n_in)


def test_missing_seed_and_activation_fall_back_as_in_eigenvue():
    default = eigenvue.steps(ID)[0]["state"]
    no_seed = eigenvue.steps(ID, {"inputValues": [0.5, 0.8], "layerSizes": [2, 3, 1]})[0]["state"]
    assert no_seed["weights"][1] == xavier_one_draw_at_a_time([2, 3, 1], "feedforward")[1].tolist()
    assert default["weights"][1] == xavier_one_draw_at_a_time([2, 3, 1], "eigenvue-ff")[1].tolist()
    assert no_seed["activationFunction"] == "sigmoid"


# -- inputs -------------------------------------------------------------------------------------

REFUSALS: list[tuple[dict, str]] = [
    ({"layerSizes": "2,3,1"}, "layerSizes"),
    ({"layerSizes": [2, 3.0, 1]}, "layerSizes[1]"),
    ({"layerSizes": [2, True, 1]}, "layerSizes[1]"),
    ({"layerSizes": [2, 0, 1]}, "layerSizes[1]"),
    ({"layerSizes": [2, -3, 1]}, "layerSizes[1]"),
    ({"layerSizes": [2], "inputValues": [1, 2]}, "layerSizes"),
    ({"layerSizes": []}, "layerSizes"),
    ({"layerSizes": [1] * 65, "inputValues": [0]}, "layerSizes"),
    ({"layerSizes": [2, 1500, 1500, 1], "inputValues": [0, 0]}, "layerSizes"),
    ({"inputValues": [0.5]}, "inputValues"),
    ({"inputValues": []}, "inputValues"),
    ({"inputValues": 0.5}, "inputValues"),
    ({"inputValues": [0.5, float("nan")]}, "inputValues[1]"),
    ({"inputValues": [float("inf"), 0.5]}, "inputValues[0]"),
    ({"inputValues": ["a", 0.5]}, "inputValues[0]"),
    ({"inputValues": [0.5, 2e6]}, "inputValues[1]"),
    ({"activationFunction": "step"}, "activationFunction"),
    ({"activationFunction": "softmax"}, "activationFunction"),
    ({"activationFunction": None}, "activationFunction"),
    ({"seed": 42}, "seed"),
    ({"seed": None}, "seed"),
    ({"inputvalues": [0.5, 0.8]}, "inputvalues"),
]


def test_inputs_beyond_eigenvue_display_ranges_compute():
    sizes = [3, 25, 7, 5]
    x = [40.0, -250.0, 3.5]
    final = eigenvue.steps(
        ID, {"inputValues": x, "layerSizes": sizes, "activationFunction": "tanh", "seed": "wide"}
    )[-1]["state"]
    a = np.array(x)
    for w in xavier_one_draw_at_a_time(sizes, "wide")[1:]:
        a = np.tanh(w @ a + 0.01)
    np.testing.assert_allclose(final["activations"][-1], a, atol=1e-12)


def test_deep_relu_networks_at_the_magnitude_limit_stay_finite():
    sizes = [1] + [100] * 62 + [1]
    steps = eigenvue.steps(
        ID, {"inputValues": [1e6], "layerSizes": sizes, "activationFunction": "relu"}
    )
    assert len(steps) == 65 and math.isfinite(steps[-1]["state"]["activations"][-1][0])


# -- scale ------------------------------------------------------------------------------------


def test_weights_are_shared_between_steps_not_copied():
    trace = eigenvue.trace(ID, {"inputValues": [0.1, 0.2], "layerSizes": [2, 50, 50, 1]})
    assert all(s.state["weights"] is trace[0].state["weights"] for s in trace)
    assert all(s.state["activations"][1] is trace[-1].state["activations"][1] for s in trace[1:])


def test_two_million_weights_work():
    inputs = {"layerSizes": [2, 1000, 1000, 1], "inputValues": [0.5, 0.8]}
    steps = eigenvue.steps(ID, inputs)
    assert len(steps) == 5
    final = np.array(steps[-1]["state"]["weights"][2])
    assert final.shape == (1000, 1000) and np.isfinite(final).all()


# -- frames ------------------------------------------------------------------------------------


def diagram_after(inputs, index):
    from matplotlib.figure import Figure

    from eigenvue.drawing import get_theme

    trace = eigenvue.trace(ID, inputs)
    theme = get_theme("light")
    with theme.context():
        diagram = trace.algorithm.diagram_class(Figure().subfigures(1, 1), trace, theme)
        diagram.update(trace[index])
    return diagram


def test_the_side_table_shows_the_implementations_weighted_sums():
    inputs = {"inputValues": [0.3, -1.2], "layerSizes": [2, 3, 2], "seed": "table"}
    diagram = diagram_after(inputs, 1)
    weights = xavier_one_draw_at_a_time([2, 3, 2], "table")
    z = weights[1] @ np.array([0.3, -1.2]) + 0.01
    cells = [[t.get_text() for t in row] for row in diagram.panel._cells[:3]]
    assert [float(c[1].replace("−", "-")) for c in cells] == pytest.approx(z, rel=1e-3)


def test_wide_layers_use_the_compact_view_and_deep_networks_the_depth_view():
    wide = diagram_after({"inputValues": [0.5, 0.8], "layerSizes": [2, 300, 1]}, 1)
    assert not wide.deep and wide.network.compact
    deep = diagram_after({"inputValues": [0.5], "layerSizes": [1] + [5] * 20 + [1]}, 3)
    assert deep.deep
    shown = deep.depth.ax.images[0].get_array()
    assert np.isfinite(shown[:, :4]).any() and not np.isfinite(shown[:, 4:]).any()
