"""A matrix as a heat map, with values written in the cells and rows, columns or a cell outlined.

One :class:`~matplotlib.image.AxesImage` holds the colours (``set_data`` per
step, the colour scale fixed at construction so a colour means the same value
at every step); a pool of texts writes the values, each in the theme's text or
background colour, whichever reads better on its cell (as seaborn's
``heatmap`` does); a hatched collection marks masked cells (NaN).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

import numpy as np
from matplotlib import colormaps
from matplotlib.colors import Normalize
from matplotlib.patches import PathPatch, Rectangle
from matplotlib.path import Path

from eigenvue.drawing.parts._common import (
    MIN_TEXT_PT,
    axes_px,
    fix_label_places,
    text_on,
    text_width_px,
)
from eigenvue.drawing.theme import blend
from eigenvue.text import number

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.text import Text

    from eigenvue.drawing.theme import Theme

#: Above this many rows or columns the grid is compact: no values written, labels thinned.
COMPACT_ABOVE = 12


_TITLE_PT = 10.0
_TITLE_PAD_PT = 8.0


def _mask_path(mask: np.ndarray) -> Path:
    """One path of rectangles covering the True cells, a rectangle per run in a row."""
    vertices: list[tuple[float, float]] = []
    for r, row in enumerate(mask):
        padded = np.concatenate([[False], row, [False]])
        edges = np.flatnonzero(np.diff(padded.astype(np.int8)))
        for start, stop in zip(edges[::2], edges[1::2]):
            x0, x1, y0, y1 = start - 0.5, stop - 0.5, r - 0.5, r + 0.5
            vertices += [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
    if not vertices:
        return Path(np.zeros((1, 2)))
    codes = np.tile(
        [Path.MOVETO, Path.LINETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY], len(vertices) // 5
    )
    return Path(np.array(vertices), codes)


def _title_y(ax: Axes) -> float | None:
    """The height (in axes fractions) at which a title clears the column labels on top.

    matplotlib works this out at every draw of an axes whose title is placed
    automatically, measuring every tick label: a sixth of the cost of drawing
    a heat map. The labels never move after the part is built, so it is worked
    out here once, the same way. None (automatic placement) when the canvas
    cannot measure text.
    """
    figure = ax.get_figure(root=True)
    get_renderer = getattr(figure.canvas, "get_renderer", None) if figure else None
    if get_renderer is None:
        return None
    renderer = get_renderer()
    ax.apply_aspect()  # a square grid's box shrinks to its aspect when drawn: measure that box
    top = ax.bbox.y1
    labels = ax.xaxis.get_tightbbox(renderer)
    if labels is not None:
        top = max(top, labels.y1)
    # Any one-line caption: matplotlib lays every line out with the depth of "lp".
    probe = ax.set_title("lp", fontsize=_TITLE_PT, loc="left", pad=_TITLE_PAD_PT, y=1.0)
    y = 1.0
    low = probe.get_window_extent(renderer).y0
    if low < top:
        y = float(ax.transAxes.inverted().transform((0.0, top))[1])
        probe.set_y(y)
        low = probe.get_window_extent(renderer).y0
        if low < top:  # as matplotlib does: a second step closes what the first left
            y = float(ax.transAxes.inverted().transform((0.0, 2 * top - low))[1])
    probe.set_text("")
    return y


def _every(n: int, most: int) -> int:
    step = 1
    while n / step > most:
        step += 1
    return step


class GridPart:
    """A heat map of a matrix, optionally with its values, labels and an outlined cell, row or column.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw; the part owns it (ticks carry the labels).
    theme : eigenvue.drawing.Theme
        The colours: ``theme.sequential`` for magnitudes, ``theme.diverging``
        (centred on 0) for signed values.
    shape : (int, int)
        Rows and columns (fixed for the figure).
    scale : {"sequential", "diverging"}
        The colour map. Diverging scales are symmetric about zero.
    vmin, vmax : float
        The values at the colour map's ends, fixed for every step (a diverging
        scale uses ±max(|vmin|, |vmax|)).
    row_labels, col_labels : sequence of str, optional
        Labels left of the rows and above the columns (e.g. tokens).
    values : bool, default True
        Write each cell's value (never in the compact form).
    digits : int, default 2
        Significant digits of the written values.
    colorbar : bool, default True
        A small colour scale right of the grid.
    square : bool, default True
        Square cells (the Axes shrinks to fit); otherwise cells fill the Axes.
    title : str, optional
        A caption above the grid.
    compact_above : int, default 12
        The most rows or columns drawn with values and every label.

    Attributes
    ----------
    compact : bool
        True when the grid is too large for values and full labels.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from eigenvue.drawing import get_theme
    >>> fig = Figure(figsize=(8, 4.5), dpi=100)
    >>> tokens = ["the", "cat", "sat"]
    >>> part = GridPart(fig.add_axes((0.15, 0.1, 0.7, 0.75)), get_theme("light"), (3, 3),
    ...                 vmin=0, vmax=1, row_labels=tokens, col_labels=tokens)
    >>> part.update([[1, float("nan"), float("nan")], [0.4, 0.6, float("nan")],
    ...              [0.2, 0.5, 0.3]], highlight_row=2)
    """

    def __init__(
        self,
        ax: Axes,
        theme: Theme,
        shape: tuple[int, int],
        *,
        scale: Literal["sequential", "diverging"] = "sequential",
        vmin: float = 0.0,
        vmax: float = 1.0,
        row_labels: Sequence[str] | None = None,
        col_labels: Sequence[str] | None = None,
        values: bool = True,
        digits: int = 2,
        colorbar: bool = True,
        square: bool = True,
        title: str | None = None,
        compact_above: int = COMPACT_ABOVE,
    ) -> None:
        rows, cols = (int(v) for v in shape)
        if rows < 1 or cols < 1:
            raise ValueError(f"a grid needs at least one row and column, got {shape}")
        if scale not in ("sequential", "diverging"):
            raise ValueError(f"scale must be 'sequential' or 'diverging', got {scale!r}")
        self.ax, self.theme, self.shape, self.digits = ax, theme, (rows, cols), digits
        self.compact = max(rows, cols) > compact_above
        if scale == "diverging":
            top = max(abs(float(vmin)), abs(float(vmax))) or 1.0
            vmin, vmax = -top, top
        elif not float(vmax) > float(vmin):
            vmax = float(vmin) + 1.0
        self.norm = Normalize(float(vmin), float(vmax))
        name = theme.diverging if scale == "diverging" else theme.sequential
        # NaN cells show the background, hatched by the mask collection.
        self.cmap = colormaps[name].with_extremes(bad=theme.background)
        self._image = ax.imshow(
            np.full((rows, cols), np.nan),
            cmap=self.cmap,
            norm=self.norm,
            aspect="equal" if square else "auto",
            interpolation="nearest",
            zorder=1,
        )
        ax.set_xlim(-0.5, cols - 0.5)
        ax.set_ylim(rows - 0.5, -0.5)
        width_px, height_px = axes_px(ax)
        cell_px = min(width_px / cols, height_px / rows)
        dpi = ax.figure.dpi
        # Values at a size that fits the widest one in a cell; below 8 pt, none at all.
        lo, hi = self.norm.vmin, self.norm.vmax
        assert lo is not None and hi is not None
        widest = max((number(v, digits) for v in (lo, hi, lo + (hi - lo) / 3)), key=len)
        size = min(11.0, cell_px * 0.3 * 72 / dpi)
        size = min(size, size * cell_px * 0.88 / max(text_width_px(widest, size, dpi), 1.0))
        self._value_size = float(size)
        values = values and size >= MIN_TEXT_PT
        # One compound path for all masked cells: hatching each cell on its own
        # costs seconds per step on a large causal mask.
        self._mask = PathPatch(
            Path(np.zeros((1, 2))),
            facecolor="none",
            edgecolor=blend(theme.muted, theme.background, 0.6),
            linewidth=0.0,
            hatch="///",
            zorder=2,
        )
        ax.add_patch(self._mask)
        self._texts: list[list[Text]] = []
        if values and not self.compact:
            self._texts = [
                [
                    ax.text(c, r, "", ha="center", va="center", fontsize=self._value_size, zorder=3)
                    for c in range(cols)
                ]
                for r in range(rows)
            ]
        self._outlines = {
            key: Rectangle(
                (0, 0),
                1,
                1,
                fill=False,
                edgecolor=theme.highlight,
                linewidth=lw,
                zorder=4,
                visible=False,
                clip_on=False,
            )
            for key, lw in (("row", 2.5), ("col", 2.5), ("cell", 3.2))
        }
        for patch in self._outlines.values():
            ax.add_patch(patch)

        # Labels on the ticks: rows on the left, columns on top; thinned when compact.
        for spine in ax.spines.values():
            spine.set_visible(False)
        ax.tick_params(length=0, labelsize=9, colors=theme.muted, pad=3)
        ax.xaxis.tick_top()
        label_size = 9.0 if not self.compact else 8.0
        for axis, labels, n, px in (
            (ax.yaxis, row_labels, rows, height_px),
            (ax.xaxis, col_labels, cols, width_px),
        ):
            step = _every(n, max(int(px / 22), 1)) if self.compact else 1
            ticks = list(range(0, n, step))
            texts = [str(labels[i]) if labels is not None else str(i) for i in ticks]
            axis.set_ticks(ticks, texts, fontsize=label_size)
        longest = max((len(str(t)) for t in (col_labels or [])), default=0)
        if col_labels is not None and longest * 6.5 > cell_px:
            for tick in ax.get_xticklabels():
                tick.set_rotation(45)
                tick.set_horizontalalignment("left")
                tick.set_rotation_mode("anchor")
        fix_label_places(ax)
        self._title_y = _title_y(ax)
        if title:
            self.set_title(title)
        self._colorbar_ticks: list[float] = []
        if colorbar:
            self._add_colorbar(scale)

    def _add_colorbar(self, scale: str) -> None:
        theme = self.theme
        bar = self.ax.inset_axes((1.04, 0.0, 0.035, 1.0))
        fix_label_places(bar)
        lo, hi = self.norm.vmin, self.norm.vmax
        assert lo is not None and hi is not None
        gradient = np.linspace(lo, hi, 128)[:, None]
        bar.imshow(
            gradient,
            cmap=self.cmap,
            norm=self.norm,
            aspect="auto",
            origin="lower",
            extent=(0, 1, lo, hi),
        )
        ticks = [lo, 0.0, hi] if scale == "diverging" else [lo, hi]
        self._colorbar_ticks = ticks
        bar.set_xticks([])
        bar.yaxis.tick_right()
        bar.set_yticks(ticks, [number(t, 3) for t in ticks], fontsize=8.5)
        bar.tick_params(length=2, colors=theme.muted, pad=2)
        for spine in bar.spines.values():
            spine.set_visible(False)

    def update(
        self,
        matrix: Sequence[Sequence[float]] | np.ndarray,
        *,
        highlight_cell: tuple[int, int] | None = None,
        highlight_row: int | None = None,
        highlight_col: int | None = None,
        title: str | None = None,
        cells: Sequence[Sequence[str]] | None = None,
    ) -> None:
        """Show ``matrix`` and outline a cell, a row and/or a column.

        Parameters
        ----------
        matrix : array-like of shape ``shape``
            The values; NaN (or ``None``) cells are masked: left empty, hatched.
        highlight_cell : (row, col), optional
            The cell the step is about.
        highlight_row, highlight_col : int, optional
            A row or column the step is about (e.g. the query row of attention).
        title : str, optional
            A new caption above the grid.
        cells : sequence of sequence of str, optional
            Text written in each cell in place of its value (e.g. the product
            that gave it, on two lines); NaN cells stay empty.
        """
        data = np.array([[np.nan if v is None else v for v in row] for row in matrix], dtype=float)
        if data.shape != self.shape:
            raise ValueError(f"expected a {self.shape[0]}×{self.shape[1]} matrix, got {data.shape}")
        self._image.set_data(data)
        self._mask.set_path(_mask_path(np.isnan(data)))
        for r, row in enumerate(self._texts):
            for c, text in enumerate(row):
                value = data[r, c]
                if np.isnan(value):
                    text.set_text("")
                    continue
                text.set_text(cells[r][c] if cells is not None else number(value, self.digits))
                text.set_color(text_on(self.cmap(self.norm(value)), self.theme))
        rows, cols = self.shape
        self._outline("cell", highlight_cell, lambda rc: (rc[1] - 0.5, rc[0] - 0.5, 1, 1))
        self._outline("row", highlight_row, lambda r: (-0.5, r - 0.5, cols, 1))
        self._outline("col", highlight_col, lambda c: (c - 0.5, -0.5, 1, rows))
        if title is not None:
            self.set_title(title)

    def set_title(self, text: str, *, color: str | None = None, bold: bool = False) -> Text:
        """Caption the grid, above its column labels.

        Parameters
        ----------
        text : str
            The caption.
        color : str, optional
            Its colour (default: the theme's text colour), e.g. to mark a grid as new.
        bold : bool, default False
            Set it in bold.
        """
        return self.ax.set_title(
            text,
            fontsize=_TITLE_PT,
            color=color or self.theme.text,
            loc="left",
            pad=_TITLE_PAD_PT,
            fontweight="bold" if bold else "normal",
            y=self._title_y,
        )

    def _outline(self, key: str, where: object, bounds: object) -> None:
        patch = self._outlines[key]
        if where is None:
            patch.set_visible(False)
            return
        assert callable(bounds)
        x, y, w, h = bounds(where)
        patch.set_bounds(x, y, w, h)
        patch.set_visible(True)
