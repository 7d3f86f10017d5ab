"""A titled table of numbers beside a diagram, rewritten at each step."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from matplotlib.lines import Line2D

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from eigenvue.drawing.theme import Theme


class TablePanel:
    """A titled table of numbers on one Axes, rewritten at each step.

    A side panel for a diagram: a title, an optional large value (a loss,
    say), a table of up to ``max_rows`` rows and a short wrapped note. All text
    artists are made once; :meth:`show` only changes their text and colour.
    The first column is left-aligned (labels), the others right-aligned, so
    numbers line up on their digits.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw; its frame is turned off.
    theme : eigenvue.drawing.Theme
        The colours.
    max_rows, max_columns : int
        The size of the table grid.
    fontsize : float
        Size of the table's cells; the title is 1.2 times larger.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from eigenvue.drawing import get_theme
    >>> fig = Figure(figsize=(4, 4.5), dpi=100)
    >>> panel = TablePanel(fig.add_axes((0.05, 0.05, 0.9, 0.9)), get_theme("dark"))
    >>> panel.show("Epoch 3", big="loss = 0.596", header=["layer", "‖∂W‖"],
    ...            rows=[["W[1]", "0.031"], ["W[2]", "0.12"]], note="Gradients shrink.")
    """

    def __init__(
        self,
        ax: Axes,
        theme: Theme,
        *,
        max_rows: int = 9,
        max_columns: int = 4,
        fontsize: float = 10.0,
    ) -> None:
        self.ax, self.theme = ax, theme
        self.max_rows, self.max_columns = max_rows, max_columns
        ax.set_axis_off()
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        height_px = max(ax.bbox.height, 1.0)
        dpi = ax.figure.dpi
        self._chars = max(16, int(ax.bbox.width / (0.55 * fontsize * dpi / 72)))
        row = fontsize * 1.75 * dpi / 72 / height_px  # one table row, in axes units
        #: Where the last :meth:`show` ended, in axes units (room below is free).
        self.bottom = 1.0
        self._title = ax.text(
            0.0, 1.0, "", fontsize=fontsize * 1.2, fontweight="bold", va="top", color=theme.text
        )
        self._big = ax.text(
            0.0, 1.0 - 2.2 * row, "", fontsize=fontsize * 1.5, fontweight="bold", va="top"
        )
        self._table_top = 1.0 - 4.4 * row
        self._row = row
        self._header = [
            ax.text(0, self._table_top, "", fontsize=fontsize * 0.9, color=theme.muted, va="top")
            for _ in range(max_columns)
        ]
        self._rule = Line2D([0, 1], [0, 0], color=theme.edge, linewidth=0.8)
        ax.add_line(self._rule)
        self._cells = [
            [ax.text(0, 0, "", fontsize=fontsize, va="top") for _ in range(max_columns)]
            for _ in range(max_rows)
        ]
        self._note = ax.text(
            0.0, 0.0, "", fontsize=fontsize * 0.9, color=theme.muted, va="top", linespacing=1.35
        )

    def show(
        self,
        title: str,
        *,
        title_color: str | None = None,
        big: str = "",
        big_color: str | None = None,
        header: Sequence[str] = (),
        rows: Sequence[Sequence[str]] = (),
        column_colors: Sequence[str | None] = (),
        note: str = "",
    ) -> None:
        """Replace the panel's content.

        Parameters
        ----------
        title : str
            The heading.
        title_color, big_color : str, optional
            Colours of the heading and of the large value.
        big : str
            A value in large type under the title ("loss = 0.596").
        header : sequence of str
            Column headings; the number of columns (≤ ``max_columns``).
        rows : sequence of sequence of str
            Cell texts; rows beyond ``max_rows`` are dropped (say so in ``note``).
        column_colors : sequence of str or None
            Text colour per column (``None``: the theme's text colour).
        note : str
            A short remark under the table, wrapped to the panel's width.
        """
        theme, row = self.theme, self._row
        title_lines = textwrap.wrap(title, int(self._chars / 1.25)) or [""]
        self._title.set_text("\n".join(title_lines[:2]))
        self._title.set_color(title_color or theme.text)
        y = 1.0 - len(title_lines[:2]) * 1.2 * row - 0.6 * row
        self._big.set_text(big)
        self._big.set_color(big_color or theme.text)
        self._big.set_y(y)
        if big:
            y -= 2.0 * row
        n_cols = min(len(header) or max((len(r) for r in rows), default=0), self.max_columns)
        xs = self._column_positions(n_cols)
        for c, text in enumerate(self._header):
            on = c < n_cols and c < len(header)
            text.set_text(header[c] if on else "")
            text.set_position((xs[c] if c < n_cols else 0, y))
            text.set_horizontalalignment("left" if c == 0 else "right")
        if header:
            self._rule.set_data([0, 1], [y - 1.15 * row] * 2)
            y -= 1.45 * row
        self._rule.set_visible(bool(header))
        shown = list(rows)[: self.max_rows]
        for r, cells in enumerate(self._cells):
            for c, text in enumerate(cells):
                value = shown[r][c] if r < len(shown) and c < min(n_cols, len(shown[r])) else ""
                text.set_text(value)
                text.set_position((xs[c] if c < n_cols else 0, y - r * row))
                text.set_horizontalalignment("left" if c == 0 else "right")
                color = column_colors[c] if c < len(column_colors) else None
                text.set_color(color or theme.text)
        y -= len(shown) * row + 0.4 * row
        self._note.set_position((0.0, y))
        self._note.set_text("\n".join(textwrap.wrap(note, self._chars)) if note else "")
        self.bottom = y - (note.count("\n") + len(textwrap.wrap(note, self._chars))) * row * 0.95

    @staticmethod
    def _column_positions(n_cols: int) -> list[float]:
        if n_cols <= 1:
            return [0.0]
        # The label column is narrower than the number columns.
        return [0.0, *np.linspace(1.0 / n_cols + 0.22, 1.0, n_cols - 1)]
