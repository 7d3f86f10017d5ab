"""The plugin manager and registry: inline plugins, broken plugins, duplicate ids."""

import dataclasses
import warnings

import pytest

import eigenvue
from eigenvue import plugins
from tests.fixture_plugin import ID, PLUGIN_NAME
from tests.plugin_support import clone_algorithm

pytestmark = pytest.mark.usefixtures("fixture_algorithm")


def test_an_inline_plugin_appears_everywhere_and_goes_away():
    copy = clone_algorithm(ID, "sum-copy", name="Running Sum (copy)")

    class InlinePlugin:
        @eigenvue.hookimpl
        def register_algorithms(self, register):
            register(copy)

    pm = plugins.get_plugin_manager()
    pm.register(InlinePlugin(), name="inline-test")
    try:
        assert "sum-copy" in [i.id for i in eigenvue.list()]
        assert eigenvue.steps("sum-copy") == eigenvue.steps(ID)
        info = {p.name: p for p in plugins.get_registry().plugins}["inline-test"]
        assert info.algorithms == ["sum-copy"]
    finally:
        pm.unregister(name="inline-test")
    assert "sum-copy" not in [i.id for i in eigenvue.list()]


def test_a_plugin_that_raises_is_reported_and_the_rest_keep_working():
    class BrokenPlugin:
        @eigenvue.hookimpl
        def register_algorithms(self, register):
            raise RuntimeError("this plugin is broken on purpose")

    pm = plugins.get_plugin_manager()
    pm.register(BrokenPlugin(), name="broken-test")
    try:
        with pytest.warns(plugins.PluginWarning, match="broken-test.*broken on purpose"):
            ids = [i.id for i in eigenvue.list()]
        assert ID in ids
        info = {p.name: p for p in plugins.get_registry().plugins}["broken-test"]
        assert "broken on purpose" in info.error
    finally:
        pm.unregister(name="broken-test")


def test_a_plugin_registering_invalid_metadata_is_reported():
    original = eigenvue.get_algorithm(ID)
    bad = original.meta.model_dump()
    bad["id"] = "sum-invalid"
    bad["quiz"][0]["correct"] = 9

    class InvalidPlugin:
        @eigenvue.hookimpl
        def register_algorithms(self, register):
            register(
                eigenvue.Algorithm(
                    meta=eigenvue.Metadata.model_validate(bad),
                    inputs_model=original.inputs_model,
                    trace_ref=original.trace_ref,
                    package=original.package,
                )
            )

    pm = plugins.get_plugin_manager()
    pm.register(InvalidPlugin(), name="invalid-test")
    try:
        with pytest.warns(plugins.PluginWarning, match="invalid-test.*correct=9"):
            assert ID in [i.id for i in eigenvue.list()]
    finally:
        pm.unregister(name="invalid-test")


def test_a_plugin_that_fails_to_import_is_reported(monkeypatch):
    def failing_import():
        raise ImportError("No module named 'missing_dependency'")

    info = plugins.PluginInfo("import-fails")
    monkeypatch.setattr(plugins, "_load_errors", {})
    with pytest.warns(plugins.PluginWarning, match="import-fails.*missing_dependency"):
        plugins._load(plugins.get_plugin_manager(), "import-fails", failing_import, info)
    assert plugins._load_errors["import-fails"].error.startswith("ImportError")


def test_two_plugins_claiming_one_id_is_an_error_naming_both():
    duplicate = clone_algorithm(ID, ID)

    class Duplicate:
        @eigenvue.hookimpl
        def register_algorithms(self, register):
            register(duplicate)

    original = eigenvue.get_algorithm(ID)
    pm = plugins.get_plugin_manager()
    pm.register(Duplicate(), name="duplicate-test")
    try:
        with pytest.warns(plugins.PluginWarning) as caught:
            ids = [i.id for i in eigenvue.list()]
        message = str(caught[0].message)
        assert f"'{ID}'" in message
        assert PLUGIN_NAME in message and "duplicate-test" in message
        # The first registration keeps the id; everything else keeps working.
        assert ID in ids
        assert eigenvue.get_algorithm(ID).plugin == original.plugin == PLUGIN_NAME
        info = {p.name: p for p in plugins.get_registry().plugins}["duplicate-test"]
        assert "two plugins" in info.error
    finally:
        pm.unregister(name="duplicate-test")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert ID in [i.id for i in eigenvue.list()]


def test_metadata_rules():
    meta = eigenvue.get(ID).model_dump()
    for field, value, needle in [
        ("id", "Bad_Id", "id"),
        ("category", "cooking", "category"),
        ("difficulty", "trivial", "difficulty"),
        ("related", ["Not An Id"], "valid algorithm id"),
    ]:
        broken = {**meta, field: value}
        with pytest.raises(ValueError, match=needle):
            eigenvue.Metadata.model_validate(broken)
    broken = {**meta, "further_reading": [{"title": "x", "url": "not a url", "type": "paper"}]}
    with pytest.raises(ValueError, match="url"):
        eigenvue.Metadata.model_validate(broken)


def test_examples_must_be_valid_inputs():
    original = eigenvue.get_algorithm(ID)
    bad = original.meta.model_dump()
    bad["examples"][0]["inputs"]["values"] = [1, "2"]
    with pytest.raises(ValueError, match=r"example 'Negative values'.*values\[1\]"):
        eigenvue.Algorithm(
            meta=eigenvue.Metadata.model_validate(bad),
            inputs_model=original.inputs_model,
            trace_ref=original.trace_ref,
            package=original.package,
        )


def test_a_named_line_beyond_the_pseudocode_is_reported_naming_the_plugin():
    meta = eigenvue.get(ID).model_dump()
    meta["id"] = "sum-bad-lines"
    meta["lines"] = {**meta["lines"], "result": [9]}

    class BadLines:
        @eigenvue.hookimpl
        def register_algorithms(self, register):
            register(
                eigenvue.Algorithm(
                    meta=eigenvue.Metadata.model_validate(meta),
                    inputs_model=eigenvue.get_algorithm(ID).inputs_model,
                    trace_ref="tests.fixture_plugin.trace:trace",
                )
            )

    pm = plugins.get_plugin_manager()
    pm.register(BadLines(), name="bad-lines-test")
    try:
        with pytest.warns(plugins.PluginWarning, match=r"bad-lines-test.*'result'.*\[9\].*4 lines"):
            assert "sum-bad-lines" not in [i.id for i in eigenvue.list()]
    finally:
        pm.unregister(name="bad-lines-test")


def test_a_step_naming_an_unknown_line_is_a_trace_error_listing_the_names():
    meta = eigenvue.get(ID).model_copy(update={"lines": {"init": (1,), "add": (2, 3)}})
    algorithm = dataclasses.replace(eigenvue.get_algorithm(ID), meta=meta)
    with pytest.raises(
        eigenvue.TraceError, match=r"no pseudocode line is named 'result'.*add, init"
    ):
        algorithm.run()


def test_steps_hold_the_numbers_of_their_named_lines():
    steps = eigenvue.steps(ID)
    assert [s["codeHighlight"]["lines"] for s in steps] == [[1], [2, 3], [2, 3], [2, 3], [4]]


def test_the_implementation_shown_includes_the_category_modules_a_plugin_imports(tmp_path):
    from eigenvue.algorithm import _shared_modules

    category = tmp_path / "category"
    plugin = category / "lesson"
    plugin.mkdir(parents=True)
    (category / "shared_math.py").write_text("X = 1\n")
    (category / "shared_frames.py").write_text("Y = 1\n")
    (plugin / "trace.py").write_text(
        "from ..shared_math import X\nfrom .. import shared_frames as f\nfrom ..missing import Z\n"
    )
    (plugin / "frames.py").write_text("from ..shared_frames import Y\n")
    # frames.py is not part of the implementation; a module that does not exist is not listed.
    assert _shared_modules(plugin, ["trace.py"]) == ["../shared_frames.py", "../shared_math.py"]
    assert _shared_modules(plugin, []) == []
