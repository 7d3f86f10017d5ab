"""Helpers the parts share: text colour on a fill, pixel geometry, a marks legend, captions."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np
from matplotlib.colors import to_rgba

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.text import Text

    from eigenvue.drawing.theme import Theme

RGBA = tuple[float, float, float, float]

#: The smallest text a part draws, in points: 8 pt at 100 dpi is 11 px, the size a frame
#: must keep where the docs page shows it. A part leaves text out rather than shrink it further.
MIN_TEXT_PT = 8.0


def fix_label_places(ax: Axes) -> None:
    """Give the axis labels of an axes a part never labels a fixed place.

    At every draw matplotlib moves each axis label clear of the tick labels,
    measuring all of them, whether or not the label has any text: 4 % of the
    time to draw the catalogue's frames, most of it on heat maps. A fixed place
    turns that off. Only for axes without labels: a label set later sits at a fixed
    spot beside the axes, and long tick labels may cover it.
    """
    ax.xaxis.set_label_coords(0.5, -0.12)
    ax.yaxis.set_label_coords(-0.12, 0.5)


def luminance(color: Any) -> float:
    """Relative luminance (WCAG) of a colour, 0 (black) to 1 (white)."""
    rgb = np.asarray(to_rgba(color)[:3], dtype=float)
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    return float(linear @ np.array([0.2126, 0.7152, 0.0722]))


def contrast(a: Any, b: Any) -> float:
    """WCAG contrast ratio of two colours, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_on(face: Any, theme: Theme) -> str:
    """The theme's text or background colour, whichever reads better on ``face``.

    Seaborn's heat map picks its annotation colour the same way: the text
    colour follows the cell, so a number stays legible on any fill.
    """
    return (
        theme.text
        if contrast(theme.text, face) >= contrast(theme.background, face)
        else (theme.background)
    )


def points_to_px(points: float, ax: Axes) -> float:
    """A length in points, in pixels of the figure ``ax`` is in."""
    return points * ax.figure.dpi / 72.0


def axes_px(ax: Axes) -> tuple[float, float]:
    """Width and height of ``ax`` in pixels (fixed once the figure is laid out)."""
    return max(float(ax.bbox.width), 1.0), max(float(ax.bbox.height), 1.0)


@cache
def text_width_px(text: str, fontsize: float, dpi: float, weight: str = "normal") -> float:
    """Width in pixels of ``text`` in the default font, measured off-screen (cached)."""
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    renderer = RendererAgg(10, 10, dpi)
    prop = FontProperties(size=fontsize, weight=weight)
    width, _, _ = renderer.get_text_width_height_descent(text, prop, ismath=False)
    return float(width)


class MarksLegend:
    """A row of coloured swatches with words, showing only the marks in use at this step.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to write, in axes coordinates.
    theme : Theme
        The colours.
    entries : sequence of (key, glyph, colour, label)
        Every mark the legend may show; ``glyph`` is a character such as ``"■"``.
    y : float
        Height of the row, in axes coordinates.
    fontsize : float
        Size of the words.
    align : {"right", "left"}
        Which end of the axes the row starts from.
    row_px : float
        Distance between rows, in pixels, when the entries need two.
    """

    def __init__(
        self,
        ax: Axes,
        theme: Theme,
        entries: Sequence[tuple[str, str, Any, str]],
        *,
        y: float,
        fontsize: float = 9.0,
        align: str = "right",
        row_px: float = 17.0,
    ) -> None:
        self.ax = ax
        self.y = y
        self.row_step = row_px / axes_px(ax)[1]
        self.align = align
        self.fontsize = fontsize
        width_px, _ = axes_px(ax)
        dpi = ax.figure.dpi
        self._px = 1.0 / width_px  # one pixel, in axes units
        self._glyph = text_width_px("■", fontsize * 1.15, dpi) + 4.0
        self._entries: dict[str, tuple[Text, Text, float]] = {}
        for key, glyph, color, label in entries:
            mark = ax.text(
                0,
                y,
                glyph,
                transform=ax.transAxes,
                color=color,
                fontsize=fontsize * 1.15,
                va="center",
                ha="left",
                visible=False,
            )
            word = ax.text(
                0,
                y,
                label,
                transform=ax.transAxes,
                color=theme.muted,
                fontsize=fontsize,
                va="center",
                ha="left",
                visible=False,
            )
            self._entries[key] = (mark, word, text_width_px(label, fontsize, dpi))

    def show(self, keys: Sequence[str]) -> None:
        """Show the entries named in ``keys`` (in the order given at construction).

        Entries that do not fit the Axes' width go on a second row below the
        first (``row_px`` lower); the first row is the one at ``y``.
        """
        wanted = [k for k in self._entries if k in set(keys)]
        px = self._px
        gap = 12.0 * px
        rows: list[list[str]] = [[]]
        used = 0.0
        for key in wanted:
            width = (self._glyph + self._entries[key][2]) * px
            if rows[-1] and used + gap + width > 1.0:
                rows.append([])
                used = 0.0
            used += (gap if rows[-1] else 0.0) + width
            rows[-1].append(key)
        for mark, word, _ in self._entries.values():
            mark.set_visible(False)
            word.set_visible(False)
        for r, row in enumerate(rows):
            widths = [(self._glyph + self._entries[k][2]) * px for k in row]
            total = sum(widths) + gap * max(len(row) - 1, 0)
            x = 1.0 - total if self.align == "right" else 0.0
            y = self.y - r * self.row_step
            for key, width in zip(row, widths):
                mark, word, _ = self._entries[key]
                mark.set_position((x, y))
                word.set_position((x + self._glyph * px, y))
                mark.set_visible(True)
                word.set_visible(True)
                x += width + gap


def axes_caption(
    ax: Axes,
    text: str,
    color: str,
    where: str = "title",
    size: float = 9.5,
    pad: float = 4,
    rotation: float = 0,
) -> Text:
    """A title (above: left, or centred at "top"), x label (below) or y label (left) as plain text.

    Axes titles and labels are placed anew at every draw from the tick labels'
    extents, which costs more than the rest of a chart; these sit at fixed
    offsets (``pad`` points) from the Axes instead.
    """
    anchor, offset, ha, va = {
        "title": ((0, 1), (0, pad), "left", "bottom"),
        "top": ((0.5, 1), (0, pad), "center", "bottom"),
        "xlabel": ((0.5, 0), (0, -pad), "center", "top"),
        "ylabel": ((0, 0.5), (-pad, 0), "right", "center"),
    }[where]
    return ax.annotate(
        text,
        anchor,
        xycoords="axes fraction",
        xytext=offset,
        textcoords="offset points",
        ha=ha,
        va=va,
        fontsize=size,
        color=color,
        annotation_clip=False,
        rotation=rotation,
        rotation_mode="anchor",
    )


def chart_axes(ax: Axes, theme: Theme) -> None:
    """A chart's frame: transparent face, muted ticks, only the left and bottom spines."""
    ax.set_facecolor("none")
    ax.tick_params(colors=theme.muted, labelsize=8.5, length=3)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(theme.edge)
