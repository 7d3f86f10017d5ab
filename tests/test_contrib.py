"""`eigenvue plugins`, the loading controls, `python -m eigenvue` and `eigenvue new`'s output."""

import json
import subprocess
import sys
from pathlib import Path

import pluggy
import pytest

import eigenvue
from eigenvue import hookspecs, plugins
from eigenvue.cli import main

BUILTIN_FOLDERS = sorted(
    p.parent
    for p in (Path(__file__).resolve().parent.parent / "algorithms").glob("*/*/__init__.py")
)


def test_plugins_lists_each_builtin_with_its_algorithms(capsys):
    assert main(["plugins", "--json"]) == 0
    records = {r["name"]: r for r in json.loads(capsys.readouterr().out)}
    for folder in BUILTIN_FOLDERS:
        name = f"algorithms.{folder.parent.name}.{folder.name}"
        record = records[name]
        assert record["builtin"] and record["loaded"] and record["error"] is None
        assert (record["distribution"], record["version"]) == ("eigenvue", eigenvue.__version__)
        # The ids it registered are the ids its meta.toml declares.
        declared = next(
            line.split("=", 1)[1].strip().strip('"')
            for line in (folder / "meta.toml").read_text(encoding="utf-8").splitlines()
            if line.startswith("id =")
        )
        assert record["algorithms"] == [declared]
    registered = sorted(i for r in records.values() for i in r["algorithms"])
    assert registered == sorted(i.id for i in eigenvue.list())


def test_plugins_text_names_a_plugin_that_fails_and_its_reason(capsys):
    class Broken:
        @eigenvue.hookimpl
        def register_algorithms(self, register):
            raise RuntimeError("cannot reach the quantum computer")

    pm = plugins.get_plugin_manager()
    pm.register(Broken(), name="broken-at-runtime")
    try:
        assert main(["plugins"]) == 0
    finally:
        pm.unregister(name="broken-at-runtime")
    out = capsys.readouterr().out
    block = out.split("broken-at-runtime  ·  registered at run time\n", 1)[1].splitlines()[0]
    assert block.startswith("    ERROR: RuntimeError: cannot reach the quantum computer")
    assert "1 failed" in out.splitlines()[-1]
    first = BUILTIN_FOLDERS[0]
    assert f"algorithms.{first.parent.name}.{first.name}  ·  eigenvue " in out


def test_plugins_shows_the_ones_left_out(monkeypatch, capsys):
    left_out = plugins.PluginInfo("sorting-extras", distribution="eigenvue-sorting", version="1.2")
    monkeypatch.setattr(plugins, "_skipped", [left_out])
    monkeypatch.setenv("EIGENVUE_LOAD_PLUGINS", "")
    assert main(["plugins"]) == 0
    out = capsys.readouterr().out
    assert (
        "sorting-extras  ·  eigenvue-sorting 1.2\n    not loaded: not named in EIGENVUE_LOAD_PLUGINS"
        in out
    )
    assert "restricted by EIGENVUE_LOAD_PLUGINS" in out


@pytest.mark.parametrize(
    ("allowed", "name", "distribution", "loads"),
    [
        (None, "bogo-sort", "eigenvue-bogo-sort", True),
        ("", "bogo-sort", "eigenvue-bogo-sort", False),
        ("bogo-sort", "bogo-sort", "eigenvue-bogo-sort", True),
        ("eigenvue-bogo-sort", "bogo-sort", "eigenvue-bogo-sort", True),
        ("Eigenvue_Bogo.Sort", "bogo-sort", "eigenvue-bogo-sort", True),
        (" other , bogo-sort ", "bogo-sort", "eigenvue-bogo-sort", True),
        ("other", "bogo-sort", "eigenvue-bogo-sort", False),
        ("bogo", "bogo-sort", "eigenvue-bogo-sort", False),
    ],
)
def test_load_plugins_matches_entry_point_or_distribution_names(
    monkeypatch, allowed, name, distribution, loads
):
    if allowed is None:
        monkeypatch.delenv("EIGENVUE_LOAD_PLUGINS", raising=False)
    else:
        monkeypatch.setenv("EIGENVUE_LOAD_PLUGINS", allowed)
    assert plugins._wanted(name, distribution) is loads


def test_trace_plugins_prints_each_call_with_its_plugin_and_outcome(monkeypatch, capsys):
    monkeypatch.setenv("EIGENVUE_TRACE_PLUGINS", "1")
    pm = pluggy.PluginManager("eigenvue")
    pm.add_hookspecs(hookspecs)
    plugins._trace_hook_calls(pm)

    class Fine:
        @eigenvue.hookimpl
        def register_algorithms(self, register):
            register("an algorithm")

    class Fails:
        @eigenvue.hookimpl
        def register_algorithms(self, register):
            raise ValueError("bad metadata")

    pm.register(Fine(), name="fine")
    pm.register(Fails(), name="fails")
    got = []
    pm.subset_hook_caller("register_algorithms", remove_plugins=[pm.get_plugin("fails")])(
        register=got.append
    )
    with pytest.raises(ValueError):
        pm.subset_hook_caller("register_algorithms", remove_plugins=[pm.get_plugin("fine")])(
            register=got.append
        )
    assert got == ["an algorithm"]
    assert capsys.readouterr().err.splitlines() == [
        "eigenvue: call register_algorithms on 'fine'",
        "eigenvue: register_algorithms on 'fine' returned []",
        "eigenvue: call register_algorithms on 'fails'",
        "eigenvue: register_algorithms on 'fails' raised ValueError: bad metadata "
        f"({Path(__file__).name}:{Fails.register_algorithms.__code__.co_firstlineno + 2})",
    ]


def test_trace_plugins_is_silent_when_unset(monkeypatch, capsys):
    monkeypatch.delenv("EIGENVUE_TRACE_PLUGINS", raising=False)
    plugins._trace("loading something")
    monkeypatch.setenv("EIGENVUE_TRACE_PLUGINS", "0")
    plugins._trace("loading something")
    assert capsys.readouterr().err == ""


def test_python_dash_m_eigenvue_offers_every_subcommand():
    result = subprocess.run(
        [sys.executable, "-m", "eigenvue", "--help"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    # Each subcommand opens a line indented by four spaces; wrapped help lines by more.
    lines = result.stdout.splitlines()
    listed = [line.split()[0] for line in lines if line.startswith("    ") and line[4] != " "]
    assert listed == ["list", "info", "steps", "render", "show", "new", "check", "plugins"]


def test_new_prints_every_file_it_wrote_and_what_to_do_next(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["new", "heap-peek", "--package", ".", "--category", "deep_learning"]) == 0
    out = capsys.readouterr().out
    written = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    listed = sorted(
        Path(line.strip()) for line in out.splitlines() if line.startswith("  eigenvue-")
    )
    assert listed == written and len(written) == 10
    assert "pip install -e eigenvue-heap-peek" in out and "eigenvue check heap-peek" in out
    meta = (tmp_path / "eigenvue-heap-peek" / "eigenvue_heap_peek" / "meta.toml").read_text()
    assert 'category = "deep-learning"' in meta and 'name = "Heap Peek"' in meta
