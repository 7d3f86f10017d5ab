"""Former home of the shared drawing helpers, kept while plugins move to the parts.

:class:`NetworkDrawing` and :class:`TablePanel` now live in
:mod:`eigenvue.drawing.parts`, :func:`blend` in :mod:`eigenvue.drawing.theme`.
Import them from there; this module re-exports them until every plugin has moved.
"""

from __future__ import annotations

from eigenvue.drawing.parts.network import (
    MAX_DRAWN_NEURONS,
    NARROW_GAP_PX,
    NetworkDrawing,
    default_layer_names,
)
from eigenvue.drawing.parts.table import TablePanel
from eigenvue.drawing.theme import blend

__all__ = [
    "MAX_DRAWN_NEURONS",
    "NARROW_GAP_PX",
    "NetworkDrawing",
    "TablePanel",
    "blend",
    "default_layer_names",
    "short_number",
]


def short_number(value: float, digits: int = 3, sign: bool = False) -> str:
    """A number in at most about six characters: ``0.62``, ``−0.0322``, ``5.9e-4``, ``1.2e4``.

    Kept as it was (a hyphen for a minus) so the pictures that use it do not
    change; new code uses :func:`eigenvue.text.short_number`.
    """
    plus = "+" if sign else ""
    magnitude = abs(value)
    plain = f"{value:{plus}.{digits}g}"
    if value == 0 or (magnitude >= 0.01 and "e" not in plain):
        return plain
    mantissa, exponent = f"{value:{plus}.1e}".split("e")
    return f"{mantissa}e{int(exponent)}"
