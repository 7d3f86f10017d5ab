"""The checks behind ``eigenvue check``, which tell whether every plugin is sound.

For each registered algorithm (or the ones asked for):

- the metadata is valid, and every quiz answer is one of its options;
- the defaults and every example run;
- each run's trace holds the step-format invariants: at least one step, exactly
  one terminal step and it is the last, highlighted pseudocode lines exist,
  indices run 0, 1, 2, …, the state is JSON-serialisable (``steps()`` works),
  and a second run gives the identical steps;
- a sample of frames draws, in the light and the dark theme: the first and the last
  step of each run, and the first step of each phase of the algorithm (every frame
  with ``all_frames``);
- related and prerequisite ids name algorithms of the catalogue (an unknown id
  is a warning, not a failure, while the catalogue is being filled in).

Plugins that failed to load, or to register, are failures too.

>>> from eigenvue.checks import check
>>> report = check(["perceptron"], frames=False)
>>> report.ok
True
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from eigenvue.errors import PluginError

if TYPE_CHECKING:
    from eigenvue.algorithm import Algorithm
    from eigenvue.plugins import PluginInfo

Status = Literal["pass", "fail", "warn"]
THEMES = ("light", "dark")

#: Printed after a report that holds unknown-id warnings.
UNKNOWN_IDS_NOTE = (
    "Unknown related or prerequisite ids are warnings, not failures, while the catalogue "
    "is being filled in; their pages show them as plain text."
)


@dataclass(frozen=True)
class Finding:
    """The outcome of one check.

    Attributes
    ----------
    check : str
        What was checked: ``"metadata"``, ``"defaults"``, ``"example 'XOR'"``, ``"frames"``, …
    status : {"pass", "fail", "warn"}
    message : str
        What holds, or what is wrong, in words.
    """

    check: str
    status: Status
    message: str


@dataclass
class Section:
    """The findings about one algorithm, or one plugin that registered none."""

    title: str
    source: str
    findings: list[Finding] = field(default_factory=list)

    def add(self, check: str, status: Status, message: str) -> None:
        """Record a finding."""
        self.findings.append(Finding(check, status, message))


@dataclass
class Report:
    """What ``eigenvue check`` found; ``ok`` when no check failed."""

    sections: list[Section]

    def _count(self, status: Status) -> int:
        return sum(f.status == status for s in self.sections for f in s.findings)

    @property
    def ok(self) -> bool:
        """True when every check passed (warnings allowed)."""
        return self._count("fail") == 0

    @property
    def failures(self) -> list[tuple[str, Finding]]:
        """Every failed check, with the title of its section."""
        return [(s.title, f) for s in self.sections for f in s.findings if f.status == "fail"]

    def format(self, *, unicode: bool | None = None) -> str:
        """The report as text: a block per algorithm, a line per check, then a summary.

        Parameters
        ----------
        unicode : bool, optional
            Mark lines with ✓ ✗ ⚠; otherwise write plain ASCII, with ``ok``, ``FAIL``
            and ``warn``. By default, whether standard output can print them.
        """
        if unicode is None:
            unicode = _can_print("✓✗⚠—·")
        marks = (
            {"pass": "✓", "fail": "✗", "warn": "⚠"}
            if unicode
            else {"pass": "ok  ", "fail": "FAIL", "warn": "warn"}
        )
        lines: list[str] = []
        for section in self.sections:
            lines.append(
                f"{section.title}  ·  {section.source}" if section.source else section.title
            )
            for finding in section.findings:
                lines.append(f"  {marks[finding.status]} {finding.check}: {finding.message}")
            lines.append("")
        algorithms = sum(1 for s in self.sections if not s.title.startswith("plugin "))
        passed, failed, warned = self._count("pass"), self._count("fail"), self._count("warn")
        lines.append(
            f"{algorithms} algorithm{'s' if algorithms != 1 else ''} checked: "
            f"{passed} passed, {failed} failed, {warned} warning{'s' if warned != 1 else ''}."
        )
        if any(f.check in ("related", "prerequisites") for _, f in self._warnings()):
            lines.append(UNKNOWN_IDS_NOTE)
        lines.append("All checks passed." if self.ok else "Some checks FAILED.")
        text = "\n".join(lines)
        if unicode:
            return text
        text = text.replace(" — ", " - ").replace("  ·  ", "  |  ").replace("…", "...")
        return text.encode("ascii", "replace").decode("ascii")

    def _warnings(self) -> list[tuple[str, Finding]]:
        return [(s.title, f) for s in self.sections for f in s.findings if f.status == "warn"]

    def __str__(self) -> str:
        return self.format()

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return {
            "ok": self.ok,
            "sections": [
                {
                    "title": s.title,
                    "source": s.source,
                    "findings": [
                        {"check": f.check, "status": f.status, "message": f.message}
                        for f in s.findings
                    ],
                }
                for s in self.sections
            ],
        }


def _can_print(text: str) -> bool:
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _reason(exc: BaseException) -> str:
    from eigenvue.plugins import _reason as plugin_reason

    return plugin_reason(exc)


def origin(info: PluginInfo) -> str:
    """Where a plugin comes from: ``"eigenvue (built-in)"``, ``"<distribution> <version>"`` or ``""``."""
    if info.builtin:
        return "eigenvue (built-in)"
    if info.distribution:
        return f"{info.distribution} {info.version or ''}".rstrip()
    return ""


def _source(info: PluginInfo | None) -> str:
    if info is None:
        return ""
    where = origin(info)
    return f"plugin {info.name}, from {where}" if where else f"plugin {info.name}"


# -- which frames to draw ------------------------------------------------------------------------

#: The most frames :func:`sample_indices` picks from one trace.
SAMPLE_SIZE = 8


def sample_indices(
    trace: Sequence[Any],
    meta: Any = None,
    *,
    limit: int = SAMPLE_SIZE,
    drawn: set[tuple[str, str]] | None = None,
) -> list[int]:
    """The steps worth drawing to know that a trace's frames draw: a sample, in order.

    The first and the last step, and the first step of each phase; for steps that
    carry no phase, the first step of each declared meaning (``meta.phases`` names
    step ids then), else of each step id. At most ``limit`` steps: a diagram that
    draws one step of a phase draws the others of that phase the same way.

    Parameters
    ----------
    trace : sequence of eigenvue.Step
        The steps.
    meta : eigenvue.Metadata, optional
        The algorithm's metadata, whose ``phases`` group phase-less steps by meaning.
    limit : int
        The largest sample.
    drawn : set, optional
        The phases (as this function names them) drawn already, in another run of the
        same algorithm: their steps are not sampled again, and the phases sampled here
        are added to the set.

    Examples
    --------
    >>> from eigenvue.step import Step
    >>> steps = [Step(id="s", title="t", explanation="e", state={}, lines=(1,), phase=p)
    ...          for p in ["init", "loop", "loop", "loop", "done"]]
    >>> sample_indices(steps)
    [0, 1, 4]
    >>> drawn = set()
    >>> sample_indices(steps, drawn=drawn), sample_indices(steps, drawn=drawn)
    ([0, 1, 4], [0, 4])
    """
    n = len(trace)
    if n == 0:
        return []
    chosen = {0, n - 1}
    seen: set[tuple[str, str]] = set() if drawn is None else drawn
    for index, step in enumerate(trace):
        if step.phase is not None:
            key = ("phase", step.phase)
        else:
            meaning = meta.meaning(None, step.id) if meta is not None else None
            key = ("meaning", meaning) if meaning else ("id", step.id)
        if key not in seen and len(chosen) < limit:
            seen.add(key)
            chosen.add(index)
    return sorted(chosen)


# -- the checks of one algorithm -------------------------------------------------------------


def check_algorithm(
    algorithm: Algorithm,
    known_ids: Iterable[str] = (),
    *,
    frames: bool = True,
    all_frames: bool = False,
    source: str = "",
) -> Section:
    """Run every check on one registered algorithm.

    Parameters
    ----------
    algorithm : eigenvue.Algorithm
        The algorithm.
    known_ids : iterable of str
        The ids of the catalogue, against which related and prerequisite ids are checked.
    frames : bool, default True
        Draw a sample of frames in both themes (see :func:`sample_indices`): each run's
        first and last, and the first step of each phase once for the algorithm.
    all_frames : bool, default False
        Draw every frame of every run instead.
    source : str
        Where the algorithm comes from, for the report.
    """
    meta = algorithm.meta
    section = Section(f"{meta.id} — {meta.name}", source)
    _check_metadata(algorithm, section)
    runs: list[tuple[str, Any]] = [("defaults", None)]
    runs += [(f"example {e.name!r}", e.inputs) for e in meta.examples]
    drawn: set[tuple[str, str]] = set()
    for label, inputs in runs:
        trace = _check_run(algorithm, label, inputs, section)
        if trace is None or not frames:
            continue
        # A sample: each run's first and last step, and the first step of each phase no
        # earlier run of the algorithm has drawn.
        indices = (
            list(range(len(trace))) if all_frames else sample_indices(trace, meta, drawn=drawn)
        )
        _check_frames(trace, label, section, indices, THEMES)
    _check_links(algorithm, set(known_ids), section)
    return section


def _check_metadata(algorithm: Algorithm, section: Section) -> None:
    from eigenvue.metadata import Metadata

    meta = algorithm.meta
    valid = True
    try:
        # Registered metadata was validated on load, unless a plugin built it without validation.
        Metadata.model_validate(meta.model_dump())
    except Exception as exc:
        section.add("metadata", "fail", _reason(exc))
        valid = False
    bad = [
        f"question {n} has correct={q.correct} but {len(q.options)} options"
        for n, q in enumerate(meta.quiz, 1)
        if not 0 <= q.correct < len(q.options)
    ]
    if bad:
        section.add("quiz", "fail", "; ".join(bad) + " (correct is a 0-based index)")
    for n, question in enumerate(meta.quiz, 1):
        if len(set(question.options)) < len(question.options):
            section.add("quiz", "warn", f"question {n} lists the same option twice")
    if valid and not bad:
        section.add(
            "metadata",
            "pass",
            f"valid; {len(meta.examples)} example{'s' if len(meta.examples) != 1 else ''}, "
            f"{len(meta.quiz)} quiz question{'s' if len(meta.quiz) != 1 else ''} "
            "with answers among their options",
        )


def _check_run(algorithm: Algorithm, label: str, inputs: Any, section: Section) -> Any:
    """Run once on the plugin's own output, then twice through the framework; return a trace."""
    from eigenvue.step import Step

    try:
        validated = algorithm.validate(inputs)
        raw = list(algorithm.trace_function(validated))
    except Exception as exc:
        section.add(label, "fail", f"does not run: {_reason(exc)}")
        return None

    problems: list[str] = []
    not_steps = [type(s).__name__ for s in raw if not isinstance(s, Step)]
    if not raw:
        problems.append("the trace has no steps")
    elif not_steps:
        problems.append(f"the trace yields {not_steps[0]} objects, not eigenvue.Step")
    else:
        terminal = [i for i, s in enumerate(raw) if s.is_terminal]
        if terminal != [len(raw) - 1]:
            problems.append(
                f"exactly one terminal step, the last, is required; terminal steps at {terminal} "
                f"of {len(raw)}"
            )
        for i, step in enumerate(raw):
            try:
                algorithm.meta.line_numbers(step.lines)
            except KeyError as exc:
                problems.append(f"step {i} ({step.id}): {exc.args[0]}")
                break
    if problems:
        for problem in problems:
            section.add(label, "fail", problem)
        return None

    try:
        trace = algorithm.run(inputs)
        indices = [s.index for s in trace]
        if indices != list(range(len(trace))):
            section.add(label, "fail", f"step indices are not 0, 1, 2, …: {indices[:8]}")
            return None
        first = json.dumps(trace.to_dicts(), allow_nan=False, sort_keys=True)
    except Exception as exc:
        section.add(label, "fail", f"the steps are not JSON-serialisable: {_reason(exc)}")
        return None
    try:
        second = json.dumps(algorithm.run(inputs).to_dicts(), allow_nan=False, sort_keys=True)
    except Exception as exc:
        section.add(label, "fail", f"a second run fails: {_reason(exc)}")
        return None
    if first != second:
        where = _first_difference(json.loads(first), json.loads(second))
        section.add(label, "fail", f"a second run gives different steps ({where})")
        return None
    section.add(
        label,
        "pass",
        f"{len(trace)} steps; one terminal step, at the end; highlighted lines exist; "
        "JSON-ready; reproducible",
    )
    _check_contract(algorithm, label, raw, section)
    return trace


def _check_contract(algorithm: Algorithm, label: str, raw: list[Any], section: Section) -> None:
    """Warn where steps use the contract's older forms: undeclared phases, line numbers."""
    meta = algorithm.meta
    undeclared = sorted(
        {
            s.phase if s.phase is not None else f"step id {s.id}"
            for s in raw
            if meta.meaning(s.phase, s.id) is None
        }
    )
    if undeclared:
        section.add(
            f"{label} phases",
            "warn",
            f"no meaning declared in [phases] for {', '.join(undeclared)}: "
            "their frames take the muted colour",
        )
    numbered = sorted({s.id for s in raw if any(not isinstance(k, str) for k in s.lines)})
    if numbered:
        section.add(
            f"{label} lines",
            "warn",
            f"steps {', '.join(numbered[:5])} highlight line numbers; name the lines in [lines] "
            "so that editing the pseudocode cannot move a highlight",
        )


def _first_difference(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> str:
    if len(a) != len(b):
        return f"{len(a)} steps, then {len(b)}"
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            keys = sorted(k for k in x.keys() | y.keys() if x.get(k) != y.get(k))
            if keys == ["state"]:
                keys = [
                    f"state.{k}"
                    for k in sorted(x["state"].keys() | y["state"].keys())
                    if x["state"].get(k) != y["state"].get(k)
                ]
            return f"step {i} differs in {', '.join(keys)}"
    return "same steps, different encoding"


def _check_frames(
    trace: Any, label: str, section: Section, indices: list[int], themes: Sequence[str]
) -> None:
    """Draw the steps ``indices`` of ``trace`` in each theme; record one finding."""
    try:
        from eigenvue.drawing.frame import TeachingFrame
    except ImportError:
        section.add(f"{label} frames", "warn", "not checked: this eigenvue cannot draw frames")
        return
    for theme in themes:
        # One teaching frame per trace and theme, stepped through as an export does.
        frame = None
        step = indices[0]
        try:
            frame = TeachingFrame(trace, theme)
            for step in indices:
                frame.show_step(step)
                frame.rgba()
        except Exception as exc:
            section.add(f"{label} frames", "fail", f"{theme}, step {step}: {_reason(exc)}")
            return
        finally:
            if frame is not None:
                frame.figure.clear()
    note = "" if trace.algorithm.frames_ref else " (no frames.py: text and pseudocode only)"
    if len(indices) == len(trace):
        drawn = f"{len(trace)} frame{'s' if len(trace) != 1 else ''} draw"
    else:
        drawn = f"{len(indices)} of {len(trace)} frames (first, last, one per phase) draw"
    where = " and ".join(themes)
    section.add(f"{label} frames", "pass", f"{drawn} in {where}{note}")


def _check_links(algorithm: Algorithm, known: set[str], section: Section) -> None:
    meta = algorithm.meta
    for kind in ("related", "prerequisites"):
        for other in getattr(meta, kind):
            if other == meta.id:
                section.add(kind, "warn", f"{other!r} is this algorithm itself")
            elif other not in known:
                section.add(kind, "warn", f"{other!r} is not in the catalogue (yet)")


# -- the whole registry -------------------------------------------------------------------------

_Task = tuple[str, str, bool, bool]


def _check_one(task: _Task) -> Section:
    """Check one registered algorithm: ``(id, source, frames, all_frames)``."""
    from eigenvue.plugins import get_registry

    algorithm_id, source, frames, all_frames = task
    algorithms = get_registry().algorithms
    return check_algorithm(
        algorithms[algorithm_id],
        algorithms,
        frames=frames,
        all_frames=all_frames,
        source=source,
    )


def _run_all(tasks: list[_Task], jobs: int | None) -> list[Section]:
    """Check each algorithm, in forked worker processes when there are several; in order."""
    import multiprocessing
    import os

    workers = min(jobs or os.cpu_count() or 1, len(tasks))
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [_check_one(task) for task in tasks]
    from concurrent.futures import ProcessPoolExecutor

    # Forked, a worker starts with this process's registry, runtime plugins included.
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(_check_one, tasks))


def check(
    ids: Sequence[str] | None = None,
    *,
    frames: bool = True,
    all_frames: bool = False,
    jobs: int | None = None,
) -> Report:
    """Check the algorithms with these ids (all when ``None`` or empty), and the plugins.

    Plugins that failed to load or to register are failures when every algorithm is
    checked; when only some ids are asked for they are listed as warnings, unless an
    asked-for id is missing.

    Parameters
    ----------
    ids : sequence of str, optional
        Algorithm ids; default every registered algorithm.
    frames : bool, default True
        Draw a sample of frames in both themes: the first and last step of each run
        and the first step of each phase of the algorithm.
    all_frames : bool, default False
        Draw every frame of every run instead.
    jobs : int, optional
        Algorithms checked at once, in worker processes; by default one per CPU. The
        workers are forked, so they see the plugins registered at run time; where
        processes cannot be forked the algorithms are checked one after another.
    """
    import warnings

    from eigenvue.plugins import PluginWarning, get_registry

    with warnings.catch_warnings():
        # Broken plugins are reported below, as findings; the warnings would repeat them.
        warnings.simplefilter("ignore", PluginWarning)
        try:
            registry = get_registry()
        except PluginError as exc:
            section = Section("plugins", "")
            section.add("registry", "fail", str(exc))
            return Report([section])

    by_name = {info.name: info for info in registry.plugins}
    sections: list[Section] = []
    broken = [info for info in registry.plugins if info.error]
    wanted = list(dict.fromkeys(ids or ()))
    unknown = [i for i in wanted if i not in registry.algorithms]
    for missing in unknown:
        section = Section(missing, "")
        hint = " (see the plugins that failed to load, below)" if broken else ""
        section.add("registered", "fail", f"no algorithm has this id{hint}")
        sections.append(section)

    chosen = (
        [i for i in wanted if i in registry.algorithms] if wanted else sorted(registry.algorithms)
    )
    tasks = [
        (i, _source(by_name.get(registry.algorithms[i].plugin or "")), frames, all_frames)
        for i in chosen
    ]
    sections += _run_all(tasks, jobs)

    # Last, next to the summary, where they are hard to miss.
    for info in broken:
        section = Section(f"plugin {info.name}", origin(info))
        status: Status = "fail" if not wanted or unknown else "warn"
        section.add("load", status, f"failed to load or register: {info.error}")
        sections.append(section)
    return Report(sections)
