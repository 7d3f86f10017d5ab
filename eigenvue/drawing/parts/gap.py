"""Values against their targets on one number line, a row each, the gap between them drawn."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from matplotlib.collections import LineCollection

from eigenvue.drawing.parts._common import MarksLegend, axes_px

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from eigenvue.drawing.theme import Theme


class GapPart:
    """A row per item: its value (a dot), its target (a tick) and the gap between them (a bar).

    How far predictions are from their targets, say, before a loss sums them
    up: the gap in the highlight colour, the value in the forward colour, the
    target in the text colour. The number line always covers ``span`` and
    reaches every value shown. A key of the three marks sits above the rows.
    Make the Axes at its final size: the key is laid out in its pixels (the
    Axes may move later, e.g. with ``set_position``, at the same size).

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    theme : eigenvue.drawing.Theme
        The colours.
    row_labels : sequence of str
        One name per row, top to bottom ("out 1", "ex 2", …).
    span : (float, float)
        The least range the number line shows.
    names : (str, str, str)
        The key's words for the value, the target and the gap.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from eigenvue.drawing import get_theme
    >>> fig = Figure(figsize=(4, 1.5), dpi=100)
    >>> part = GapPart(fig.add_axes((0.2, 0.25, 0.75, 0.5)), get_theme("light"), ["ex 1", "ex 2"])
    >>> part.update([0.71, 0.2], [1.0, 0.0])
    """

    def __init__(
        self,
        ax: Axes,
        theme: Theme,
        row_labels: Sequence[str],
        *,
        span: tuple[float, float] = (0.0, 1.0),
        names: tuple[str, str, str] = ("prediction", "target", "the error"),
    ) -> None:
        self.ax, self.span = ax, span
        rows = self.rows = len(row_labels)
        self.lines = LineCollection(
            [[(0, r), (0, r)] for r in range(rows)], colors=theme.highlight, linewidths=4
        )
        ax.add_collection(self.lines)
        self.values = ax.scatter(
            np.zeros(rows), np.arange(rows), s=60, color=theme.forward, zorder=3
        )
        self.targets = ax.scatter(
            np.zeros(rows),
            np.arange(rows),
            s=160,
            marker="|",
            linewidths=2.5,
            color=theme.text,
            zorder=3,
        )
        ax.set_ylim(rows - 0.4, -0.6)
        ax.set_yticks(range(rows), list(row_labels), fontsize=8.5)
        ax.tick_params(colors=theme.muted, labelsize=8.5, length=3)
        ax.tick_params(axis="y", length=0)
        ax.spines[["left", "right", "top"]].set_visible(False)
        ax.spines["bottom"].set_color(theme.edge)
        ax.set_facecolor("none")
        entries = [
            ("v", "●", theme.forward, names[0]),
            ("t", "|", theme.text, names[1]),
            ("g", "▬", theme.highlight, names[2]),
        ]
        key_y = 1.0 + 11 / axes_px(ax)[1]
        MarksLegend(ax, theme, entries, y=key_y, fontsize=8.5, align="left").show(list("vtg"))

    def update(self, values: Any, targets: Any) -> None:
        """Show the first rows of ``values`` against ``targets`` (equal lengths)."""
        rows = min(len(values), self.rows)
        v = np.asarray(values, dtype=float)[:rows]
        t = np.asarray(targets, dtype=float)[:rows]
        at = np.arange(rows)
        self.lines.set_segments([[(v[r], r), (t[r], r)] for r in range(rows)])
        self.values.set_offsets(np.column_stack([v, at]))
        self.targets.set_offsets(np.column_stack([t, at]))
        low = min(self.span[0], float(np.min(v)), float(np.min(t)))
        high = max(self.span[1], float(np.max(v)), float(np.max(t)))
        pad = 0.06 * (high - low)
        self.ax.set_xlim(low - pad, high + pad)
