"""Bad inputs and the rule they must meet: an ``eigenvue.InputError`` naming the input.

Each algorithm's tests declare a table of ``(inputs, name)`` rows, ``REFUSALS``;
``tests/test_registry.py`` checks every row with :func:`assert_refused`, so every
algorithm is held to the same rule in the same words.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import eigenvue

#: Parametrisation ids are the inputs' repr, cut to this length (an array's repr is long).
ID_LENGTH = 72


def short_repr(inputs: dict[str, Any]) -> str:
    """``repr(inputs)``, with each numpy array shown by its shape, cut to ``ID_LENGTH``."""
    text = "{" + ", ".join(f"{key!r}: {_value_repr(value)}" for key, value in inputs.items()) + "}"
    return text if len(text) <= ID_LENGTH else text[: ID_LENGTH - 3] + "..."


def _value_repr(value: Any) -> str:
    return f"array{value.shape}" if isinstance(value, np.ndarray) else repr(value)


def assert_refused(
    algorithm: str, inputs: dict[str, Any], name: str | None = None
) -> eigenvue.InputError:
    """Assert that ``inputs`` are refused at the door, naming ``name`` (when given) twice.

    The error's ``input`` attribute is ``name`` and its message quotes ``'name'``,
    so that a reader of the message alone knows which input to fix.
    """
    with pytest.raises(eigenvue.InputError) as info:
        eigenvue.steps(algorithm, inputs)
    if name is not None:
        assert info.value.input == name
        assert f"'{name}'" in str(info.value)
    return info.value
