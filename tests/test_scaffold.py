"""`eigenvue new`: ids and names, refusals, never overwriting, clean generated code, in-repo copy."""

import importlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import eigenvue
from eigenvue import plugins
from eigenvue.checks import check
from eigenvue.cli import main
from eigenvue.scaffold import ScaffoldError, names_for, new_in_repo, new_package

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

REPO = Path(__file__).resolve().parent.parent


def _files(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _fake_checkout(root: Path) -> Path:
    """The smallest folder `eigenvue new` takes for a checkout, with the repo's lint settings."""
    (root / "algorithms").mkdir(parents=True)
    (root / "algorithms" / "__init__.py").write_text("")
    (root / "tests" / "algorithms").mkdir(parents=True)
    (root / "tests" / "__init__.py").write_text("")
    (root / "tests" / "algorithms" / "__init__.py").write_text("")
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    # Never imported; there so that ruff sorts `eigenvue` imports as first-party, as in the
    # repository (ruff looks for the module's own file, e.g. eigenvue/drawing/__init__.py).
    shutil.copytree(
        REPO / "eigenvue", root / "eigenvue", ignore=shutil.ignore_patterns("__pycache__")
    )
    return root


# -- ids, categories, names -----------------------------------------------------------------


@pytest.mark.parametrize(
    "bad",
    ["Bogo-Sort", "bogo_sort", "bogo sort", "-bogo", "3sum", "", "é", "a" * 61, "import"],
)
def test_malformed_ids_are_refused(bad):
    with pytest.raises(ScaffoldError, match="valid algorithm id|module name"):
        names_for(bad)


def test_the_spellings_of_an_id():
    names = names_for("bogo-sort", "deep_learning")
    assert (names.id, names.name, names.category) == ("bogo-sort", "Bogo Sort", "deep-learning")
    assert (names.folder, names.category_folder) == ("bogo_sort", "deep_learning")
    assert (names.distribution, names.package) == ("eigenvue-bogo-sort", "eigenvue_bogo_sort")


@pytest.mark.parametrize("name", ['Say "hi"', "back\\slash", "two\nlines", "   "])
def test_names_that_would_break_the_generated_files_are_refused(name):
    with pytest.raises(ScaffoldError, match="display name"):
        names_for("ok-id", name=name)


def test_an_unknown_category_is_refused(tmp_path):
    with pytest.raises(ScaffoldError, match="category"):
        new_package("ok-id", tmp_path, category="cooking")


# -- refusals: registered ids, existing paths ---------------------------------------------------


def test_a_registered_id_is_refused_in_both_modes(tmp_path):
    root = _fake_checkout(tmp_path / "repo")
    before = _files(tmp_path)
    for make in (
        lambda: new_package("perceptron", tmp_path),
        lambda: new_in_repo("perceptron", root),
    ):
        with pytest.raises(ScaffoldError, match="'perceptron' exists already"):
            make()
    assert _files(tmp_path) == before


def test_an_existing_package_folder_is_never_touched(tmp_path):
    project = tmp_path / "eigenvue-bogo-sort"
    project.mkdir()
    (project / "notes.txt").write_text("mine")
    with pytest.raises(ScaffoldError, match="never overwrites"):
        new_package("bogo-sort", tmp_path)
    assert _files(tmp_path) == {project / "notes.txt": b"mine"}


def test_an_existing_file_in_the_checkout_stops_everything_before_any_write(tmp_path):
    root = _fake_checkout(tmp_path)
    test_file = root / "tests" / "algorithms" / "quantum" / "test_bogo_sort.py"
    test_file.parent.mkdir(parents=True)
    test_file.write_text("# someone's work\n")
    before = _files(root)
    with pytest.raises(ScaffoldError, match="test_bogo_sort.py exists already"):
        new_in_repo("bogo-sort", root, category="quantum")
    assert _files(root) == before
    assert not (root / "algorithms" / "quantum").exists()


def test_a_folder_of_that_id_in_another_category_is_refused(tmp_path):
    root = _fake_checkout(tmp_path)
    (root / "algorithms" / "quantum" / "bogo_sort").mkdir(parents=True)
    with pytest.raises(ScaffoldError, match="bogo_sort exists already"):
        new_in_repo("bogo-sort", root, category="classical")


def test_the_command_refuses_with_one_line_and_exit_status_2(tmp_path, capsys):
    assert main(["new", "Bogo_Sort", "--package", str(tmp_path)]) == 2
    assert main(["new", "backpropagation", "--package", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(line.startswith("eigenvue: error: ") for line in err)
    assert "'Bogo_Sort' is not a valid algorithm id" in err[0]
    assert "'backpropagation' exists already" in err[1]
    assert list(tmp_path.iterdir()) == []


def test_outside_a_checkout_without_package_the_command_says_what_to_do(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    assert main(["new", "bogo-sort"]) == 2
    assert "--package DIR" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


# -- what is generated -----------------------------------------------------------------------


def test_the_package_declares_the_entry_point_and_valid_metadata(tmp_path):
    files = new_package("bogo-sort", tmp_path, category="quantum", name="Largest Value")
    project = tmp_path / "eigenvue-bogo-sort"
    assert all(p.is_relative_to(project) for p in files)
    assert not any("{{" in p.read_text() for p in files)
    pyproject = tomllib.loads((project / "pyproject.toml").read_text())
    assert pyproject["project"]["name"] == "eigenvue-bogo-sort"
    assert pyproject["project"]["entry-points"]["eigenvue"] == {"bogo-sort": "eigenvue_bogo_sort"}
    assert any(d.startswith("eigenvue>=") for d in pyproject["project"]["dependencies"])
    meta = eigenvue.Metadata.model_validate(
        tomllib.loads((project / "eigenvue_bogo_sort" / "meta.toml").read_text())
    )
    assert (meta.id, meta.name, meta.category) == ("bogo-sort", "Largest Value", "quantum")
    assert meta.quiz and meta.examples and meta.key_concepts and meta.pitfalls


def test_generated_code_is_ruff_clean_under_its_own_settings(tmp_path):
    new_package("bogo-sort", tmp_path / "pkg")
    root = _fake_checkout(tmp_path / "repo")
    new_in_repo("bogo-sort", root, category="generative-ai")
    for folder in (tmp_path / "pkg" / "eigenvue-bogo-sort", root):
        for command in (["check", "--no-cache", "."], ["format", "--check", "--no-cache", "."]):
            result = subprocess.run(
                [sys.executable, "-m", "ruff", *command], cwd=folder, capture_output=True, text=True
            )
            assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def registered_package(tmp_path, monkeypatch):
    """A freshly generated package, imported from its folder and registered at run time."""
    new_package("largest-demo", tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path / "eigenvue-largest-demo"))
    module = importlib.import_module("eigenvue_largest_demo")
    pm = plugins.get_plugin_manager()
    pm.register(module, name="largest-demo")
    try:
        yield tmp_path / "eigenvue-largest-demo"
    finally:
        pm.unregister(name="largest-demo")
        for name in [m for m in sys.modules if m.startswith("eigenvue_largest_demo")]:
            del sys.modules[name]


def test_the_template_computes_the_largest_value_of_its_defaults(registered_package):
    defaults = tomllib.loads(
        (registered_package / "eigenvue_largest_demo" / "meta.toml").read_text()
    )["defaults"]["values"]
    final = eigenvue.steps("largest-demo")[-1]["state"]
    assert final["best"] == max(defaults)
    assert final["bestIndex"] == defaults.index(max(defaults))
    with pytest.raises(eigenvue.InputError) as info:
        eigenvue.steps("largest-demo", {"values": []})
    assert info.value.input == "values"
    with pytest.raises(eigenvue.InputError, match="largest that fits is a list of 99,999 values"):
        eigenvue.steps("largest-demo", {"values": [1.0] * 100_000})


def test_the_template_is_small_and_written_on_the_contract(tmp_path):
    new_package("bogo-sort", tmp_path)
    module = tmp_path / "eigenvue-bogo-sort" / "eigenvue_bogo_sort"
    lines = {p.name: len(p.read_text().splitlines()) for p in module.glob("*.py")}
    assert sum(lines.values()) <= 250 and lines["frames.py"] <= 60, lines
    meta = tomllib.loads((module / "meta.toml").read_text())
    assert meta["lines"] and meta["phases"]
    trace = (module / "trace.py").read_text()
    # Steps name their pseudocode lines; no line number is written in Python.
    assert 'lines="compare"' in trace and "LINES_" not in trace
    assert "ArrayPart" in (module / "frames.py").read_text()
    inputs = (module / "inputs.py").read_text()
    assert "Bounded(" in inputs and "Limit(" in inputs


def test_the_template_passes_eigenvue_check_as_generated(registered_package):
    report = check(["largest-demo"])
    assert report.ok, report.format()
    checked = [f.check for s in report.sections for f in s.findings if f.status == "pass"]
    examples = [e.name for e in eigenvue.get("largest-demo").examples]
    for label in ["defaults"] + [f"example {name!r}" for name in examples]:
        assert label in checked and f"{label} frames" in checked


# -- in a copy of the repository -----------------------------------------------------------------


def _copy_repo(destination: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("eigenvue", "algorithms"):
        shutil.copytree(REPO / folder, destination / folder, ignore=ignore)
    (destination / "tests" / "algorithms").mkdir(parents=True)
    support = ("reference.py", "refusals.py", "frames_check.py", "plugin_support.py")
    for name in (
        "__init__.py",
        "conftest.py",
        "algorithms/__init__.py",
        "test_registry.py",
        *support,
    ):
        shutil.copy(REPO / "tests" / name, destination / "tests" / name)
    shutil.copy(REPO / "pyproject.toml", destination / "pyproject.toml")
    return destination


@pytest.mark.slow
def test_in_a_copy_of_the_repo_the_new_algorithm_is_everywhere_and_passes_its_tests(tmp_path):
    root = _copy_repo(tmp_path / "checkout")
    env = {**os.environ, "PYTHONPATH": str(root), "MPLBACKEND": "Agg"}

    def run(*args, cwd=root):
        return subprocess.run(
            [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
        )

    made = run(
        "-m", "eigenvue", "new", "bogo-sort", "--category", "quantum", cwd=root / "algorithms"
    )
    assert made.returncode == 0, made.stderr
    plugin = root / "algorithms" / "quantum" / "bogo_sort"
    expected = {"__init__.py", "meta.toml", "inputs.py", "maximum.py", "trace.py", "frames.py"}
    assert {p.name for p in plugin.iterdir()} == expected
    assert (root / "algorithms" / "quantum" / "__init__.py").is_file()
    assert (root / "tests" / "algorithms" / "quantum" / "__init__.py").is_file()
    test_file = root / "tests" / "algorithms" / "quantum" / "test_bogo_sort.py"
    assert str(test_file.relative_to(root)) in made.stdout
    assert "python -m pytest tests/test_registry.py -k bogo-sort" in made.stdout

    listed = run("-m", "eigenvue", "list", "--category", "quantum")
    assert listed.returncode == 0 and "bogo-sort" in listed.stdout

    again = run("-m", "eigenvue", "new", "bogo-sort", "--category", "classical")
    assert again.returncode == 2 and "exists already" in again.stderr

    tests = run("-m", "pytest", "-q", "-p", "no:cacheprovider", str(test_file.relative_to(root)))
    assert tests.returncode == 0, tests.stdout[-3000:]
    assert " passed" in tests.stdout and "failed" not in tests.stdout

    # The registry's tests pick the new algorithm up, its REFUSALS table included, with no edit.
    shared = run(
        "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_registry.py",
        "-k", "bogo-sort", "-rA",
    )  # fmt: skip
    assert shared.returncode == 0, shared.stdout[-3000:]
    assert "failed" not in shared.stdout
    for test in ("test_declared_refusals_name_the_input", "test_eigenvue_check_passes"):
        assert f"PASSED tests/test_registry.py::{test}[bogo-sort" in shared.stdout
