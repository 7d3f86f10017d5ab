"""The public data API: list, get, trace, steps and their errors."""

import dataclasses
import json
import subprocess
import sys

import numpy as np
import pytest

import eigenvue

CATEGORIES = ["classical", "deep-learning", "generative-ai", "quantum"]


def test_list_is_sorted_by_category_then_name_and_fresh_each_call():
    infos = eigenvue.list()
    assert infos == sorted(infos, key=lambda i: (i.category, i.name))
    assert "backpropagation" in [i.id for i in infos]
    assert eigenvue.list() is not infos


def test_list_filters_by_category():
    for category in CATEGORIES:
        assert all(i.category == category for i in eigenvue.list(category))
    assert "backpropagation" in [i.id for i in eigenvue.list("deep-learning")]


@pytest.mark.parametrize("bad", ["foo", "Classical", "", 3, None.__class__])
def test_invalid_category_is_a_value_error(bad):
    with pytest.raises(ValueError, match="^Invalid category") as info:
        eigenvue.list(bad)
    assert "classical, deep-learning, generative-ai, quantum" in str(info.value)


def test_algorithm_info_is_frozen_with_a_short_repr():
    info = next(i for i in eigenvue.list() if i.id == "backpropagation")
    assert [f.name for f in dataclasses.fields(info)] == [
        "id",
        "name",
        "category",
        "description",
        "difficulty",
        "time_complexity",
        "space_complexity",
    ]
    assert repr(info) == (
        "AlgorithmInfo(id='backpropagation', name='Backpropagation', "
        "category='deep-learning', difficulty='intermediate')"
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        info.name = "x"


def test_unknown_id_names_it_suggests_the_closest_and_lists_all():
    with pytest.raises(ValueError) as info:
        eigenvue.steps("backprop")
    message = str(info.value)
    assert "'backprop'" in message and "Did you mean 'backpropagation'?" in message
    for algorithm in eigenvue.list():
        assert algorithm.id in message


def test_get_returns_the_full_metadata():
    meta = eigenvue.get("backpropagation")
    assert meta.id == "backpropagation"
    assert meta.pseudocode_lines and meta.quiz and meta.further_reading


def test_steps_are_json_ready_and_index_contiguous():
    steps = eigenvue.steps("backpropagation")
    assert json.loads(json.dumps(steps)) == steps
    assert [s["index"] for s in steps] == list(range(len(steps)))
    assert [s["isTerminal"] for s in steps] == [False] * (len(steps) - 1) + [True]
    for step in steps:
        assert list(step)[:8] == [
            "index",
            "id",
            "title",
            "explanation",
            "state",
            "visualActions",
            "codeHighlight",
            "isTerminal",
        ]
        assert step["codeHighlight"]["language"] == "pseudocode"


def test_trace_holds_numpy_arrays_and_equals_steps():
    trace = eigenvue.trace("backpropagation")
    assert isinstance(trace[1].state["preActivations"], np.ndarray)
    assert [s.to_dict() for s in trace] == eigenvue.steps("backpropagation")


def test_input_error_is_a_value_error_naming_the_input():
    with pytest.raises(ValueError) as info:
        eigenvue.steps("backpropagation", {"learningRate": -1})
    assert isinstance(info.value, eigenvue.InputError)
    assert info.value.input == "learningRate"
    assert "learningRate" in str(info.value)


def test_inputs_must_be_a_dict():
    with pytest.raises(eigenvue.InputError, match="inputs"):
        eigenvue.steps("backpropagation", [1, 2])


def test_numpy_inputs_are_accepted():
    plain = eigenvue.steps("backpropagation", {"inputValues": [0.25, -1.0]})
    arrays = eigenvue.steps("backpropagation", {"inputValues": np.array([0.25, -1.0])})
    assert arrays == plain


def test_import_is_light():
    code = (
        "import sys, eigenvue; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'algorithms', 'pydantic')]; "
        "print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
