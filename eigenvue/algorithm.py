"""The Algorithm object a plugin registers: metadata, inputs, trace and frames bound together."""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eigenvue.errors import InputError, TraceError
from eigenvue.inputs import Inputs, validate_inputs
from eigenvue.metadata import Metadata

if TYPE_CHECKING:
    from eigenvue.step import Step, Trace

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

TraceFunction = Callable[[Any], Iterable["Step"]]


def _resolve(reference: str, package: str) -> Any:
    """Import ``"module:attribute"``; a module starting with ``.`` is relative to ``package``."""
    module_name, _, attribute = reference.partition(":")
    module = importlib.import_module(module_name, package=package)
    return getattr(module, attribute) if attribute else module


@dataclass(frozen=True, eq=False)
class Algorithm:
    """An algorithm as eigenvue sees it.

    Build one with :meth:`from_package` in a plugin's ``__init__.py``; the
    implementation (``trace``) and drawing (``frames``) modules are given as
    ``"module:attribute"`` references and imported only when first used, so
    listing the catalogue imports neither numpy-heavy code nor matplotlib.

    Parameters
    ----------
    meta : Metadata
        Validated metadata.
    inputs_model : type[Inputs]
        The pydantic model of the inputs.
    trace_ref : str
        ``"module:function"``; the function takes validated inputs and yields steps.
    frames_ref : str or None
        ``"module:Class"`` of the diagram drawn for each step.
    package : str
        The plugin's package, against which relative references resolve.
    folder : Path or None
        Where the plugin's files live (for the docs' Implementation section).
    source_files : tuple of str
        File names in ``folder`` that make up the implementation, shown on the docs page.
    charts : tuple of (str, str)
        ``(title, "module:function")`` pairs: figures about the algorithm as a whole
        (e.g. its cost measured against n log n), shown on its docs page. The function
        takes a :class:`~eigenvue.drawing.Theme` and returns a matplotlib ``Figure``.
    """

    meta: Metadata
    inputs_model: type[Inputs]
    trace_ref: str
    frames_ref: str | None = None
    package: str = ""
    folder: Path | None = None
    source_files: tuple[str, ...] = ()
    charts: tuple[tuple[str, str], ...] = ()
    plugin: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if not (isinstance(self.inputs_model, type) and issubclass(self.inputs_model, Inputs)):
            raise TypeError(f"{self.meta.id}: inputs_model must be a subclass of eigenvue.Inputs")
        # The defaults and every example must be valid inputs: a broken example is a
        # plugin bug, reported when the plugin loads rather than when a user clicks it.
        for label, data in [("defaults", self.meta.defaults)] + [
            (f"example {e.name!r}", e.inputs) for e in self.meta.examples
        ]:
            try:
                validate_inputs(self.inputs_model, data, self.meta.id)
            except InputError as exc:
                raise ValueError(f"{self.meta.id}: {label} are not valid inputs: {exc}") from None

    # -- construction --------------------------------------------------------

    @classmethod
    def from_package(
        cls,
        package: str,
        *,
        meta: str = "meta.toml",
        inputs: str = ".inputs:Inputs",
        trace: str = ".trace:trace",
        frames: str | None = ".frames:Diagram",
        source_files: Iterable[str] | None = None,
        charts: Iterable[tuple[str, str]] = (),
    ) -> Algorithm:
        """Build an Algorithm from the conventional plugin folder layout.

        Parameters
        ----------
        package : str
            The plugin package's ``__name__``.
        meta : str
            The metadata file, relative to the package folder.
        inputs, trace, frames : str
            ``"module:attribute"`` references, relative to ``package`` when they start with ``.``.
        source_files : iterable of str, optional
            Implementation files for the docs page; by default every ``.py`` file of
            the folder except ``__init__.py``, ``inputs.py`` and ``frames.py``.
        charts : iterable of (str, str), optional
            ``(title, "module:function")`` of whole-algorithm figures for the docs page.
        """
        module = sys.modules.get(package) or importlib.import_module(package)
        folder = Path(module.__file__ or "").parent
        with open(folder / meta, "rb") as handle:
            metadata = Metadata.model_validate(tomllib.load(handle))
        if source_files is None:
            skip = {"__init__.py", "inputs.py", "frames.py"}
            own = sorted(p.name for p in folder.glob("*.py") if p.name not in skip)
            source_files = own + _shared_modules(folder, own)
        return cls(
            meta=metadata,
            inputs_model=_resolve(inputs, package),
            trace_ref=trace,
            frames_ref=frames if frames and (folder / _module_file(frames)).exists() else None,
            package=package,
            folder=folder,
            source_files=tuple(source_files),
            charts=tuple(charts),
        )

    # -- convenience ---------------------------------------------------------

    @property
    def id(self) -> str:
        """The algorithm id."""
        return self.meta.id

    @cached_property
    def trace_function(self) -> TraceFunction:
        """The implementation's trace function, imported on first use."""
        return _resolve(self.trace_ref, self.package)

    def chart_functions(self) -> list[tuple[str, Callable[[Any], Any]]]:
        """The whole-algorithm charts as ``(title, function)``, imported on use."""
        return [(title, _resolve(ref, self.package)) for title, ref in self.charts]

    @cached_property
    def diagram_class(self) -> Any:
        """The frame generator's diagram class, imported on first use (imports matplotlib)."""
        if self.frames_ref is None:
            raise LookupError(f"{self.id} has no frame generator")
        return _resolve(self.frames_ref, self.package)

    def validate(self, inputs: Any = None) -> Inputs:
        """Validate user inputs; ``None`` means the metadata defaults."""
        if isinstance(inputs, self.inputs_model):
            return inputs
        data = self.meta.defaults if inputs is None else inputs
        return validate_inputs(self.inputs_model, data, self.id)

    def run(self, inputs: Any = None) -> Trace:
        """Validate the inputs, run the implementation and check the trace's invariants."""
        from eigenvue.step import Trace

        validated = self.validate(inputs)
        raw = list(self.trace_function(validated))
        steps = [
            s.model_copy(update={"index": i, "lines": self._line_numbers(s)})
            for i, s in enumerate(raw)
        ]
        self._check(steps)
        return Trace(self, validated, steps)

    def _line_numbers(self, step: Step) -> tuple[int, ...]:
        try:
            return self.meta.line_numbers(step.lines)
        except KeyError as exc:
            raise TraceError(f"step {step.id!r}: {exc.args[0]}") from None

    def _check(self, steps: list[Step]) -> None:
        if not steps:
            raise TraceError(f"{self.id} produced zero steps")
        terminal = [s.index for s in steps if s.is_terminal]
        if terminal != [len(steps) - 1]:
            raise TraceError(
                f"{self.id} must end with exactly one terminal step; terminal steps at {terminal}"
            )
        n_lines = len(self.meta.pseudocode_lines)
        for step in steps:
            bad = [line for line in step.lines if not 1 <= int(line) <= n_lines]
            if bad:
                raise TraceError(
                    f"{self.id} step {step.index} ({step.id}) highlights pseudocode lines "
                    f"{bad}, but the pseudocode has {n_lines} lines"
                )


#: ``from ..name import …`` or ``from .. import name``: a module the plugin shares with
#: the other plugins of its category.
_SHARED_IMPORT = re.compile(r"^from \.\.(?:(\w+) import|\s*import (\w+))", re.MULTILINE)


def _shared_modules(folder: Path, own: list[str]) -> list[str]:
    """The category-level modules (``../name.py``) that the plugin's own files import.

    They are part of what the algorithm runs, so its page shows them beside its own
    files. Read as text: listing the catalogue must not import the implementation.
    """
    shared: set[str] = set()
    for name in own:
        for match in _SHARED_IMPORT.finditer((folder / name).read_text(encoding="utf-8")):
            module = match.group(1) or match.group(2)
            if (folder.parent / f"{module}.py").is_file():
                shared.add(f"../{module}.py")
    return sorted(shared)


def _module_file(reference: str) -> str:
    module = reference.partition(":")[0]
    return module.lstrip(".").replace(".", "/") + ".py"
