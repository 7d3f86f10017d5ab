"""The public data API: list, get, trace, steps and their errors."""

import dataclasses
import json
import subprocess
import sys

import numpy as np
import pytest

import eigenvue
from tests.fixture_plugin import ID
from tests.info_fields import INFO_FIELDS

pytestmark = pytest.mark.usefixtures("fixture_algorithm")

CATEGORIES = ["classical", "deep-learning", "generative-ai", "quantum"]


def test_list_is_sorted_by_category_then_name_and_fresh_each_call():
    infos = eigenvue.list()
    assert infos == sorted(infos, key=lambda i: (i.category, i.name))
    assert ID in [i.id for i in infos]
    assert eigenvue.list() is not infos


def test_list_filters_by_category():
    for category in CATEGORIES:
        assert all(i.category == category for i in eigenvue.list(category))
    assert ID in [i.id for i in eigenvue.list("classical")]
    assert ID not in [i.id for i in eigenvue.list("quantum")]


@pytest.mark.parametrize("bad", ["foo", "Classical", "", 3, None.__class__])
def test_invalid_category_is_a_value_error(bad):
    with pytest.raises(ValueError, match="^Invalid category") as info:
        eigenvue.list(bad)
    assert "classical, deep-learning, generative-ai, quantum" in str(info.value)


def test_algorithm_info_is_frozen_with_a_short_repr():
    info = next(i for i in eigenvue.list() if i.id == ID)
    assert [f.name for f in dataclasses.fields(info)] == INFO_FIELDS
    assert repr(info) == (
        f"AlgorithmInfo(id='{ID}', name='Running Sum (test fixture)', "
        "category='classical', difficulty='beginner')"
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        info.name = "x"


def test_unknown_id_names_it_suggests_the_closest_and_lists_all():
    with pytest.raises(ValueError) as info:
        eigenvue.steps("fixture-running-sun")
    message = str(info.value)
    assert "'fixture-running-sun'" in message and f"Did you mean '{ID}'?" in message
    for algorithm in eigenvue.list():
        assert algorithm.id in message


def test_get_returns_the_full_metadata():
    meta = eigenvue.get(ID)
    assert meta.id == ID
    assert meta.pseudocode_lines and meta.quiz and meta.further_reading


def test_steps_are_json_ready_and_index_contiguous():
    steps = eigenvue.steps(ID)
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
    trace = eigenvue.trace(ID)
    assert isinstance(trace[1].state["values"], np.ndarray)
    # An array unchanged between steps is one object, in the trace and in the dicts.
    assert all(step.state["values"] is trace[0].state["values"] for step in trace)
    dicts = trace.to_dicts()
    assert all(d["state"]["values"] is dicts[0]["state"]["values"] for d in dicts)
    assert [s.to_dict() for s in trace] == eigenvue.steps(ID) == dicts


def test_input_error_is_a_value_error_naming_the_input():
    with pytest.raises(ValueError) as info:
        eigenvue.steps(ID, {"start": 2e6})
    assert isinstance(info.value, eigenvue.InputError)
    assert info.value.input == "start"
    assert "'start'" in str(info.value)


def test_inputs_must_be_a_dict():
    with pytest.raises(eigenvue.InputError, match="inputs"):
        eigenvue.steps(ID, [1, 2])


def test_numpy_inputs_are_accepted():
    plain = eigenvue.steps(ID, {"values": [0.25, -1.0]})
    arrays = eigenvue.steps(ID, {"values": np.array([0.25, -1.0])})
    assert arrays == plain


def test_a_key_left_out_takes_its_default():
    assert eigenvue.steps(ID, {"start": 1.5})[-1]["state"]["total"] == 1.5 + 3 + 1 + 2
    assert eigenvue.steps(ID, {}) == eigenvue.steps(ID) == eigenvue.steps(ID, None)


def test_example_inputs_are_a_copy():
    inputs = eigenvue.example_inputs(ID, "One value")
    assert inputs == {"values": [7]}
    inputs["values"] = [1]
    assert eigenvue.example_inputs(ID, "One value") == {"values": [7]}


def test_import_is_light():
    code = (
        "import sys, eigenvue; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'algorithms', 'pydantic')]; "
        "print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
