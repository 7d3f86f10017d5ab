"""Steps and traces: the data every algorithm produces and every view reads."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

from pydantic import BaseModel, ConfigDict, Field, field_validator

from eigenvue.jsonify import JsonConverter

if TYPE_CHECKING:
    from eigenvue.algorithm import Algorithm
    from eigenvue.inputs import Inputs

STEP_ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"


class Step(BaseModel):
    """One snapshot of an algorithm at work.

    ``state`` may hold numpy arrays; arrays that did not change between steps
    are the same objects in both steps (never copied), so a long trace of a
    large network stays small. Treat a step's state as read-only.

    Attributes
    ----------
    id : str
        The step template id (``"forward-layer-1"``); not unique within a trace.
    title, explanation : str
        A short heading and the narration of what happens at this step.
    state : dict
        The algorithm's variables at this step, by the names of the Eigenvue step format.
    phase : str or None
        A grouping label (``"forward"``, ``"backward"``); ``None`` for none.
    lines : str or tuple of str
        The named pseudocode lines this step is at (names declared in the
        metadata's ``[lines]`` table). :meth:`eigenvue.Algorithm.run` replaces
        them by their 1-based line numbers, which is what a trace's steps hold.
    is_terminal : bool
        True on the last step only.
    visual_actions : list of dict
        Eigenvue's rendering hints (``{"type": "activateNeuron", ...}``), kept for compatibility.
    index : int
        Position in the trace; assigned by the framework.
    """

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    @field_validator("lines", mode="before")
    @classmethod
    def _one_name_is_a_tuple(cls, lines: Any) -> Any:
        return (lines,) if isinstance(lines, (str, int)) else lines

    id: str = Field(pattern=STEP_ID_PATTERN)
    title: str = Field(min_length=1)
    explanation: str = Field(min_length=1)
    state: dict[str, Any]
    phase: str | None = None
    lines: tuple[int | str, ...] = Field(min_length=1)
    is_terminal: bool = False
    visual_actions: list[dict[str, Any]] = Field(default_factory=list)
    index: int = -1

    def to_dict(self, converter: JsonConverter | None = None) -> dict[str, Any]:
        """This step as a plain dict in the Eigenvue 1.0.2 step format (JSON-ready)."""
        convert = converter or JsonConverter()
        out: dict[str, Any] = {
            "index": self.index,
            "id": self.id,
            "title": self.title,
            "explanation": self.explanation,
            "state": convert(self.state),
            "visualActions": convert(self.visual_actions),
            "codeHighlight": {"language": "pseudocode", "lines": list(self.lines)},
            "isTerminal": self.is_terminal,
        }
        if self.phase is not None:
            out["phase"] = self.phase
        return out


class Trace(Sequence[Step]):
    """The steps of one run of an algorithm on validated inputs.

    A read-only sequence of :class:`Step`. In a notebook it displays as the
    step-through player.
    """

    def __init__(self, algorithm: Algorithm, inputs: Inputs, steps: Sequence[Step]) -> None:
        self.algorithm = algorithm
        self.inputs = inputs
        self._steps = tuple(steps)

    @overload
    def __getitem__(self, index: int) -> Step: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Step]: ...
    def __getitem__(self, index: int | slice) -> Step | Sequence[Step]:
        return self._steps[index]

    def __len__(self) -> int:
        return len(self._steps)

    def __iter__(self) -> Iterator[Step]:
        return iter(self._steps)

    def __repr__(self) -> str:
        return f"<Trace {self.algorithm.id!r}: {len(self)} steps>"

    def to_dicts(self) -> list[dict[str, Any]]:
        """The trace in the Eigenvue step format: a list of JSON-ready dicts.

        Values that are one object across steps in the trace (an unchanged
        weight matrix) are one list object across the returned dicts too,
        which keeps large traces within memory. Copy before mutating.
        """
        converter = JsonConverter()
        # The result is made of up to millions of small lists that hold no cycles; the
        # cyclic garbage collector would rescan them again and again as they pile up (on a
        # 12-qubit circuit that took three quarters of the time), so it pauses meanwhile.
        enabled = gc.isenabled()
        gc.disable()
        try:
            return [step.to_dict(converter) for step in self._steps]
        finally:
            if enabled:
                gc.enable()

    def _repr_html_(self) -> str:
        from eigenvue.export import iter_frame_images
        from eigenvue.player import jupyter_html

        return jupyter_html(self, iter_frame_images(self))
