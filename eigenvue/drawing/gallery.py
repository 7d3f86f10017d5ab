"""A picture of each drawing part, for the "Drawing parts" page of the docs.

``render_gallery(out_dir, theme)`` draws every part's example at the size a
diagram gets in a teaching frame (800 × 450 px) and writes
``<part>-<theme>.png``. The docs build calls it once per theme::

    from eigenvue.drawing.gallery import render_gallery
    for theme in ("light", "dark"):
        render_gallery("docs/parts", theme)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from matplotlib.figure import Figure

from eigenvue.drawing.theme import Theme, get_theme

if TYPE_CHECKING:
    from matplotlib.axes import Axes

#: Size of a diagram in the 1200 × 700 teaching frame, in pixels at 100 dpi.
WIDTH_PX, HEIGHT_PX, DPI = 800, 450, 100


def _array(fig: Figure, theme: Theme) -> None:
    from eigenvue.drawing.parts import ArrayPart

    top, bottom = _two_rows(fig)
    bars = ArrayPart(top, theme, 10, value_range=(0, 9), title="bars: quicksort partition")
    bars.update(
        [3, 1, 2, 8, 9, 4, 7, 5, 6, 5],
        compare=(4,),
        swap=(3, 5),
        pivot=9,
        done=(0, 1, 2),
        active=(3, 9),
        pointers={"i": 3, "j": 5},
    )
    cells = ArrayPart(
        bottom,
        theme,
        12,
        style="cells",
        value_range=(0, 99),
        pointer_rows=3,
        title="cells: binary search for 42",
    )
    cells.update(
        [2, 5, 8, 13, 21, 34, 42, 55, 61, 70, 88, 99],
        compare=(6,),
        active=(6, 11),
        pointers={"lo": 6, "mid": 6, "hi": 11},
    )


def _two_rows(fig: Figure) -> tuple[Axes, Axes]:
    grid = fig.add_gridspec(
        2, 1, height_ratios=(1.25, 1), hspace=0.08, left=0.02, right=0.98, top=0.98, bottom=0.02
    )
    return fig.add_subplot(grid[0]), fig.add_subplot(grid[1])


#: The gallery: part name → a function drawing its example into a figure.
EXAMPLES: dict[str, Callable[[Figure, Theme], None]] = {
    "array": _array,
}


def render_part(name: str, theme: str | Theme = "light") -> Figure:
    """The figure of one part's example (``name`` a key of :data:`EXAMPLES`)."""
    chosen = get_theme(theme)
    with chosen.context():
        fig = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI)
        fig.set_facecolor(chosen.background)
        EXAMPLES[name](fig, chosen)
    return fig


def render_gallery(out_dir: str | Path, theme: str | Theme = "light") -> list[Path]:
    """Write ``<part>-<theme>.png`` for every part into ``out_dir``; returns the paths."""
    chosen = get_theme(theme)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in EXAMPLES:
        fig = render_part(name, chosen)
        path = out / f"{name}-{chosen.name}.png"
        with chosen.context():
            fig.savefig(path, dpi=DPI, facecolor=chosen.background, metadata={"Software": None})
        paths.append(path)
    return paths


__all__ = ["EXAMPLES", "render_gallery", "render_part"]
_ = np  # numpy is used by examples added below
