"""Every registered algorithm, held to the same rules: one module, parametrized over the registry.

A plugin that registers is tested here with no edit to this file:

- every recorded Eigenvue 1.0.2 case (``tests/reference/eigenvue-1.0.2*/<id>.json``) gives
  the same steps (the metadata's ``extra_state`` keys left out), and every recorded
  ``ERROR:`` case raises ``ValueError``;
- the ``REFUSALS`` rows of the plugin's test module are refused naming their input;
- each input left out alone takes its default and the algorithm runs;
- the metadata's ``[defaults]`` are the Inputs model's defaults;
- the defaults and every example run, reproducibly, to JSON-ready steps whose phases
  (or, for phase-less steps, step ids) have a declared meaning and whose pseudocode
  lines are named;
- a sample of frames (first, last, one per phase) draws a non-blank diagram in both themes;
- ``eigenvue check <id>`` passes.

The plugin's own test module, ``tests/algorithms/<category>/test_<name>.py`` (named after
the plugin's package ``algorithms.<category>.<name>``), holds its independent checks and
may declare, as module constants:

``REFUSALS: list[tuple[dict, str]]``
    Bad inputs and the name of the input the ``eigenvue.InputError`` must name.
``DEVIATIONS: dict[str, str]``
    Recorded case name → name of the test (in that module) that checks the correct
    behaviour where Eigenvue 1.0.2 is wrong; the case is skipped here.
``FALLBACKS: dict[str, str]``
    Input name → why the value a missing key takes differs from the metadata's
    ``[defaults]`` (Eigenvue's own defaults and missing-key fallbacks differ for a few
    inputs, e.g. the seed of its networks).
"""

from __future__ import annotations

import importlib
import json
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest
from pydantic_core import to_jsonable_python

import eigenvue
from eigenvue.plugins import PluginWarning, get_registry
from tests.reference import assert_reference_trace, recorded_cases
from tests.refusals import assert_refused, short_repr

TESTS = Path(__file__).parent
THEMES = ("light", "dark")


# -- what the registry holds, read once at collection time ------------------------------------


@dataclass
class Plugin:
    """A registered algorithm and what its own test module declares for the tests here."""

    id: str
    module_name: str | None = None
    module: ModuleType | None = None
    import_error: str | None = None
    refusals: list[tuple[dict[str, Any], str]] = field(default_factory=list)
    deviations: dict[str, str] = field(default_factory=dict)
    fallbacks: dict[str, str] = field(default_factory=dict)


def _test_module_name(algorithm: eigenvue.Algorithm) -> str | None:
    """``tests.algorithms.<category>.test_<name>`` for a built-in ``algorithms.<category>.<name>``."""
    parts = algorithm.package.split(".")
    if len(parts) != 3 or parts[0] != "algorithms":
        return None
    path = TESTS / "algorithms" / parts[1] / f"test_{parts[2]}.py"
    return f"tests.algorithms.{parts[1]}.test_{parts[2]}" if path.exists() else None


def _plugin(algorithm: eigenvue.Algorithm) -> Plugin:
    plugin = Plugin(algorithm.id, _test_module_name(algorithm))
    if plugin.module_name is None:
        return plugin
    try:
        plugin.module = importlib.import_module(plugin.module_name)
    except Exception as exc:  # reported by test_the_test_module_imports_and_...
        plugin.import_error = f"{type(exc).__name__}: {exc}"
        return plugin
    plugin.refusals = list(getattr(plugin.module, "REFUSALS", []))
    plugin.deviations = dict(getattr(plugin.module, "DEVIATIONS", {}))
    plugin.fallbacks = dict(getattr(plugin.module, "FALLBACKS", {}))
    return plugin


def _collect() -> tuple[dict[str, Plugin], str | None]:
    """The plugins by algorithm id, and why the registry could not be built, if it could not."""
    with warnings.catch_warnings():
        # A plugin that fails to load is a failure of test_every_plugin_loads, below.
        warnings.simplefilter("ignore", PluginWarning)
        try:
            algorithms = get_registry().algorithms
        except eigenvue.PluginError as exc:
            return {}, str(exc)
    return {i: _plugin(algorithms[i]) for i in sorted(algorithms)}, None


PLUGINS, REGISTRY_ERROR = _collect()
IDS = list(PLUGINS)


def _inputs(algorithm_id: str) -> dict[str, tuple[str, Any]]:
    """Each input by the name users write (a field's alias, else its name): (field name, field)."""
    fields = eigenvue.get_algorithm(algorithm_id).inputs_model.model_fields
    return {(f.alias or name): (name, f) for name, f in fields.items()}


def _runs(algorithm_id: str) -> list[tuple[str, dict[str, Any] | None]]:
    """The defaults (``None``) and every example, by name."""
    meta = eigenvue.get(algorithm_id)
    return [("defaults", None)] + [(f"example {e.name}", e.inputs) for e in meta.examples]


def _params(rows: list[tuple[Any, ...]], name: Any) -> list[Any]:
    return [pytest.param(*row, id=name(row)) for row in rows]


REFERENCE = [(i, case) for i in IDS for case in recorded_cases(i)]
TRACE_CASES = _params(
    [r for r in REFERENCE if "error" not in r[1]], lambda r: f"{r[0]}:{r[1]['name']}"
)
ERROR_CASES = _params([r for r in REFERENCE if "error" in r[1]], lambda r: f"{r[0]}:{r[1]['name']}")
REFUSALS = _params(
    [(i, inputs, name) for i in IDS for inputs, name in PLUGINS[i].refusals],
    lambda r: f"{r[0]}:{r[2]}:{short_repr(r[1])}",
)
INPUT_NAMES = _params(
    [(i, name) for i in IDS for name in _inputs(i)],
    lambda r: f"{r[0]}:{r[1]}",
)
RUNS = _params(
    [(i, label, inputs) for i in IDS for label, inputs in _runs(i)], lambda r: f"{r[0]}:{r[1]}"
)
WITH_FRAMES = [i for i in IDS if eigenvue.get_algorithm(i).frames_ref is not None]


def _deviation(algorithm_id: str, case_name: str) -> None:
    """Skip a recorded case the plugin declares a deliberate deviation from."""
    plugin = PLUGINS[algorithm_id]
    test = plugin.deviations.get(case_name)
    if test is not None:
        assert plugin.module is not None and callable(getattr(plugin.module, test, None)), (
            f"DEVIATIONS names {test!r}, which {plugin.module_name} does not define"
        )
        pytest.skip(f"deliberate deviation from Eigenvue 1.0.2, checked by {test}")


# -- the plugins load, and their test modules declare what they mean -------------------------


def test_every_plugin_loads():
    assert REGISTRY_ERROR is None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PluginWarning)
        broken = {info.name: info.error for info in get_registry().plugins if info.error}
    assert not broken


@pytest.mark.parametrize("algorithm_id", [i for i in IDS if PLUGINS[i].module_name])
def test_the_test_module_imports_and_its_declarations_are_well_formed(algorithm_id):
    plugin = PLUGINS[algorithm_id]
    assert plugin.import_error is None, f"{plugin.module_name}: {plugin.import_error}"
    for row in plugin.refusals:
        inputs, name = row
        assert isinstance(inputs, dict) and isinstance(name, str), f"REFUSALS row {row!r}"
    names = {case["name"] for case in recorded_cases(algorithm_id)}
    unknown = sorted(set(plugin.deviations) - names)
    assert not unknown, f"DEVIATIONS names cases that are not recorded: {unknown}"
    unknown_inputs = sorted(set(plugin.fallbacks) - set(_inputs(algorithm_id)))
    assert not unknown_inputs, f"FALLBACKS names inputs that do not exist: {unknown_inputs}"


# -- Eigenvue 1.0.2's recorded traces -----------------------------------------------------------


@pytest.mark.parametrize(("algorithm_id", "case"), TRACE_CASES)
def test_matches_the_recorded_trace(algorithm_id, case):
    _deviation(algorithm_id, case["name"])
    assert_reference_trace(algorithm_id, case)


@pytest.mark.parametrize(("algorithm_id", "case"), ERROR_CASES)
def test_recorded_errors_are_value_errors(algorithm_id, case):
    _deviation(algorithm_id, case["name"])
    with pytest.raises(ValueError):
        eigenvue.steps(algorithm_id, case["inputs"])


# -- inputs ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("algorithm_id", "inputs", "name"), REFUSALS)
def test_declared_refusals_name_the_input(algorithm_id, inputs, name):
    assert_refused(algorithm_id, inputs, name)


def _plain(value: Any) -> Any:
    """A value as JSON data (tuples, models and arrays as lists and dicts), to compare by value."""
    return to_jsonable_python(value, fallback=lambda v: np.asarray(v).tolist())


@pytest.mark.parametrize(("algorithm_id", "name"), INPUT_NAMES)
def test_an_input_left_out_takes_its_default_and_runs(algorithm_id, name):
    algorithm = eigenvue.get_algorithm(algorithm_id)
    inputs = {k: v for k, v in algorithm.meta.defaults.items() if k != name}
    if _inputs(algorithm_id)[name][1].is_required():
        assert_refused(algorithm_id, inputs, name)
    else:
        assert len(algorithm.run(inputs)) >= 1


@pytest.mark.parametrize("algorithm_id", IDS)
def test_the_metadata_defaults_are_the_models_defaults(algorithm_id):
    algorithm = eigenvue.get_algorithm(algorithm_id)
    inputs = _inputs(algorithm_id)
    defaults = algorithm.meta.defaults
    required = sorted(n for n, (_, f) in inputs.items() if f.is_required() and n not in defaults)
    assert not required, f"required inputs without a value in [defaults]: {required}"
    given = algorithm.validate(defaults)
    fallbacks = PLUGINS[algorithm_id].fallbacks
    differ, stale = {}, []
    for name in defaults:
        field_name, field_info = inputs[name]
        if field_info.is_required():
            continue
        # The value a missing key takes, read through the model as the [defaults] value is.
        left_out = algorithm.validate({k: v for k, v in defaults.items() if k != name})
        taken = _plain(getattr(left_out, field_name))
        meta = _plain(getattr(given, field_name))
        if name in fallbacks and taken == meta:
            stale.append(name)
        elif name not in fallbacks and taken != meta:
            differ[name] = (meta, taken)
    assert not differ, f"[defaults] value, value of a missing key: {differ}"
    assert not stale, (
        f"FALLBACKS lists inputs whose missing key takes the [defaults] value: {stale}"
    )


# -- runs: the defaults and every example ---------------------------------------------------------


@pytest.mark.parametrize(("algorithm_id", "label", "inputs"), RUNS)
def test_runs_are_json_ready_and_reproducible(algorithm_id, label, inputs):
    first = eigenvue.steps(algorithm_id, inputs)
    text = json.dumps(first, allow_nan=False)
    assert json.loads(text) == first
    assert eigenvue.steps(algorithm_id, inputs) == first


@pytest.mark.parametrize(("algorithm_id", "label", "inputs"), RUNS)
def test_every_step_has_a_declared_meaning_and_named_lines(algorithm_id, label, inputs):
    algorithm = eigenvue.get_algorithm(algorithm_id)
    meta = algorithm.meta
    raw = list(algorithm.trace_function(algorithm.validate(inputs)))
    undeclared = sorted(
        {
            s.phase if s.phase is not None else f"step id {s.id}"
            for s in raw
            if meta.meaning(s.phase, s.id) is None
        }
    )
    assert not undeclared, f"phases with no meaning in [phases]: {undeclared}"
    numbered = sorted({s.id for s in raw if any(not isinstance(k, str) for k in s.lines)})
    assert not numbered, f"steps highlighting line numbers, not [lines] names: {numbered}"
    n = len(meta.pseudocode_lines)
    for step in algorithm.run(inputs):
        assert step.lines and all(1 <= k <= n for k in step.lines), step.id


# -- frames -----------------------------------------------------------------------------------------


def _blank(image: np.ndarray) -> bool:
    """Whether fewer than 1 % of the pixels differ from the commonest colour."""
    rgb = image[..., :3].astype(np.uint32)
    packed = (rgb[..., 0] << 16 | rgb[..., 1] << 8 | rgb[..., 2]).ravel()
    return np.bincount(np.unique(packed, return_inverse=True)[1]).max() > 0.99 * packed.size


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("algorithm_id", WITH_FRAMES)
def test_a_sample_of_frames_draws_a_diagram(algorithm_id, theme):
    from eigenvue.checks import sample_indices
    from tests.frames_check import draw_diagram

    trace = eigenvue.trace(algorithm_id)
    indices = sample_indices(trace, trace.algorithm.meta)
    _, images = draw_diagram(trace, theme, indices, dpi=40)
    blank = [i for i, image in zip(indices, images) if _blank(image)]
    assert not blank, f"steps whose diagram is blank: {blank}"


@pytest.mark.parametrize("algorithm_id", IDS)
def test_every_algorithm_has_a_frame_generator(algorithm_id):
    assert eigenvue.get_algorithm(algorithm_id).frames_ref is not None


# -- eigenvue check -----------------------------------------------------------------------------------


@pytest.mark.parametrize("algorithm_id", IDS)
def test_eigenvue_check_passes(algorithm_id):
    from eigenvue.checks import check

    report = check([algorithm_id])
    assert report.ok, "\n".join(f"{f.check}: {f.message}" for _, f in report.failures)
