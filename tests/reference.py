"""Eigenvue 1.0.2's recorded traces (tests/reference/) and the rule for comparing with them.

The rule is the reference set's own (tests/reference/README.md): same step count; equal
index, id, phase and isTerminal; state with the same keys; strings, booleans, nulls and
list lengths equal; numbers within 1e-9 absolute, ints and floats compared numerically.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path
from typing import Any

import eigenvue

ROOT = Path(__file__).parent / "reference"
TOLERANCE = 1e-9


@cache
def _load(algorithm: str, edge: bool) -> list[dict[str, Any]]:
    return json.loads((ROOT / _folder(edge) / f"{algorithm}.json").read_text(encoding="utf-8"))[
        "cases"
    ]


def recorded_cases(algorithm: str) -> list[dict[str, Any]]:
    """Every recorded case of an algorithm, main set then edge cases; none when not recorded."""
    return [
        case
        for edge in (False, True)
        if (ROOT / _folder(edge) / f"{algorithm}.json").exists()
        for case in _load(algorithm, edge)
    ]


def _folder(edge: bool) -> str:
    return "eigenvue-1.0.2-edge-cases" if edge else "eigenvue-1.0.2"


def case_named(algorithm: str, name: str, *, edge: bool = False) -> dict[str, Any]:
    """The one recorded case whose name contains ``name``."""
    (case,) = [c for c in _load(algorithm, edge) if name in c["name"]]
    return case


def assert_same_value(expected: Any, got: Any, path: str = "state") -> None:
    """Compare one value by the reference rule; the message names the path that differs."""
    if isinstance(expected, bool) or expected is None or isinstance(expected, str):
        assert got == expected and type(got) is type(expected), f"{path}: {got!r} != {expected!r}"
    elif isinstance(expected, (int, float)):
        assert isinstance(got, (int, float)) and not isinstance(got, bool), (
            f"{path}: {got!r} is not a number"
        )
        assert math.isclose(got, expected, rel_tol=0, abs_tol=TOLERANCE), (
            f"{path}: {got!r} != {expected!r}"
        )
    elif isinstance(expected, list):
        assert isinstance(got, list), f"{path}: {type(got).__name__} is not a list"
        assert len(got) == len(expected), f"{path}: length {len(got)} != {len(expected)}"
        for i, (e, g) in enumerate(zip(expected, got)):
            assert_same_value(e, g, f"{path}[{i}]")
    elif isinstance(expected, dict):
        assert isinstance(got, dict), f"{path}: {type(got).__name__} is not a dict"
        assert set(got) == set(expected), f"{path}: keys differ: {sorted(set(got) ^ set(expected))}"
        for key in expected:
            assert_same_value(expected[key], got[key], f"{path}.{key}")
    else:  # pragma: no cover - the reference holds JSON only
        raise TypeError(type(expected))


def assert_matches_reference(
    got: list[dict[str, Any]], expected: list[dict[str, Any]], extra_state: tuple[str, ...] = ()
) -> None:
    """Assert that ``got`` (from eigenvue.steps) matches a recorded list of steps.

    ``extra_state`` names the state keys the algorithm adds beyond Eigenvue's format
    (its metadata's ``extra_state``); they are left out of the comparison.
    """
    assert [s["id"] for s in got] == [s["id"] for s in expected]
    for g, e in zip(got, expected):
        where = f"step {e['index']} ({e['id']})"
        assert g["index"] == e["index"], where
        assert g.get("phase") == e["phase"], f"{where}: phase {g.get('phase')!r} != {e['phase']!r}"
        assert g["isTerminal"] is e["isTerminal"], where
        state = {k: v for k, v in g["state"].items() if k not in extra_state}
        assert_same_value(e["state"], state, f"{where} state")


def assert_reference_trace(algorithm: str, case: dict[str, Any]) -> None:
    """Assert that ``eigenvue.steps`` on the case's inputs matches its recorded steps."""
    extra = tuple(eigenvue.get_algorithm(algorithm).meta.extra_state)
    assert_matches_reference(eigenvue.steps(algorithm, case["inputs"]), case["steps"], extra)
