"""Test support for plugin-level tests: real algorithms registered under another id."""

from __future__ import annotations

import dataclasses
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
