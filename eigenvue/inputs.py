"""The base class of every algorithm's Inputs model, and the door that validates inputs.

An algorithm declares its inputs as a pydantic model deriving from
:class:`Inputs`, with the camelCase names users write in JSON. Validation
happens once, here; a failure becomes an :class:`eigenvue.InputError` that
names the input and the rule it broke.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

from eigenvue.errors import InputError

#: A real number that is neither NaN nor infinite.
Finite = Annotated[float, Field(allow_inf_nan=False)]


# -- the inputs kit: rules a plugin declares instead of writing validators ----------------


def Bounded(
    low: float | None = None, high: float | None = None, *, exclusive_low: bool = False
) -> Any:
    """A finite real number in ``[low, high]`` (``(low, high]`` with ``exclusive_low``).

    Examples
    --------
    >>> class Inputs(eigenvue.Inputs):  # doctest: +SKIP
    ...     learningRate: Bounded(0, 1000) = 0.1
    """
    bounds: dict[str, Any] = {}
    if low is not None:
        bounds["gt" if exclusive_low else "ge"] = low
    if high is not None:
        bounds["le"] = high
    return Annotated[float, Field(allow_inf_nan=False, **bounds)]


def Count(low: int = 0, high: int | None = None) -> Any:
    """A whole number in ``[low, high]`` (``4.0`` and ``True`` are not counts)."""
    bounds: dict[str, Any] = {"ge": low} if high is None else {"ge": low, "le": high}
    return Annotated[int, Field(**bounds)]


def _rectangular(rows: list[list[float]]) -> list[list[float]]:
    widths = {len(row) for row in rows}
    if len(widths) > 1:
        first = len(rows[0])
        bad = next(i for i, row in enumerate(rows) if len(row) != first)
        raise ValueError(
            f"must be rectangular: row 0 has {first} numbers but row {bad} has {len(rows[bad])}"
        )
    return rows


def Matrix(
    low: float | None = None,
    high: float | None = None,
    *,
    rows: tuple[int, int | None] = (1, None),
    cols: tuple[int, int | None] = (1, None),
) -> Any:
    """A rectangular matrix (a list of rows) of finite numbers in ``[low, high]``.

    ``rows`` and ``cols`` are the (smallest, largest) numbers of rows and columns.
    """
    number: Any = Bounded(low, high)
    row: Any = Annotated[list[number], Field(**_lengths(cols))]
    return Annotated[list[row], Field(**_lengths(rows)), AfterValidator(_rectangular)]


def _lengths(bounds: tuple[int, int | None]) -> dict[str, Any]:
    low, high = bounds
    return {"min_length": low} if high is None else {"min_length": low, "max_length": high}


Rule = Callable[["Inputs"], None]
"""A cross-field rule: called with the validated inputs, raises :class:`InputError`."""


def _size(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else len(value)


def one_per(field: str, per: str, *, what: str | None = None) -> Rule:
    """Rule: ``field`` has one entry per entry of ``per`` (or ``per`` entries, if it is a count).

    Examples
    --------
    ``rules = (one_per("weights", "inputs", what="weight"),)``: "must have one
    weight per entry of 'inputs': got 3 weights for 2 inputs".
    """

    def check(inputs: Inputs) -> None:
        have, want = _size(getattr(inputs, field)), _size(getattr(inputs, per))
        if have != want:
            noun = what or "entry"
            raise InputError(
                _alias(inputs, field),
                f"must have one {noun} per entry of {_alias(inputs, per)!r} ({want}); got {have}",
            )

    return check


@dataclass(frozen=True)
class Limit:
    """Rule: refuse, before any work, inputs whose trace would be too large.

    Parameters
    ----------
    input : str
        The input to blame (the one a user would shrink).
    cost : callable
        ``cost(inputs)``: the size of the trace these inputs would make, in the
        unit of ``limit`` (e.g. steps × state size, in numbers stored).
    limit : float
        The largest cost accepted.
    largest : callable
        ``largest(inputs)``: the largest value of ``input`` that fits, said in words
        (``"an array of 1,400 items"``), so the user knows what to ask for instead.
    unit : str
        What ``cost`` counts, for the message.
    """

    input: str
    cost: Callable[[Any], float]
    limit: float
    largest: Callable[[Any], str]
    unit: str = "numbers in the trace"

    def __call__(self, inputs: Inputs) -> None:
        """Raise :class:`InputError` when ``inputs`` would cost more than the limit."""
        cost = self.cost(inputs)
        if cost > self.limit:
            raise InputError(
                self.input,
                f"is too large: its trace would hold about {cost:,.0f} {self.unit}, over the "
                f"limit of {self.limit:,.0f}; the largest that fits is {self.largest(inputs)}",
            )


def _alias(inputs: Inputs, name: str) -> str:
    field = type(inputs).model_fields.get(name)
    return (field.alias if field is not None and field.alias else None) or name


_PLAIN = (int, float, str, bool, type(None))


def _plain(value: Any) -> Any:
    """Turn numpy arrays and scalars, and tuples, into the plain Python values they hold."""
    if isinstance(value, list) and all(type(v) in _PLAIN for v in value):
        return value  # the common case, a flat list of numbers: no copy
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if type(value).__module__ == "numpy":
        # ndarray.tolist() and numpy scalar .item() both return plain Python values.
        return value.tolist() if hasattr(value, "tolist") else value.item()
    return value


class Inputs(BaseModel):
    """Base class of an algorithm's inputs.

    Strict typing (``2.5`` is not a layer size, ``"0.1"`` is not a learning
    rate, ``True`` is not a number) and no unknown names: a misspelt input
    is an error rather than silently ignored. Numpy arrays and scalars, and
    tuples, are accepted wherever a list or a number is.
    """

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, populate_by_name=True)

    #: Cross-field rules checked after every field is valid, in order (see :func:`one_per`,
    #: :class:`Limit`). A rule raises :class:`InputError` naming the input it blames.
    rules: ClassVar[Sequence[Rule]] = ()

    @model_validator(mode="after")
    def _declared_rules(self) -> Inputs:
        for rule in type(self).rules:
            rule(self)
        return self

    @model_validator(mode="before")
    @classmethod
    def _numpy_and_tuples_to_plain(cls, data: Any) -> Any:
        if isinstance(data, Mapping):
            return {key: _plain(value) for key, value in data.items()}
        return data

    def to_dict(self) -> dict[str, Any]:
        """The inputs as a JSON-ready dict with the names users write."""
        return self.model_dump(mode="json", by_alias=True)


def _where(loc: tuple[int | str, ...]) -> str:
    """Format a pydantic error location as the user would index it: ``layerSizes[1]``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif text:
            text += f".{part}"
        else:
            text = str(part)
    return text or "inputs"


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _rule(error: Mapping[str, Any], model: type[Inputs]) -> str:
    kind = error["type"]
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden" and len(error["loc"]) > 1:
        return "is not a field of this entry; remove it"
    if kind == "extra_forbidden":
        names = ", ".join((field.alias or name) for name, field in model.model_fields.items())
        return f"is not an input of this algorithm (its inputs are: {names})"
    message = str(error["msg"])
    message = message.replace("Input should be", "must be").replace("Value error, ", "")
    message = message.replace("List should have", "must have")
    if kind == "finite_number":
        message = "must be a finite number (not NaN or infinity)"
    value = error.get("input")
    got = f"{_short(value)} ({type(value).__name__})" if kind.endswith("_type") else _short(value)
    return f"{message}; got {got}"


def validate_inputs(model: type[Inputs], data: Mapping[str, Any] | None, algorithm: str) -> Inputs:
    """Validate ``data`` against ``model``; raise :class:`InputError` on the first broken rule.

    Parameters
    ----------
    model : type[Inputs]
        The algorithm's Inputs model.
    data : mapping or None
        What the user passed. Keys left out take the model's defaults.
    algorithm : str
        The algorithm id, for the error message.
    """
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        raise InputError(
            "inputs",
            f"must be a dict of input names to values; got {type(data).__name__}",
            algorithm,
        )
    try:
        return model.model_validate(dict(data))
    except ValidationError as exc:
        error = exc.errors()[0]
        cause = error.get("ctx", {}).get("error")
        if isinstance(cause, InputError):
            raise InputError(cause.input, cause.rule, algorithm) from None
        raise InputError(_where(error["loc"]), _rule(error, model), algorithm) from None
