"""`eigenvue check`: each invariant caught when broken, load failures, the report and exit status.

Every broken plugin here is the fixture algorithm's metadata and inputs (tests/fixture_plugin)
with one thing broken on purpose, registered at run time; the check must name it.
"""

import itertools

import pytest

import eigenvue
from eigenvue import checks, plugins
from eigenvue.checks import Section, check, sample_indices
from eigenvue.cli import main
from eigenvue.drawing import Diagram
from eigenvue.step import Step
from tests.fixture_plugin import ID as BASE


def _step(id="s", *, lines="init", phase="setup", terminal=False, **state):
    return Step(
        id=id,
        title="A step",
        explanation="Something happens.",
        state=state or {"x": 1},
        lines=lines,
        phase=phase,
        is_terminal=terminal,
    )


# Trace functions, each breaking one invariant (they ignore their inputs).


def fine(inputs):
    yield _step("a")
    yield _step("b", terminal=True)


def two_terminal_steps(inputs):
    yield _step("a", terminal=True)
    yield _step("b", terminal=True)


def no_terminal_step(inputs):
    yield _step("a")
    yield _step("b")


def line_beyond_the_pseudocode(inputs):
    yield _step("a", lines=(1, 99))
    yield _step("b", terminal=True)


def no_steps(inputs):
    return iter(())


def not_json(inputs):
    yield _step("a", x=float("nan"))
    yield _step("b", terminal=True)


def raises(inputs):
    raise ZeroDivisionError("division by zero on purpose")


_counter = itertools.count()


def different_every_run(inputs):
    yield _step("a", x=next(_counter))
    yield _step("b", terminal=True)


class BreaksAtStep2(Diagram):
    """A diagram whose update fails on the third step."""

    def __init__(self, fig, trace, theme):
        super().__init__(fig, trace, theme)
        self.ax = fig.add_subplot()
        (self.line,) = self.ax.plot([0, 1], [0, 1], color=theme.forward)

    def update(self, step):
        if step.index == 2:
            raise KeyError("weights")
        self.line.set_ydata([0, step.index])


class BreaksAtStep3(BreaksAtStep2):
    """A diagram whose update fails on the fourth step."""

    def update(self, step):
        if step.index == 3:
            raise KeyError("weights")
        self.line.set_ydata([0, step.index])


def six_steps_one_phase_in_the_middle(inputs):
    yield _step("a", phase="setup")
    for _ in range(4):
        yield _step("b", phase="add")
    yield _step("c", phase="result", terminal=True)


def old_style(inputs):
    yield _step("a", lines=(1,), phase=None)
    yield _step("b", lines="add", phase="sum")
    yield _step("c", terminal=True)


def three_steps(inputs):
    yield _step("a")
    yield _step("b")
    yield _step("c", terminal=True)


def _algorithm(new_id, trace, frames=None, **meta_changes):
    base = eigenvue.get_algorithm(BASE)
    meta = base.meta.model_copy(update={"id": new_id, "examples": [], **meta_changes})
    return eigenvue.Algorithm(
        meta=meta,
        inputs_model=base.inputs_model,
        trace_ref=f"tests.test_check:{trace}",
        frames_ref=f"tests.test_check:{frames}" if frames else None,
        package=base.package,
    )


@pytest.fixture
def register(fixture_algorithm):
    """Register algorithms at run time, under a plugin named after the test; removed after."""
    pm = plugins.get_plugin_manager()
    names = []

    def add(*algorithms, name="check-test"):
        class Plugin:
            @eigenvue.hookimpl
            def register_algorithms(self, register):
                for algorithm in algorithms:
                    register(algorithm)

        pm.register(Plugin(), name=name)
        names.append(name)

    try:
        yield add
    finally:
        for name in names:
            pm.unregister(name=name)


def _no_findings(algorithm, known_ids=(), **options):
    return Section(f"{algorithm.id} — {algorithm.meta.name}", "")


def _failures(report):
    return [f"{f.check}: {f.message}" for _, f in report.failures]


# -- each invariant --------------------------------------------------------------------------


def test_a_sound_plugin_passes_with_a_line_per_run(register):
    register(_algorithm("check-fine", "fine"))
    report = check(["check-fine"], frames=False)
    assert report.ok, report.format()
    (section,) = report.sections
    assert [f.check for f in section.findings] == ["metadata", "defaults"]


@pytest.mark.parametrize(
    ("trace", "needle"),
    [
        ("two_terminal_steps", "terminal steps at [0, 1]"),
        ("no_terminal_step", "terminal steps at []"),
        ("line_beyond_the_pseudocode", "highlights line 99"),
        ("no_steps", "no steps"),
        ("not_json", "not JSON-serialisable"),
        ("raises", "ZeroDivisionError: division by zero on purpose"),
        ("different_every_run", "second run gives different steps (step 0 differs in state.x)"),
    ],
)
def test_each_broken_invariant_fails_and_is_named(register, trace, needle):
    register(_algorithm("check-broken", trace))
    report = check(["check-broken"], frames=False)
    assert not report.ok
    failures = _failures(report)
    assert len(failures) == 1 and failures[0].startswith("defaults: ")
    assert needle in failures[0]


def test_line_numbers_and_undeclared_phases_are_warnings(register):
    register(_algorithm("check-old-style", "old_style"))
    report = check(["check-old-style"], frames=False)
    assert report.ok
    warned = {f.check: f.message for f in report.sections[0].findings if f.status == "warn"}
    assert warned == {
        "defaults phases": "no meaning declared in [phases] for step id a, sum: "
        "their frames take the muted colour",
        "defaults lines": "steps a highlight line numbers; name the lines in [lines] so that "
        "editing the pseudocode cannot move a highlight",
    }


def test_every_example_is_run_and_reported_by_name(register):
    base = eigenvue.get(BASE)
    register(_algorithm("check-examples", "fine", examples=base.examples))
    report = check(["check-examples"], frames=False)
    labels = [f.check for f in report.sections[0].findings]
    assert labels == ["metadata", "defaults"] + [f"example {e.name!r}" for e in base.examples]


def test_a_frame_that_fails_names_the_theme_and_the_step(register):
    register(_algorithm("check-frames", "three_steps", frames="BreaksAtStep2"))
    report = check(["check-frames"])
    failures = _failures(report)
    assert len(failures) == 1
    assert failures[0].startswith("defaults frames: light, step 2: KeyError")


def test_frames_that_draw_pass_in_both_themes(register):
    register(_algorithm("check-frames-ok", "fine", frames="BreaksAtStep2"))  # two steps only
    report = check(["check-frames-ok"])
    assert report.ok, report.format()
    assert "2 frames draw in light and dark" in report.format()


def test_by_default_a_sample_of_frames_is_drawn_and_all_frames_draws_every_one(register, capsys):
    register(
        _algorithm("check-sample", "six_steps_one_phase_in_the_middle", frames="BreaksAtStep3")
    )
    report = check(["check-sample"])
    assert report.ok, report.format()
    assert "3 of 6 frames (first, last, one per phase) draw in light and dark" in report.format()
    failures = _failures(check(["check-sample"], all_frames=True))
    assert len(failures) == 1
    assert failures[0].startswith("defaults frames: light, step 3: KeyError: 'weights'")
    assert main(["check", "check-sample"]) == 0
    assert main(["check", "check-sample", "--all-frames"]) == 1
    assert "step 3: KeyError" in capsys.readouterr().out


def _steps(*pairs):
    return [Step(id=i, title="t", explanation="e", state={}, lines=(1,), phase=p) for p, i in pairs]


def test_the_sample_is_the_first_the_last_and_the_first_of_each_phase():
    steps = _steps(("init", "s"), *[("loop", "s")] * 5, ("swap", "s"), ("loop", "s"), ("end", "s"))
    assert sample_indices(steps) == [0, 1, 6, 8]


def test_phase_less_steps_are_sampled_by_their_declared_meaning(fixture_algorithm):
    meta = fixture_algorithm.meta.model_copy(
        update={"phases": {"cmp": "compare", "cmp-equal": "compare", "swap": "update"}}
    )
    steps = _steps((None, "cmp"), (None, "cmp-equal"), (None, "swap"), (None, "cmp"), (None, "x"))
    assert sample_indices(steps, meta) == [0, 2, 4]
    # Without the metadata, each step id is its own group.
    assert sample_indices(steps) == [0, 1, 2, 4]


def test_the_sample_has_a_limit():
    steps = _steps(*[(f"phase-{k}", "s") for k in range(30)])
    assert sample_indices(steps, limit=5) == [0, 1, 2, 3, 29]
    assert sample_indices([]) == []


def test_a_quiz_answer_out_of_range_fails(register):
    base = eigenvue.get(BASE)
    question = base.quiz[0].model_construct(**{**base.quiz[0].__dict__, "correct": 7})
    register(_algorithm("check-quiz", "fine", quiz=[question]))
    failures = _failures(check(["check-quiz"], frames=False))
    assert any(f.startswith("quiz: question 1 has correct=7 but") for f in failures)


def test_unknown_related_ids_warn_and_do_not_fail(register):
    register(
        _algorithm("check-links", "fine", related=["no-such-thing", BASE], prerequisites=["nope"])
    )
    report = check(["check-links"], frames=False)
    assert report.ok
    warnings = [(f.check, f.message) for f in report.sections[0].findings if f.status == "warn"]
    assert warnings == [
        ("related", "'no-such-thing' is not in the catalogue (yet)"),
        ("prerequisites", "'nope' is not in the catalogue (yet)"),
    ]
    assert "while the catalogue is being filled in" in report.format()


# -- plugins that fail, unknown ids, the command ------------------------------------------------


@pytest.fixture
def broken_import(monkeypatch):
    """A third-party plugin whose module raised on import, as the loader records it."""

    def failing_import():
        raise ImportError("No module named 'quantum_magic'")

    info = plugins.PluginInfo("broken-demo", distribution="eigenvue-broken-demo", version="0.3")
    monkeypatch.setattr(plugins, "_load_errors", {})
    monkeypatch.setattr(plugins, "_registry", None)  # rebuild, to pick the failure up
    with pytest.warns(plugins.PluginWarning):
        plugins._load(plugins.get_plugin_manager(), "broken-demo", failing_import, info)
    yield
    monkeypatch.setattr(plugins, "_registry", None)


def test_a_plugin_that_failed_to_load_fails_the_full_check(broken_import, monkeypatch):
    # Only the failure is under test: checking every algorithm's runs is the registry tests' job.
    monkeypatch.setattr(checks, "check_algorithm", _no_findings)
    report = check(frames=False)
    assert not report.ok
    (failure,) = _failures(report)
    assert failure.startswith("load: failed to load or register: ImportError")
    assert "quantum_magic" in failure
    text = report.format()
    assert "plugin broken-demo  ·  eigenvue-broken-demo 0.3" in text
    # Everything else was checked, and passed.
    checked = {s.title.split(" — ")[0] for s in report.sections}
    assert {i.id for i in eigenvue.list()} <= checked


def test_checking_named_ids_lists_load_failures_as_warnings(fixture_algorithm, broken_import):
    report = check([BASE], frames=False)
    assert report.ok
    assert any(
        f.status == "warn" and f.check == "load" for s in report.sections for f in s.findings
    )


def test_an_unknown_id_fails(broken_import):
    report = check(["no-such-algorithm"], frames=False)
    assert not report.ok
    failures = _failures(report)
    assert "registered: no algorithm has this id (see the plugins that failed" in failures[0]
    assert failures[1].startswith("load: failed to load")


def test_the_command_exits_0_when_all_hold_and_1_otherwise(register, capsys):
    assert main(["check", BASE, "--no-frames"]) == 0
    out = capsys.readouterr().out
    assert "All checks passed." in out and "✗" not in out
    register(_algorithm("check-cli", "two_terminal_steps"))
    assert main(["check", BASE, "check-cli", "--no-frames"]) == 1
    out = capsys.readouterr().out
    assert "✗ defaults: exactly one terminal step" in out
    assert out.rstrip().endswith("Some checks FAILED.")


def test_the_report_has_an_ascii_form(register):
    register(_algorithm("check-ascii", "no_terminal_step"))
    text = check(["check-ascii"], frames=False).format(unicode=False)
    assert "  FAIL defaults: " in text and "  ok   metadata: " in text
    assert text.isascii() and "check-ascii - Running Sum (test fixture)" in text


def test_json_report_round_trips(register, capsys):
    import json

    register(_algorithm("check-json", "fine"))
    assert main(["check", "check-json", "--no-frames", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is True
    assert [f["check"] for f in data["sections"][0]["findings"]] == ["metadata", "defaults"]


def test_each_phase_is_drawn_once_per_algorithm(fixture_algorithm):
    (section,) = check([BASE]).sections
    messages = {f.check: f.message for f in section.findings}
    # Defaults [3, 1, 2]: start, add ×3, done; the first add is the add phase's frame.
    assert (
        messages["defaults frames"]
        == "3 of 5 frames (first, last, one per phase) draw in light and dark"
    )
    # The examples' phases were drawn with the defaults: their first and last steps only.
    assert messages["example 'Negative values' frames"].startswith("2 of 5 frames")
    assert messages["example 'Negative values' frames"].endswith("draw in light and dark")
    assert messages["example 'One value' frames"].startswith("2 of 3 frames")


def test_worker_processes_give_the_same_report_in_the_same_order(register):
    register(_algorithm("check-b", "fine"), _algorithm("check-a", "two_terminal_steps"))
    ids = ["check-b", BASE, "check-a"]
    alone = check(ids, frames=False, jobs=1).to_dict()
    assert check(ids, frames=False, jobs=2).to_dict() == alone
    assert [s["title"].split(" — ")[0] for s in alone["sections"]] == ids
