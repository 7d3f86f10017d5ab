"""A function over a plane: its values as colours, one level line, and points of two classes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import Normalize

from eigenvue.drawing.parts._common import MarksLegend, axes_caption, chart_axes
from eigenvue.text import number, short_number

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from eigenvue.drawing.theme import Theme

#: Points get their value written beside them when there are at most this many.
MAX_LABELLED_POINTS = 8
#: Values that differ by less than this over the whole plane are drawn as flat, with a note.
FLAT_SPREAD = 0.02


class PlanePart:
    """A function sampled over a plane, its level line, and the points of two classes on it.

    The picture of a classifier's decision boundary: a diverging colour map
    centred on ``level`` (the boundary), the level line traced through the
    samples, and the training points, class 1 as circles in the positive
    colour and class 0 as squares in the negative one, each with its value
    written beside it when there are few. A nearly flat function has no real
    boundary: a note says so and the line turns dashed. Limits and colours are
    fixed at construction, so a colour that changes between frames means a
    value that changed.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Square Axes for the plane.
    theme : eigenvue.drawing.Theme
        The colours.
    extent : sequence of 4 floats
        ``[x0, x1, y0, y1]``: the first and last samples of the grid on each axis.
    shape : (int, int)
        Rows (y) and columns (x) of the sampled grid.
    value_range : (float, float)
        The lowest and highest value the trace will show; the colours are
        centred on ``level`` and reach both.
    level : float, default 0.5
        The value whose line is drawn (the boundary).
    points : array-like of shape (m, 2), optional
        Points to mark, e.g. the training examples.
    classes : array-like of shape (m,), optional
        Each point's class: 1 (a value ≥ 0.5) or 0.
    class_names : (str, str)
        The words for class 1 and class 0 in the key above the plane's right corner.
    key_ax : matplotlib.axes.Axes, optional
        A short, wide Axes for the colour key.
    key_caption : str
        The colour key's caption.
    key_ticks : sequence of float
        Values to mark on the colour key beside the lowest, the level and the highest.
    title : str, optional
        Caption above the plane.
    value_name : str
        How the flat note names the function ("the output").
    xlabel, ylabel : str
        Names of the plane's axes.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from eigenvue.drawing import get_theme
    >>> fig = Figure(figsize=(5, 5), dpi=100)
    >>> xs = np.linspace(-1, 1, 21)
    >>> values = 1 / (1 + np.exp(-4 * (xs[None, :] + xs[:, None])))
    >>> part = PlanePart(fig.add_axes((0.15, 0.25, 0.7, 0.7)), get_theme("light"),
    ...                  (-1, 1, -1, 1), values.shape, points=[[-0.5, -0.5], [0.5, 0.5]],
    ...                  classes=[0, 1], key_ax=fig.add_axes((0.25, 0.05, 0.5, 0.03)))
    >>> part.update(values, point_values=[0.02, 0.98])
    """

    def __init__(
        self,
        ax: Axes,
        theme: Theme,
        extent: Sequence[float],
        shape: tuple[int, int],
        *,
        value_range: tuple[float, float] = (0.0, 1.0),
        level: float = 0.5,
        points: Any = None,
        classes: Any = None,
        class_names: tuple[str, str] = ("class 1", "class 0"),
        key_ax: Axes | None = None,
        key_caption: str = "value (line: the level)",
        key_ticks: Sequence[float] = (),
        title: str | None = None,
        value_name: str = "the value",
        xlabel: str = "x₁",
        ylabel: str = "x₂",
    ) -> None:
        self.ax, self.theme, self.level, self.value_name = ax, theme, level, value_name
        x0, x1, y0, y1 = (float(v) for v in extent)
        rows, cols = shape
        dx, dy = (x1 - x0) / max(cols - 1, 1), (y1 - y0) / max(rows - 1, 1)
        # Grid coordinates of the samples (column j at x0 + j·dx), for the level line.
        self._xs = np.linspace(x0, x1, cols)
        self._ys = np.linspace(y0, y1, rows)
        half = max(level - value_range[0], value_range[1] - level, 1e-12)
        self.norm = Normalize(level - half, level + half)
        from matplotlib import colormaps

        cmap = colormaps[theme.diverging].with_extremes(bad=theme.panel)
        # Pixels centred on the samples: the image reaches half a cell beyond the grid.
        self.image = ax.imshow(
            np.full(shape, np.nan),
            origin="lower",
            extent=(x0 - dx / 2, x1 + dx / 2, y0 - dy / 2, y1 + dy / 2),
            cmap=cmap,
            norm=self.norm,
            interpolation="bilinear",
            zorder=0,
        )
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.set_aspect("equal", adjustable="box")
        self.contour = LineCollection([], colors=theme.text, linewidths=2.2, zorder=2)
        ax.add_collection(self.contour)
        # A note across the plane's middle, on a veil over the colours, when the values are flat.
        veil = {"boxstyle": "round,pad=0.4", "facecolor": theme.background, "alpha": 0.85}
        self.flat_note = ax.text(
            0.5, 0.5, "", transform=ax.transAxes, ha="center", va="center", fontsize=9, zorder=5
        )
        self.flat_note.set(
            color=theme.text, linespacing=1.3, bbox={**veil, "edgecolor": theme.edge}
        )
        self.labels = self._build_points(points, classes, x1 - x0)
        chart_axes(ax, theme)
        for spine in ax.spines.values():
            spine.set_visible(True)
            spine.set_color(theme.edge)
        from matplotlib.ticker import MaxNLocator

        for axis in (ax.xaxis, ax.yaxis):
            axis.set_major_locator(MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10]))
        axes_caption(ax, xlabel, theme.muted, "xlabel", size=9, pad=17)
        axes_caption(ax, ylabel, theme.muted, "ylabel", size=9, pad=28)
        if title:
            axes_caption(ax, title, theme.muted, pad=16)
        if points is not None:
            entries = [("1", "●", theme.positive, class_names[0])]
            entries.append(("0", "■", theme.negative, class_names[1]))
            MarksLegend(ax, theme, entries, y=1.035, fontsize=8.5).show(["1", "0"])
        if key_ax is not None:
            self._build_key(key_ax, key_caption, key_ticks)

    def _build_points(self, points: Any, classes: Any, width: float) -> list[Any]:
        """The points, circles for class 1 and squares for class 0; texts for their values."""
        if points is None:
            return []
        theme, ax = self.theme, self.ax
        xy = np.asarray(points, dtype=float).reshape(-1, 2)
        ones = np.asarray(classes, dtype=float).ravel() >= 0.5
        size = 110 if len(xy) <= MAX_LABELLED_POINTS else 40
        # The classes differ in shape as well as colour.
        rim: dict[str, Any] = {"edgecolors": theme.background, "linewidths": 2, "zorder": 3}
        (x1, y1), (x0, y0) = xy[ones].T, xy[~ones].T
        self.class_one = ax.scatter(x1, y1, s=size, marker="o", c=theme.positive, **rim)
        self.class_zero = ax.scatter(x0, y0, s=size * 0.85, marker="s", c=theme.negative, **rim)
        if len(xy) > MAX_LABELLED_POINTS:
            return []
        pad = 0.035 * width
        box = {"boxstyle": "round,pad=0.2", "facecolor": theme.background, "alpha": 0.8}
        style: dict[str, Any] = {"fontsize": 8.5, "color": theme.text, "va": "bottom", "zorder": 4}
        bbox = {**box, "edgecolor": "none"}
        return [ax.text(x + pad, y + pad, "", bbox=bbox, **style) for x, y in xy]

    def _build_key(self, cax: Axes, caption: str, extra_ticks: Sequence[float]) -> None:
        """The colour key under the plane, with the level marked."""
        theme = self.theme
        low, high = float(self.norm.vmin or 0.0), float(self.norm.vmax or 1.0)
        gradient = np.linspace(low, high, 256)[None, :]
        cax.imshow(
            gradient,
            cmap=self.image.get_cmap(),
            norm=self.norm,
            aspect="auto",
            extent=(low, high, 0, 1),
        )
        cax.axvline(self.level, color=theme.text, linewidth=2.2)
        cax.set_yticks([])
        ticks = sorted({round(low, 2), self.level, round(high, 2), *extra_ticks})
        cax.set_xticks(ticks, [number(t, 6) for t in ticks], fontsize=8.5)
        cax.tick_params(colors=theme.muted, length=2, pad=2)
        for spine in cax.spines.values():
            spine.set_visible(False)
        axes_caption(cax, caption, theme.muted, "top", size=8.5, pad=3)

    def update(self, values: Any, point_values: Any = None) -> None:
        """Show one sampled grid; write each point's value beside it if given.

        Parameters
        ----------
        values : array-like of shape ``shape``
            The function at the samples (NaN: not known, drawn in the panel colour).
        point_values : array-like of shape (m,), optional
            A value per point (a prediction); NaN or ``None`` writes none.
        """
        from contourpy import contour_generator

        grid = np.asarray(values, dtype=float)
        self.image.set_data(grid)
        lines: Any = contour_generator(x=self._xs, y=self._ys, z=grid).lines(self.level)
        self.contour.set_segments([line for line in lines if len(line) > 1])
        # A nearly flat function has no real boundary: say so rather than let a line suggest one.
        finite = grid[np.isfinite(grid)]
        low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.5, 0.5)
        flat = high - low < FLAT_SPREAD
        middle, spread = (high + low) / 2, (high - low) / 2
        self.flat_note.set_text(
            f"flat: {self.value_name} is {short_number(middle, 3)} ± {short_number(spread, 1)}\n"
            "all over the plane; it barely depends on the input"
            if flat
            else ""
        )
        self.flat_note.set_visible(flat)
        self.contour.set_linestyle((0, (4, 3)) if flat else "solid")
        shown = (
            np.asarray(point_values, dtype=float).ravel()
            if point_values is not None
            else np.full(len(self.labels), np.nan)
        )
        for text, value in zip(self.labels, shown):
            text.set_text("" if np.isnan(value) else short_number(float(value), 2))
            text.set_visible(not np.isnan(value))
