"""The eigenvue command: output, JSON, and one-line errors with exit status 2."""

import json

import pytest

import eigenvue
from eigenvue.cli import main
from tests.fixture_plugin import ID
from tests.info_fields import INFO_FIELDS

pytestmark = pytest.mark.usefixtures("fixture_algorithm")


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_list(capsys):
    status, out, _ = run(capsys, "list")
    assert status == 0 and ID in out and "Running Sum (test fixture)" in out
    assert all(info.id in out for info in eigenvue.list())


def test_list_json(capsys):
    status, out, _ = run(capsys, "list", "--json", "--category", "classical")
    assert status == 0
    rows = json.loads(out)
    assert [r["id"] for r in rows] == [i.id for i in eigenvue.list("classical")]
    assert ID in [r["id"] for r in rows]
    assert set(rows[0]) == set(INFO_FIELDS)


def test_info(capsys):
    status, out, _ = run(capsys, "info", ID)
    assert status == 0 and "Pseudocode" in out and "Negative values" in out
    assert "  2  for each v in values:" in out


def test_steps_json_equals_the_api(capsys):
    status, out, _ = run(capsys, "steps", ID, "--json")
    assert status == 0 and json.loads(out) == eigenvue.steps(ID)


def test_steps_as_text_show_index_id_phase_and_title(capsys):
    status, out, _ = run(capsys, "steps", ID)
    assert status == 0
    assert out.splitlines()[2] == "1  add  [add] Add values[0]"


def test_steps_with_inputs_and_examples(capsys, tmp_path):
    status, out, _ = run(capsys, "steps", ID, "--example", "Negative values", "--json")
    assert status == 0 and json.loads(out)[-1]["state"]["total"] == 1 + 4 - 6 + 1
    status, out, _ = run(capsys, "steps", ID, "--inputs", '{"values": [5, 6]}', "--json")
    assert json.loads(out)[-1]["state"]["total"] == 11
    path = tmp_path / "inputs.json"
    path.write_text('{"start": 2.5}')
    status, out, _ = run(capsys, "steps", ID, "--inputs-file", str(path), "--json")
    assert status == 0 and json.loads(out)[-1]["state"]["total"] == 2.5 + 3 + 1 + 2


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["steps", "fixture-running-sun"], f"Did you mean '{ID}'"),
        (["steps", ID, "--inputs", "{bad json"], "not valid JSON"),
        (["steps", ID, "--inputs", "[1]"], "JSON object"),
        (["steps", ID, "--inputs", '{"values": [1, "x"]}'], "values[1]"),
        (["steps", ID, "--example", "nope"], "no example 'nope'"),
        (["steps", ID, "--inputs-file", "/does/not/exist"], "cannot read"),
        (["info", "nope"], "Unknown algorithm 'nope'"),
    ],
)
def test_user_errors_are_one_line_and_exit_2(capsys, argv, needle):
    status, out, err = run(capsys, *argv)
    assert status == 2 and out == ""
    assert err.startswith("eigenvue: error: ") and needle in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_every_subcommand_has_a_handler():
    from eigenvue.cli import build_parser

    parser = build_parser()
    (sub,) = [a for a in parser._actions if a.dest == "command"]
    assert set(sub.choices) == {
        "list",
        "info",
        "steps",
        "render",
        "show",
        "new",
        "check",
        "plugins",
    }
    for name, command in sub.choices.items():
        assert callable(command.get_default("run")), name


def test_the_subcommand_modules_do_not_import_the_command_module():
    # The imports run one way, cli -> cli_media / cli_contrib -> cli_support: no cycle.
    import ast
    import inspect

    from eigenvue import cli_contrib, cli_media, cli_support

    for module in (cli_media, cli_contrib, cli_support):
        tree = ast.parse(inspect.getsource(module))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)} | {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        }
        assert "eigenvue.cli" not in imported, module.__name__
