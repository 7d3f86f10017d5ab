"""Conversion of step state (numpy arrays, tuples, numpy scalars) to plain JSON values."""

from __future__ import annotations

import math
from typing import Any

import numpy as np


def _plain_scalars(values: Any) -> bool:
    """True when every value is already JSON-ready: str, int, bool, None or a finite float."""
    for value in values:
        kind = type(value)
        if kind is str or kind is int or kind is bool or value is None:
            continue
        if kind is float and math.isfinite(value):
            continue
        return False
    return True


class JsonConverter:
    """Convert values to JSON-ready Python objects, converting each shared object once.

    Complex numbers (and complex arrays) become ``[re, im]`` pairs, as the step format writes them.

    One converter is used for a whole trace: an array that several steps
    share becomes one list shared by the converted steps, instead of a copy
    per step (a 1000×1000 weight matrix is 32 MB as Python floats).
    """

    def __init__(self) -> None:
        # id() is only stable while the object lives; keep the object alongside its result.
        self._memo: dict[int, tuple[Any, Any]] = {}

    def __call__(self, value: Any) -> Any:
        """Return ``value`` as plain JSON-ready Python (lists, dicts, str, int, float, bool, None)."""
        if value is None or isinstance(value, (bool, int, str)):
            return value
        if isinstance(value, float):
            if not math.isfinite(value):
                raise ValueError(f"non-finite number {value!r} in a step state")
            return value
        if isinstance(value, complex):  # numpy's complex128 is one too
            return [self(float(value.real)), self(float(value.imag))]
        key = id(value)
        hit = self._memo.get(key)
        if hit is not None and hit[0] is value:
            return hit[1]
        kind = type(value)
        if (kind is list or kind is tuple) and _plain_scalars(value):
            # The common case of a trace (visited ids, a queue, a row of numbers): one
            # C-level copy instead of a call per item, several times faster.
            result: Any = list(value)
        elif kind is dict and all(type(k) is str for k in value) and _plain_scalars(value.values()):
            result = dict(value)
        elif isinstance(value, np.ndarray):
            if value.dtype.kind in "fc" and not np.isfinite(value).all():
                raise ValueError("non-finite number in an array of a step state")
            if value.dtype.kind == "c":
                # The step format writes a complex number as the pair [re, im].
                value_pairs = np.stack([value.real, value.imag], axis=-1)
                result = value_pairs.tolist()
            else:
                result = value.tolist()
        elif isinstance(value, np.complexfloating):
            return self(complex(value))
        elif isinstance(value, np.generic):
            return self(value.item())
        elif isinstance(value, dict):
            result = {str(k): self(v) for k, v in value.items()}
        elif isinstance(value, (list, tuple)):
            result = [self(v) for v in value]
        else:
            raise TypeError(f"cannot convert {type(value).__name__} in a step state to JSON")
        self._memo[key] = (value, result)
        return result
