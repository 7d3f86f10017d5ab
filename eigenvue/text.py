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
        ``"0.6225"``, ``"−1.5"``, ``"123,500"``, ``"1.235e+07"``, ``"2e−07"``. Below a
        million a number is written out in full (rounded to ``digits`` significant
        digits) rather than with an exponent: a count of 3,280 reads better than 3.28e+03.
    """
    text = f"{value:.{digits}g}"
    if "e+" in text and abs(value) < 1e6:
        text = f"{float(text):,.0f}"
    return text.replace("-", MINUS)


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


def short_number(value: float, digits: int = 3, sign: bool = False) -> str:
    """A number in at most about six characters, for a label inside a small shape.

    Plain notation between 0.01 and 1000 (``digits`` significant digits),
    otherwise a two-digit mantissa and a short exponent, and a true minus sign.

    Parameters
    ----------
    value
        The number.
    digits
        Significant digits of the plain notation.
    sign
        Write ``+`` before positive numbers.

    Returns
    -------
    str
        ``"0.62"``, ``"−0.0322"``, ``"5.9e−4"``, ``"1.2e4"``.
    """
    plus = "+" if sign else ""
    magnitude = abs(value)
    plain = f"{value:{plus}.{digits}g}"
    if value == 0 or (magnitude >= 0.01 and "e" not in plain):
        return plain.replace("-", MINUS)
    mantissa, exponent = f"{value:{plus}.1e}".split("e")
    return f"{mantissa}e{int(exponent)}".replace("-", MINUS)
