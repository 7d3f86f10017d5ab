"""Drawing pieces the attention lessons' frames share: a board of labelled matrix heat maps.

Each matrix of a lesson (X, Q, K, V, scores, weights, outputs) is one
:class:`~eigenvue.drawing.parts.GridPart` with the tokens as row labels, made
once. A step shows some matrices and leaves the others empty; the matrices the
step computes get their caption in the highlight colour, those it reads in the
text colour, and those not computed yet a muted caption.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from eigenvue.drawing.parts import GridPart
from eigenvue.drawing.parts.grid import COMPACT_ABOVE

if TYPE_CHECKING:
    from matplotlib.figure import SubFigure
    from matplotlib.gridspec import SubplotSpec

    from eigenvue.drawing import Theme
    from eigenvue.step import Trace

Role = Literal["new", "used", "idle"]

#: The narrowest cell (pixels) that still carries its value; narrower cells are colour only.
MIN_CELL_PX = 27.0


def as_matrix(value: Any) -> np.ndarray:
    """A state matrix as floats; masked (``None``) cells become NaN."""
    if isinstance(value, np.ndarray):
        return value.astype(float)
    return np.array([[np.nan if v is None else v for v in row] for row in value], dtype=float)


def largest(trace: Trace, *keys: str) -> float:
    """The largest magnitude any of ``keys`` takes over the trace (1 if none): a fixed scale."""
    top = 0.0
    for step in trace:
        for key in keys:
            if key in step.state:
                values = np.abs(as_matrix(step.state[key]))
                if values.size and np.isfinite(values).any():
                    top = max(top, float(np.nanmax(values)))
    return top or 1.0


def short_labels(tokens: Sequence[str], most: int = 8) -> list[str]:
    """Tokens as row labels, long ones cut, repeats told apart by their position."""
    cut = [t if len(t) <= most else t[: most - 1] + "…" for t in tokens]
    return [f"{t} ({i})" if cut.count(t) > 1 else t for i, t in enumerate(cut)]


def cell_text(value: float) -> str:
    """A value as a cell writes it: two decimals (one past 100), a true minus sign.

    A fixed number of decimals keeps every cell of a matrix the same width, so
    small cells stay legible; "−0.00" reads as "0.00".
    """
    if not np.isfinite(value):
        return ""
    text = f"{value:.1f}" if abs(value) >= 99.995 else f"{value:.2f}"
    if text in ("-0.00", "-0.0"):
        text = text[1:]
    return text.replace("-", "\N{MINUS SIGN}")


def column_labels(tokens: Sequence[str]) -> list[str] | None:
    """Tokens as column labels, cut short; past four columns, positions (they would collide)."""
    return short_labels(tokens, most=4) if len(tokens) <= 4 else None


class MatrixBoard:
    """Named heat maps on one figure, each shown, emptied or captioned by its role at a step.

    Parameters
    ----------
    fig : SubFigure
        The figure the heat maps are drawn on.
    theme : Theme
        The colours.
    rows : sequence of str, optional
        The row labels (the tokens) of every heat map that keeps its rows labelled.
    bound : float
        The scale of the signed heat maps that give none of their own: ±``bound``.
    """

    def __init__(
        self,
        fig: SubFigure,
        theme: Theme,
        *,
        rows: Sequence[str] | None = None,
        bound: float = 1.0,
    ) -> None:
        self.fig, self.theme = fig, theme
        self.rows, self.bound = rows, bound
        self.parts: dict[str, GridPart] = {}
        self.titles: dict[str, str] = {}

    def add(
        self,
        name: str,
        where: SubplotSpec,
        shape: tuple[int, int],
        title: str,
        *,
        labelled: bool = True,
        cols: Sequence[str] | None = None,
        signed: bool = True,
        bound: float | None = None,
    ) -> GridPart:
        """Make the heat map ``name`` at ``where`` in the figure's layout.

        Signed values are drawn on a diverging ±``bound`` scale (the board's unless
        given), others on 0 … 1; ``labelled=False`` leaves the rows unlabelled.
        """
        ax = self.fig.add_subplot(where)
        rows = self.rows if labelled else None
        bound = self.bound if bound is None else bound
        # Values are written only where a cell is wide enough for "−0.00".
        cell_px = min(ax.bbox.width / shape[1], ax.bbox.height / shape[0])
        # A long thin matrix (512 tokens × 64) would be a sliver with square cells.
        square = max(shape) <= 3 * min(shape)
        if max(shape) > COMPACT_ABOVE:
            # Past this size every label would collide with its neighbours: rows keep the
            # tokens (thinned by the part), columns go unlabelled.
            cols = [""] * shape[1]
        part = GridPart(
            ax,
            self.theme,
            shape,
            scale="diverging" if signed else "sequential",
            vmin=-bound if signed else 0.0,
            vmax=bound if signed else 1.0,
            row_labels=rows,
            col_labels=cols,
            digits=2,
            values=cell_px >= MIN_CELL_PX,
            colorbar=False,
            square=square,
            title=title,
        )
        self.parts[name], self.titles[name] = part, title
        return part

    def show(
        self,
        name: str,
        matrix: Any | None,
        role: Role = "used",
        *,
        row: int | None = None,
        cell: tuple[int, int] | None = None,
        title: str | None = None,
    ) -> None:
        """Show ``matrix`` in heat map ``name`` (``None``: empty), captioned by its role."""
        part = self.parts[name]
        data = np.full(part.shape, np.nan) if matrix is None else as_matrix(matrix)
        cells = None if part.compact else [[cell_text(v) for v in line] for line in data]
        part.update(data, highlight_row=row, highlight_cell=cell, cells=cells)
        theme = self.theme
        color = {"new": theme.highlight, "used": theme.text, "idle": theme.muted}[role]
        if matrix is None:
            color = theme.muted
        part.set_title(
            title or self.titles[name], color=color, bold=role == "new" and matrix is not None
        )
