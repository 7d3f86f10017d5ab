"""A plugin package, as a new contributor makes one: scaffold, pip install, use, check, uninstall.

Everything runs in a fresh virtual environment that sees the installed eigenvue
(``--system-site-packages``), through ``python -m eigenvue`` and ``python -m mkdocs``
with that environment's interpreter, exactly as a user's shell would. A second
package that raises on import must be named by ``eigenvue plugins`` and
``eigenvue check`` while everything else keeps working.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
ID = "bogo-sort"
BROKEN = "broken-demo"


class Venv:
    """A virtual environment and a way to run its Python."""

    def __init__(self, root: Path) -> None:
        self.root = root
        # Its own pip is not needed: the base pip, visible through the system
        # site-packages, installs into the environment whose Python runs it.
        subprocess.run(
            [sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", root],
            check=True,
        )
        self.python = root / "bin" / "python"
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith("EIGENVUE_") and key not in ("PYTHONPATH", "DISPLAY")
        }
        self.env.update(
            MPLBACKEND="Agg",
            NO_MKDOCS_2_WARNING="1",
            EIGENVUE_DOCS_CACHE=str(REPO / ".cache" / "eigenvue" / "frames"),
        )

    def run(self, *args, cwd=None, env=None, ok=True) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [str(self.python), *map(str, args)],
            cwd=cwd or self.root,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=600,
        )
        if ok:
            assert result.returncode == 0, (
                f"{args}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
            )
        return result

    def eigenvue(self, *args, **kwargs) -> subprocess.CompletedProcess:
        return self.run("-m", "eigenvue", *args, **kwargs)

    def install(self, project: Path) -> None:
        self.run("-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", project)

    def uninstall(self, distribution: str) -> None:
        self.run("-m", "pip", "uninstall", "-q", "-y", distribution)

    def python_json(self, code: str):
        return json.loads(self.run("-c", code).stdout)


@pytest.fixture(scope="module")
def venv(tmp_path_factory):
    return Venv(tmp_path_factory.mktemp("venv"))


@pytest.fixture(scope="module")
def project(venv, tmp_path_factory):
    """``eigenvue new bogo-sort --package DIR`` into an empty folder, then ``pip install``."""
    folder = tmp_path_factory.mktemp("work")
    made = venv.eigenvue("new", ID, "--package", folder, cwd=folder)
    assert "pip install -e eigenvue-bogo-sort" in made.stdout
    project = folder / f"eigenvue-{ID}"
    venv.install(project)
    return project


@pytest.fixture(scope="module")
def defaults(project):
    meta = tomllib.loads((project / "eigenvue_bogo_sort" / "meta.toml").read_text())
    return meta["defaults"]["values"]


def test_installed_it_is_in_list_steps_and_render(venv, project, defaults, tmp_path):
    got = venv.python_json(
        "import json, eigenvue\n"
        f"ids = [i.id for i in eigenvue.list()]\n"
        f"steps = eigenvue.steps({ID!r})\n"
        f"files = eigenvue.render({ID!r}, format='png', out={str(tmp_path)!r})\n"
        "print(json.dumps({'ids': ids, 'final': steps[-1]['state'], 'n': len(steps),"
        " 'files': [str(f) for f in files]}))"
    )
    assert ID in got["ids"] and "perceptron" in got["ids"]
    assert got["final"]["best"] == max(defaults)
    assert got["final"]["bestIndex"] == defaults.index(max(defaults))
    assert len(got["files"]) == got["n"]
    for name in got["files"]:
        with Image.open(name) as image:
            image.verify()
            assert image.format == "PNG"


def test_the_command_lists_checks_and_attributes_it(venv, project):
    listed = venv.eigenvue("list", "--category", "classical").stdout
    assert f"  {ID} " in listed and "Bogo Sort" in listed

    checked = venv.eigenvue("check", ID)
    assert checked.stdout.rstrip().endswith("All checks passed.")
    assert "draw in light and dark" in checked.stdout
    assert "eigenvue-bogo-sort 0.1.0" in checked.stdout

    records = json.loads(venv.eigenvue("plugins", "--json").stdout)
    (record,) = [r for r in records if r["name"] == ID]
    assert record["distribution"] == "eigenvue-bogo-sort" and record["version"] == "0.1.0"
    assert record["algorithms"] == [ID] and record["error"] is None


def test_show_without_a_display_writes_a_player(venv, project):
    shown = venv.eigenvue("show", ID, "--no-browser")
    path = Path(shown.stdout.strip().splitlines()[-1])
    assert path.suffix == ".html" and path.is_file()
    try:
        assert "Bogo Sort" in path.read_text(encoding="utf-8")
    finally:
        path.unlink()


def test_its_own_tests_pass_as_generated(venv, project):
    result = venv.run("-m", "pytest", "-q", "-p", "no:cacheprovider", cwd=project)
    assert "passed" in result.stdout and "failed" not in result.stdout


def test_mkdocs_build_gives_it_a_page(venv, project, tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# A catalogue\n")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: plugin package test\n"
        "theme:\n  name: material\n"
        "plugins:\n  - eigenvue:\n      examples: false\n"
    )
    venv.run("-m", "mkdocs", "build", "--strict", "-q", "-d", tmp_path / "site", cwd=tmp_path)
    page = (tmp_path / "site" / "algorithms" / ID / "index.html").read_text(encoding="utf-8")
    assert "Bogo Sort" in page and "find_maximum(values)" in page
    index = (tmp_path / "site" / "algorithms" / "index.html").read_text(encoding="utf-8")
    assert f'href="{ID}/"' in index


# -- a package that raises on import ----------------------------------------------------------


@pytest.fixture(scope="module")
def broken(venv, project, tmp_path_factory):
    folder = tmp_path_factory.mktemp("broken")
    venv.eigenvue("new", BROKEN, "--package", folder)
    package = folder / f"eigenvue-{BROKEN}"
    (package / "eigenvue_broken_demo" / "__init__.py").write_text(
        '"""A plugin whose dependency is missing."""\n\nimport quantum_magic  # noqa: F401\n'
    )
    venv.install(package)
    yield
    venv.uninstall(f"eigenvue-{BROKEN}")


def test_a_broken_package_is_named_and_nothing_else_breaks(venv, broken):
    plugins = venv.eigenvue("plugins").stdout
    block = plugins.split(f"{BROKEN}  ·  eigenvue-{BROKEN} 0.1.0\n", 1)[1].splitlines()[0]
    assert "ERROR: ModuleNotFoundError: No module named 'quantum_magic'" in block
    assert f"{ID}  ·  eigenvue-bogo-sort 0.1.0\n    algorithms: {ID}" in plugins

    checked = venv.eigenvue("check", "--no-frames", ok=False)
    assert checked.returncode == 1
    failed = [line for line in checked.stdout.splitlines() if line.startswith("  ✗")]
    assert failed == [
        "  ✗ load: failed to load or register: ModuleNotFoundError: "
        "No module named 'quantum_magic' (__init__.py:3)"
    ]
    assert f"plugin {BROKEN}  ·  eigenvue-{BROKEN} 0.1.0" in checked.stdout

    listed = venv.eigenvue("list")
    assert f"eigenvue plugin '{BROKEN}' was not loaded" in listed.stderr
    assert ID in listed.stdout and "perceptron" in listed.stdout
    inside = json.loads(venv.eigenvue("steps", "perceptron", "--json").stdout)
    outside = subprocess.run(
        [sys.executable, "-m", "eigenvue", "steps", "perceptron", "--json"],
        capture_output=True,
        text=True,
        check=True,
        env=venv.env,
    )
    assert inside == json.loads(outside.stdout)


def test_load_plugins_restricts_the_third_party_plugins(venv, broken):
    only = {"EIGENVUE_LOAD_PLUGINS": "eigenvue-bogo-sort"}  # a distribution name works too
    listed = venv.eigenvue("list", env=only)
    assert ID in listed.stdout and "perceptron" in listed.stdout and BROKEN not in listed.stderr
    records = json.loads(venv.eigenvue("plugins", "--json", env=only).stdout)
    (skipped,) = [r for r in records if r["name"] == BROKEN]
    assert skipped["loaded"] is False and "EIGENVUE_LOAD_PLUGINS" in skipped["skipped"]

    none = venv.eigenvue("list", env={"EIGENVUE_LOAD_PLUGINS": ""})
    assert ID not in none.stdout and "perceptron" in none.stdout and not none.stderr


def test_trace_plugins_shows_loading_and_hook_calls(venv, broken):
    traced = venv.eigenvue("list", env={"EIGENVUE_TRACE_PLUGINS": "1"}).stderr
    assert f"eigenvue: load plugin '{ID}' (eigenvue-bogo-sort 0.1.0)" in traced
    assert f"eigenvue: call register_algorithms on '{ID}'" in traced
    assert f"eigenvue: plugin '{ID}' registered {ID}" in traced
    assert f"eigenvue: load plugin '{BROKEN}'" in traced


# -- and gone again -------------------------------------------------------------------------------


def test_pip_uninstall_removes_it_everywhere(venv, project):
    venv.uninstall("eigenvue-bogo-sort")
    assert ID not in venv.eigenvue("list").stdout
    assert ID not in venv.eigenvue("plugins").stdout
    checked = venv.eigenvue("check", ID, "--no-frames", ok=False)
    assert checked.returncode == 1 and "no algorithm has this id" in checked.stdout
