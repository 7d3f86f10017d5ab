"""Numbers written for people: step explanations and the labels of a diagram.

Every plugin narrates its numbers; these helpers write them the same way
everywhere: a few significant digits and a true minus sign (U+2212), which
reads better than a hyphen next to digits.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

#: The minus sign written in place of the hyphen that ``format`` gives.
MINUS = "\N{MINUS SIGN}"


def number(value: float, digits: int = 4) -> str:
    """A number in ``digits`` significant digits, with a true minus sign.

    Parameters
    ----------
    value
        The number (a Python or numpy scalar).
    digits
        Significant digits, as in the ``g`` format.

    Returns
    -------
    str
        ``"0.6225"``, ``"−1.5"``, ``"1.235e+05"``, ``"2e−07"``.
    """
    return f"{value:.{digits}g}".replace("-", MINUS)


def short_vector(values: Any, limit: int = 4) -> str:
    """A vector in brackets, or its first ``limit`` entries and how many there are.

    Parameters
    ----------
    values
        The entries (anything ``numpy.asarray`` takes; it is read flat).
    limit
        The most entries written out; a longer vector shows its first
        ``limit`` and its size.

    Returns
    -------
    str
        ``"[0.5, 0.8]"``, or ``"[1, 2, 3, 4, … (1,000 values)]"``.
    """
    flat = np.asarray(values).ravel()
    shown = ", ".join(number(v) for v in flat[:limit])
    more = f", … ({flat.size:,} values)" if flat.size > limit else ""
    return f"[{shown}{more}]"


def coordinates(values: Iterable[float]) -> str:
    """A point or a two-component vector in parentheses: ``"(2.4, −1.2)"``.

    Parameters
    ----------
    values
        The two components.

    Returns
    -------
    str
        Each component as :func:`number` writes it.
    """
    x, y = (float(v) for v in values)
    return f"({number(x)}, {number(y)})"
