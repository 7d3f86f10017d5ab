"""Backpropagation: the reference traces, finite-difference gradients, input rules, scale."""

import json
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import eigenvue
from algorithms.deep_learning.backpropagation import network as nn
from tests.reference import assert_matches_reference, cases

ID = "backpropagation"
PAIRS = [
    ("sigmoid", "mse"),
    ("relu", "mse"),
    ("tanh", "mse"),
    ("sigmoid", "binary-cross-entropy"),
]


# -- Eigenvue 1.0.2's recorded traces ---------------------------------------------------


@pytest.mark.parametrize("case", cases(ID) + cases(ID, edge=True))
def test_matches_the_reference_trace(case):
    if "KNOWN DEVIATION" in case["name"]:
        pytest.skip("deliberate deviation, checked by test_bce_with_several_outputs_*")
    assert_matches_reference(eigenvue.steps(ID, case["inputs"]), case["steps"])


@pytest.mark.parametrize("case", cases(ID, edge=True, errors=True))
def test_reference_error_cases_are_input_errors(case):
    with pytest.raises(eigenvue.InputError):
        eigenvue.steps(ID, case["inputs"])


def test_bce_with_several_outputs_is_the_true_gradient_where_eigenvue_is_k_times_off():
    (case,) = [c for c in cases(ID, edge=True) if "KNOWN DEVIATION" in c.values[0]["name"]]
    case = case.values[0]
    ours = eigenvue.steps(ID, case["inputs"])
    k = case["inputs"]["layerSizes"][-1]
    theirs = case["steps"][3]["state"]["gradients"][-1]
    assert np.allclose(np.array(theirs) / k, ours[3]["state"]["gradients"][-1], atol=1e-12)
    assert_matches_reference(ours[:3], case["steps"][:3])  # forward pass and loss agree


# -- gradients against central finite differences ---------------------------------------


def numerical_gradients(weights, biases, x, y, loss_kind, activation, h=1e-6):
    def loss_of():
        return nn.loss(nn.forward(weights, biases, x, activation).a[-1], y, loss_kind)

    grads = []
    for params in (weights, biases):
        layer_grads = [np.empty(0)]
        for array in params[1:]:
            g = np.zeros_like(array)
            for index in np.ndindex(array.shape):
                keep = array[index]
                array[index] = keep + h
                up = loss_of()
                array[index] = keep - h
                down = loss_of()
                array[index] = keep
                g[index] = (up - down) / (2 * h)
            layer_grads.append(g)
        grads.append(layer_grads)
    return grads


@settings(max_examples=40, deadline=None)
@given(
    pair=st.sampled_from(PAIRS),
    sizes=st.lists(st.integers(1, 5), min_size=2, max_size=5),
    seed=st.text(max_size=8),
    data=st.data(),
)
def test_gradients_equal_central_finite_differences(pair, sizes, seed, data):
    activation, loss_kind = pair
    x = np.array(data.draw(st.lists(st.floats(-2, 2), min_size=sizes[0], max_size=sizes[0])))
    low = 0.0 if loss_kind == "binary-cross-entropy" else -1.0
    y = np.array(data.draw(st.lists(st.floats(low, 1), min_size=sizes[-1], max_size=sizes[-1])))
    weights = nn.xavier_weights(sizes, seed)
    biases = nn.initial_biases(sizes)
    if activation == "relu":
        # relu has a kink at 0 where finite differences are meaningless; step around it.
        z = nn.forward(weights, biases, x, activation).z
        if any(np.any(np.abs(layer) < 1e-4) for layer in z[1:]):
            return
    analytic_w, analytic_b = nn.parameter_gradients(weights, biases, x, y, loss_kind, activation)
    numeric_w, numeric_b = numerical_gradients(weights, biases, x, y, loss_kind, activation)
    for a, n in zip(analytic_w[1:] + analytic_b[1:], numeric_w[1:] + numeric_b[1:]):
        np.testing.assert_allclose(a, n, rtol=1e-5, atol=1e-8)


def test_trace_gradients_are_the_network_gradients():
    inputs = {
        "layerSizes": [3, 4, 2],
        "inputValues": [0.1, -0.5, 2.0],
        "targets": [0.2, 0.9],
        "activationFunction": "tanh",
        "seed": "s",
    }
    trace = eigenvue.trace(ID, inputs)
    weights = nn.xavier_weights([3, 4, 2], "s")
    numeric_w, _ = numerical_gradients(
        weights,
        nn.initial_biases([3, 4, 2]),
        np.array([0.1, -0.5, 2.0]),
        np.array([0.2, 0.9]),
        "mse",
        "tanh",
    )
    updates = [s for s in trace if s.id.startswith("update-weights-")]
    for layer, step in enumerate(updates, start=1):
        np.testing.assert_allclose(
            step.state["weightGradients"], numeric_w[layer], rtol=1e-5, atol=1e-9
        )
        np.testing.assert_allclose(
            step.state["weights"][layer], weights[layer] - 0.1 * numeric_w[layer], atol=1e-9
        )


def test_one_update_lowers_the_loss_for_a_small_learning_rate():
    before = eigenvue.trace(ID, {"learningRate": 0.01, "seed": "backprop-default"})[-1].state
    weights, biases = before["weights"], before["biases"]
    after = nn.loss(
        nn.forward(weights, biases, np.array([0.5, 0.8]), "sigmoid").a[-1], np.array([1.0]), "mse"
    )
    assert after < before["loss"]


# -- numerics -------------------------------------------------------------------------------


def test_activations_are_stable_for_huge_inputs():
    z = np.array([-1e6, -800.0, -30.0, 0.0, 30.0, 800.0, 1e6])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = nn.sigmoid(z)
        ds = nn.sigmoid_prime(z)
        loss = nn.loss(np.array([0.0, 1.0]), np.array([1.0, 0.0]), "binary-cross-entropy")
    assert s[0] == 0.0 and s[-1] == 1.0 and s[3] == 0.5 and np.all(np.isfinite(ds))
    assert np.isfinite(loss) and loss == pytest.approx(-np.log(1e-7), rel=1e-6)


def test_saturated_network_runs_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        steps = eigenvue.steps(
            ID, {"inputValues": [1e6, -1e6], "lossFunction": "binary-cross-entropy"}
        )
    assert np.isfinite(steps[3]["state"]["loss"])


# -- inputs -------------------------------------------------------------------------------------

BAD_INPUTS = [
    ({"layerSizes": "2,2,1"}, "layerSizes"),
    ({"layerSizes": [2, 2.5, 1]}, "layerSizes[1]"),
    ({"layerSizes": [2, True, 1]}, "layerSizes[1]"),
    ({"layerSizes": [2, 0, 1]}, "layerSizes[1]"),
    ({"layerSizes": [2, -3, 1]}, "layerSizes[1]"),
    ({"layerSizes": [2], "inputValues": [1, 2]}, "layerSizes"),
    ({"layerSizes": []}, "layerSizes"),
    ({"inputValues": [0.5, float("nan")]}, "inputValues[1]"),
    ({"inputValues": [0.5, float("inf")]}, "inputValues[1]"),
    ({"inputValues": ["a", 0.5]}, "inputValues[0]"),
    ({"inputValues": [0.5]}, "inputValues"),
    ({"inputValues": 0.5}, "inputValues"),
    ({"targets": [1, 0]}, "targets"),
    ({"targets": [float("nan")]}, "targets[0]"),
    ({"targetValues": [1, 0]}, "targets"),
    ({"activationFunction": "softmax"}, "activationFunction"),
    ({"activationFunction": None}, "activationFunction"),
    ({"lossFunction": "hinge"}, "lossFunction"),
    ({"lossFunction": "binary-cross-entropy", "activationFunction": "tanh"}, "lossFunction"),
    ({"lossFunction": "binary-cross-entropy", "targets": [2]}, "targets[0]"),
    ({"learningRate": -0.1}, "learningRate"),
    ({"learningRate": float("nan")}, "learningRate"),
    ({"learningRate": "0.1"}, "learningRate"),
    ({"seed": 42}, "seed"),
    ({"layerSizes": [2, 2000, 2000, 1], "inputValues": [0, 0]}, "layerSizes"),
    ({"layerSizes": [1] * 100, "inputValues": [0], "targets": [0]}, "layerSizes"),
    ({"learnignRate": 0.1}, "learnignRate"),
]


@pytest.mark.parametrize(("inputs", "name"), BAD_INPUTS, ids=[repr(i) for i, _ in BAD_INPUTS])
def test_meaningless_inputs_are_refused_naming_the_input(inputs, name):
    with pytest.raises(eigenvue.InputError) as info:
        eigenvue.steps(ID, inputs)
    assert info.value.input == name
    assert f"'{name}'" in str(info.value)


def test_inputs_beyond_eigenvue_display_ranges_compute():
    inputs = {
        "layerSizes": [2, 5, 1],
        "inputValues": [3.0, -2.5],
        "targets": [1],
        "learningRate": 5.0,
    }
    trace = eigenvue.trace(ID, inputs)
    weights = nn.xavier_weights([2, 5, 1], "backprop")
    expected_w, _ = nn.parameter_gradients(
        weights,
        nn.initial_biases([2, 5, 1]),
        np.array([3.0, -2.5]),
        np.array([1.0]),
        "mse",
        "sigmoid",
    )
    final = trace[-1].state["weights"]
    for layer in (1, 2):
        np.testing.assert_allclose(
            final[layer], weights[layer] - 5.0 * expected_w[layer], atol=1e-12
        )


def test_missing_keys_take_the_model_defaults():
    assert eigenvue.steps(ID, {"layerSizes": [2, 2, 1]})[0]["state"]["activations"] == [[0.5, 0.8]]


# -- scale ------------------------------------------------------------------------------------


def test_unchanged_weights_are_shared_between_steps_not_copied():
    trace = eigenvue.trace(ID, {"layerSizes": [2, 50, 50, 1], "inputValues": [0.1, 0.2]})
    before_update = [s for s in trace if s.phase in ("forward", "loss", "backward")]
    assert all(s.state["weights"][2] is before_update[0].state["weights"][2] for s in before_update)
    update_1 = next(s for s in trace if s.id == "update-weights-1")
    assert update_1.state["weights"][2] is before_update[0].state["weights"][2]
    assert update_1.state["weights"][1] is not before_update[0].state["weights"][1]


def test_layers_of_a_thousand_neurons_work():
    inputs = {"layerSizes": [2, 1000, 1000, 1], "inputValues": [0.5, 0.8]}
    steps = eigenvue.steps(ID, inputs)
    assert len(steps) == 12
    final = np.array(steps[-1]["state"]["weights"][2])
    assert final.shape == (1000, 1000) and np.isfinite(final).all()
    assert len(json.dumps(steps[0]["state"]["layerSizes"])) > 0
