"""The eigenvue command: output, JSON, and one-line errors with exit status 2."""

import json

import pytest

import eigenvue
from eigenvue.cli import main


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_list(capsys):
    status, out, _ = run(capsys, "list")
    assert status == 0 and "backpropagation" in out and "Backpropagation" in out


def test_list_json(capsys):
    status, out, _ = run(capsys, "list", "--json", "--category", "deep-learning")
    assert status == 0
    rows = json.loads(out)
    assert [r["id"] for r in rows] == [i.id for i in eigenvue.list("deep-learning")]
    assert set(rows[0]) == {
        "id",
        "name",
        "category",
        "description",
        "difficulty",
        "time_complexity",
        "space_complexity",
    }


def test_info(capsys):
    status, out, _ = run(capsys, "info", "backpropagation")
    assert status == 0 and "Pseudocode" in out and "Higher learning rate" in out


def test_steps_json_equals_the_api(capsys):
    status, out, _ = run(capsys, "steps", "backpropagation", "--json")
    assert status == 0 and json.loads(out) == eigenvue.steps("backpropagation")


def test_steps_with_inputs_and_examples(capsys, tmp_path):
    status, out, _ = run(
        capsys, "steps", "backpropagation", "--example", "Higher learning rate", "--json"
    )
    example = eigenvue.get("backpropagation").example("Higher learning rate").inputs
    assert status == 0 and json.loads(out) == eigenvue.steps("backpropagation", example)
    status, out, _ = run(
        capsys, "steps", "backpropagation", "--inputs", '{"learningRate": 5}', "--json"
    )
    assert (
        json.loads(out)[-1]["state"]["biases"]
        == eigenvue.steps("backpropagation", {"learningRate": 5})[-1]["state"]["biases"]
    )
    path = tmp_path / "inputs.json"
    path.write_text('{"layerSizes": [2, 5, 1]}')
    status, out, _ = run(capsys, "steps", "backpropagation", "--inputs-file", str(path), "--json")
    assert status == 0 and json.loads(out)[0]["state"]["layerSizes"] == [2, 5, 1]


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["steps", "backprop"], "Did you mean 'backpropagation'"),
        (["steps", "backpropagation", "--inputs", "{bad json"], "not valid JSON"),
        (["steps", "backpropagation", "--inputs", "[1]"], "JSON object"),
        (["steps", "backpropagation", "--inputs", '{"layerSizes": [2, 0, 1]}'], "layerSizes[1]"),
        (["steps", "backpropagation", "--example", "nope"], "no example 'nope'"),
        (["steps", "backpropagation", "--inputs-file", "/does/not/exist"], "cannot read"),
        (["info", "nope"], "Unknown algorithm 'nope'"),
    ],
)
def test_user_errors_are_one_line_and_exit_2(capsys, argv, needle):
    status, out, err = run(capsys, *argv)
    assert status == 2 and out == ""
    assert err.startswith("eigenvue: error: ") and needle in err
    assert err.count("\n") == 1 and "Traceback" not in err
