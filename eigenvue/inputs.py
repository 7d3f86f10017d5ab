"""The base class of every algorithm's Inputs model, and the door that validates inputs.

An algorithm declares its inputs as a pydantic model deriving from
:class:`Inputs`, with the camelCase names users write in JSON. Validation
happens once, here; a failure becomes an :class:`eigenvue.InputError` that
names the input and the rule it broke.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from eigenvue.errors import InputError

#: A real number that is neither NaN nor infinite.
Finite = Annotated[float, Field(allow_inf_nan=False)]


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
