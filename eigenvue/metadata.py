"""The pydantic models of an algorithm's metadata (what ``meta.toml`` holds)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import (
    AnyHttpUrl,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

CATEGORIES: tuple[str, ...] = ("classical", "deep-learning", "generative-ai", "quantum")
DIFFICULTIES: tuple[str, ...] = ("beginner", "intermediate", "advanced", "expert")
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"

Category = Literal["classical", "deep-learning", "generative-ai", "quantum"]
Difficulty = Literal["beginner", "intermediate", "advanced", "expert"]

#: What a phase (or a phase-less step) means; the theme gives each meaning one colour,
#: the same in every algorithm. See :data:`eigenvue.drawing.theme.MEANINGS`.
Meaning = Literal["setup", "compare", "update", "visit", "forward", "gradient", "result"]
MEANINGS: tuple[str, ...] = ("setup", "compare", "update", "visit", "forward", "gradient", "result")
LINE_NAME_PATTERN = r"^[a-z][a-z0-9_]*$"


class _Model(BaseModel):
    # Metadata is written by hand: a misspelt key must fail loudly, not vanish.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Complexity(_Model):
    """Asymptotic cost, written as the catalogue shows it (``"O(n log n)"``)."""

    time: str = Field(min_length=1)
    space: str = Field(min_length=1)


class Description(_Model):
    """A one-line summary and the long overview shown on the algorithm's page."""

    short: str = Field(min_length=1, max_length=120)
    long: str = Field(min_length=1)


class Example(_Model):
    """A named set of inputs worth showing."""

    name: str = Field(min_length=1)
    inputs: dict[str, Any]
    description: str = ""


class Concept(_Model):
    """A titled paragraph: a key concept, a pitfall or a difference."""

    title: str = Field(min_length=1)
    description: str = Field(min_length=1)


class QuizQuestion(_Model):
    """A multiple-choice question; ``correct`` is the 0-based index of the right option."""

    question: str = Field(min_length=1)
    options: list[str] = Field(min_length=2)
    correct: int = Field(ge=0)
    explanation: str = Field(min_length=1)

    @model_validator(mode="after")
    def _correct_is_an_option(self) -> QuizQuestion:
        if self.correct >= len(self.options):
            raise ValueError(
                f"correct={self.correct} but the question has only "
                f"{len(self.options)} options (0-based index)"
            )
        return self


class Reading(_Model):
    """A pointer to further reading."""

    title: str = Field(min_length=1)
    url: AnyHttpUrl
    type: Literal["paper", "book", "video", "article", "course", "documentation", "code"]


class Metadata(_Model):
    """Everything eigenvue knows about an algorithm besides its code.

    Validated when the plugin registers, so a malformed ``meta.toml`` is
    reported with the plugin's name and every other algorithm keeps working.
    """

    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    category: Category
    difficulty: Difficulty
    complexity: Complexity
    description: Description
    defaults: dict[str, Any]
    examples: list[Example] = Field(default_factory=list)
    pseudocode: str = Field(min_length=1)
    key_concepts: list[Concept] = Field(default_factory=list)
    pitfalls: list[Concept] = Field(default_factory=list)
    quiz: list[QuizQuestion] = Field(default_factory=list)
    further_reading: list[Reading] = Field(default_factory=list)
    related: list[str] = Field(default_factory=list)
    prerequisites: list[str] = Field(default_factory=list)
    differences: list[Concept] = Field(
        default_factory=list,
        description="Where this implementation deliberately differs from Eigenvue 1.0.2.",
    )
    tags: list[str] = Field(default_factory=list)
    lines: dict[str, tuple[int, ...]] = Field(
        default_factory=dict,
        description=(
            "Named pseudocode lines (``compare = [4, 5]``); a step names the lines it is at, "
            "so editing the pseudocode moves a highlight only where the names say."
        ),
    )
    phases: dict[str, Meaning] = Field(
        default_factory=dict,
        description=(
            'What each phase means (``partition = "compare"``), which picks its colour. '
            "Algorithms whose steps carry no phase (for compatibility) name step ids instead."
        ),
    )
    extra_state: list[str] = Field(
        default_factory=list,
        description="State keys added beyond Eigenvue 1.0.2's step format (e.g. counters).",
    )

    @field_validator("lines", mode="before")
    @classmethod
    def _single_lines_as_tuples(cls, lines: Any) -> Any:
        if isinstance(lines, dict):
            return {k: [v] if isinstance(v, int) else v for k, v in lines.items()}
        return lines

    @model_validator(mode="after")
    def _named_lines_exist(self) -> Metadata:
        import re

        n = len(self.pseudocode_lines)
        for name, numbers in self.lines.items():
            if not re.match(LINE_NAME_PATTERN, name):
                raise ValueError(f"pseudocode line name {name!r} must match {LINE_NAME_PATTERN}")
            if not numbers:
                raise ValueError(f"pseudocode line name {name!r} names no line")
            bad = [k for k in numbers if not 1 <= k <= n]
            if bad:
                raise ValueError(
                    f"pseudocode line name {name!r} points at line(s) {bad}, "
                    f"but the pseudocode has {n} lines"
                )
        return self

    def line_numbers(self, names: str | tuple[int | str, ...]) -> tuple[int, ...]:
        """The 1-based pseudocode line numbers of named lines, in pseudocode order.

        Raises
        ------
        KeyError
            Naming the unknown line name and the names this algorithm declares.
        """
        if isinstance(names, str):
            names = (names,)
        numbers: set[int] = set()
        for name in names:
            if isinstance(name, int):
                if not 1 <= name <= len(self.pseudocode_lines):
                    raise KeyError(
                        f"{self.id}: a step highlights line {name}, but the pseudocode has "
                        f"{len(self.pseudocode_lines)} lines"
                    )
                numbers.add(name)
            elif name in self.lines:
                numbers.update(self.lines[name])
            else:
                known = ", ".join(sorted(self.lines)) or "none"
                raise KeyError(
                    f"{self.id}: no pseudocode line is named {name!r} (named lines: {known})"
                )
        return tuple(sorted(numbers))

    def meaning(self, phase: str | None, step_id: str) -> str | None:
        """What a step means: its phase's declared meaning, else its step id's, else ``None``.

        A key of ``phases`` may be a pattern with ``*`` (``"head-*" = "forward"``) for
        phases numbered by the inputs; an exact key wins over a pattern.
        """
        from fnmatch import fnmatchcase

        for name in (phase, step_id):
            if name is None:
                continue
            if name in self.phases:
                return self.phases[name]
            for pattern, meaning in self.phases.items():
                if "*" in pattern and fnmatchcase(name, pattern):
                    return meaning
        return None

    @field_validator("related", "prerequisites")
    @classmethod
    def _ids_are_well_formed(cls, ids: list[str]) -> list[str]:
        import re

        for other in ids:
            if not re.match(ID_PATTERN, other):
                raise ValueError(f"{other!r} is not a valid algorithm id")
        return ids

    @field_validator("examples")
    @classmethod
    def _example_names_unique(cls, examples: list[Example]) -> list[Example]:
        names = [e.name for e in examples]
        duplicated = sorted({n for n in names if names.count(n) > 1})
        if duplicated:
            raise ValueError(f"duplicate example names: {', '.join(duplicated)}")
        return examples

    @property
    def pseudocode_lines(self) -> list[str]:
        """The pseudocode split into lines; step highlights are 1-based indices into it."""
        return self.pseudocode.rstrip("\n").split("\n")

    def example(self, name: str) -> Example:
        """Return the example called ``name``.

        Raises
        ------
        KeyError
            With the list of example names when there is none by that name.
        """
        for example in self.examples:
            if example.name == name:
                return example
        names = ", ".join(repr(e.name) for e in self.examples) or "none"
        raise KeyError(f"{self.id} has no example {name!r}; examples: {names}")
