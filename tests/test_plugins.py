"""The plugin manager and registry: inline plugins, broken plugins, duplicate ids."""

import warnings

import pytest

import eigenvue
from eigenvue import plugins
from tests.plugin_support import clone_algorithm


def test_an_inline_plugin_appears_everywhere_and_goes_away():
    copy = clone_algorithm("backpropagation", "backprop-copy", name="Backpropagation (copy)")

    class InlinePlugin:
        @eigenvue.hookimpl
        def register_algorithms(self, register):
            register(copy)

    pm = plugins.get_plugin_manager()
    pm.register(InlinePlugin(), name="inline-test")
    try:
        assert "backprop-copy" in [i.id for i in eigenvue.list()]
        assert eigenvue.steps("backprop-copy") == eigenvue.steps("backpropagation")
        info = {p.name: p for p in plugins.get_registry().plugins}["inline-test"]
        assert info.algorithms == ["backprop-copy"]
    finally:
        pm.unregister(name="inline-test")
    assert "backprop-copy" not in [i.id for i in eigenvue.list()]


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
        assert "backpropagation" in ids
        info = {p.name: p for p in plugins.get_registry().plugins}["broken-test"]
        assert "broken on purpose" in info.error
    finally:
        pm.unregister(name="broken-test")


def test_a_plugin_registering_invalid_metadata_is_reported():
    original = eigenvue.get_algorithm("backpropagation")
    bad = original.meta.model_dump()
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
            assert "backpropagation" in [i.id for i in eigenvue.list()]
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
    duplicate = clone_algorithm("backpropagation", "backpropagation")

    class Duplicate:
        @eigenvue.hookimpl
        def register_algorithms(self, register):
            register(duplicate)

    original = eigenvue.get_algorithm("backpropagation")
    pm = plugins.get_plugin_manager()
    pm.register(Duplicate(), name="duplicate-test")
    try:
        with pytest.warns(plugins.PluginWarning) as caught:
            ids = [i.id for i in eigenvue.list()]
        message = str(caught[0].message)
        assert "'backpropagation'" in message
        assert "algorithms.deep_learning.backpropagation" in message and "duplicate-test" in message
        # The first registration keeps the id; everything else keeps working.
        assert "backpropagation" in ids
        assert eigenvue.get_algorithm("backpropagation").plugin == original.plugin
        assert original.plugin == "algorithms.deep_learning.backpropagation"
        info = {p.name: p for p in plugins.get_registry().plugins}["duplicate-test"]
        assert "two plugins" in info.error
    finally:
        pm.unregister(name="duplicate-test")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert "backpropagation" in [i.id for i in eigenvue.list()]


def test_metadata_rules():
    meta = eigenvue.get("backpropagation").model_dump()
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
    original = eigenvue.get_algorithm("backpropagation")
    bad = original.meta.model_dump()
    bad["examples"][0]["inputs"]["layerSizes"] = [2, 0, 1]
    with pytest.raises(ValueError, match=r"example 'Default \(2-2-1 network\)'.*layerSizes\[1\]"):
        eigenvue.Algorithm(
            meta=eigenvue.Metadata.model_validate(bad),
            inputs_model=original.inputs_model,
            trace_ref=original.trace_ref,
            package=original.package,
        )
