"""Test support: real algorithms registered under another id, and the fixture plugin."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator
from typing import Any

import eigenvue


def clone_algorithm(algorithm_id: str, new_id: str, **meta_changes: Any) -> eigenvue.Algorithm:
    """A copy of a registered algorithm under ``new_id``: a real, runnable plugin payload.

    ``meta_changes`` replace metadata fields (``name="…"``); the inputs, trace,
    frames and source files are the original's.
    """
    original = eigenvue.get_algorithm(algorithm_id)
    meta = original.meta.model_copy(update={"id": new_id, **meta_changes})
    return dataclasses.replace(original, meta=meta, plugin=None)


@contextlib.contextmanager
def fixture_registered() -> Iterator[eigenvue.Algorithm]:
    """The fixture algorithm (``tests/fixture_plugin``) registered while the block runs.

    For code that runs outside pytest's fixtures too (a subprocess of a test). Inside a
    block that registered it already, it stays registered until that block ends.
    """
    from eigenvue import plugins
    from tests import fixture_plugin

    pm = plugins.get_plugin_manager()
    if pm.get_plugin(fixture_plugin.PLUGIN_NAME) is not None:
        yield eigenvue.get_algorithm(fixture_plugin.ID)
        return
    pm.register(fixture_plugin, name=fixture_plugin.PLUGIN_NAME)
    try:
        yield eigenvue.get_algorithm(fixture_plugin.ID)
    finally:
        pm.unregister(name=fixture_plugin.PLUGIN_NAME)
