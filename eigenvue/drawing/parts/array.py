"""An array of numbers as bars or cells, with the marks sorting and searching need.

One :class:`~matplotlib.collections.PolyCollection` holds every item (a step
changes its shapes and colours), a second one hatches the pivot, and a pool of
texts and arrows writes values, indices and pointers. Vertical positions are
worked out in pixels of the Axes, so text keeps its size whatever the data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.colors import to_rgba
from matplotlib.lines import Line2D

from eigenvue.drawing.parts._common import (
    MIN_TEXT_PT,
    MarksLegend,
    axes_px,
    text_on,
    text_width_px,
)
from eigenvue.drawing.theme import blend
from eigenvue.text import number

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.text import Text
    from matplotlib.typing import LineStyleType

    from eigenvue.drawing.theme import Theme

#: Above this many items the array is drawn dense: thin bars, no text per item.
DENSE_ABOVE = 64

# Heights in pixels of the rows around the items.
_TITLE_PX = 22.0  # title (left) and the marks legend (right)
_LANE_PX = 24.0  # the swap bracket
_VALUE_PX = 15.0  # a value written above (or below) a bar
_INDEX_PX = 16.0  # index labels
_ARROW_PX = 13.0  # a pointer's arrow
_ROW_PX = 13.5  # one row of pointer names
_MAX_CELL_PX = 52.0

#: Kinds of mark, strongest first: an item in several kinds is filled by the first.
_FILL_ORDER = ("found", "swap", "compare", "done")


def _indices(items: Iterable[Any] | int | None, n: int) -> list[int]:
    """Valid item indices from an index, an iterable of them, or None."""
    if items is None:
        return []
    if isinstance(items, (int, np.integer)):
        items = [items]
    return [int(i) for i in items if i is not None and 0 <= int(i) < n]


def _value_text(value: float) -> str:
    """Whole numbers in full ("1100"), others in 3 significant digits."""
    if float(value).is_integer() and abs(value) < 1e6:
        return number(value, 7)
    return number(value, 3)


def _nice_step(n: int, most: int) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50, … that labels at most ``most`` of ``n`` indices."""
    step = 1
    while n / step > most:
        for factor in (2, 2.5, 2):
            step = int(step * factor)
            if n / step <= most:
                break
    return step


class ArrayPart:
    """An array as bars or cells, with compared, swapped, pivot, sorted and found items marked.

    Marks keep one meaning in every algorithm: **compared** items take the
    highlight colour; **swapped** items the saturated update colour and a
    double-headed bracket above them; the **pivot** a hatched outline and its
    name under it; **done** (sorted, placed) items a calm tint of the done
    colour, so they are not confused with a swap; a **found** item the strong
    done colour, a heavy outline and the word "found". Items outside the
    ``active`` range are dimmed. Pointers (``lo``, ``mid``, ``hi``…) are
    arrows under the items with their names; several on one item stack.
    A legend at the top right names the marks in use at the step.

    Above ``dense_above`` items the **dense view** draws thin bars without
    outlines or per-item text, with an index label every *k* items.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw; the part owns it (frame off, fixed limits).
    theme : eigenvue.drawing.Theme
        The colours.
    size : int
        Number of items (fixed for the figure; a slot may be empty, ``None``).
    style : {"bars", "cells"}
        Bars: height ∝ value from a baseline at 0 (negative values hang
        below it). Cells: boxes with the value written inside.
    value_range : (float, float)
        The values the bars' scale spans, fixed so bars do not jump between
        steps (give the trace's smallest and largest value).
    labels : sequence of str, optional
        Text under each item; its index by default.
    pointer_rows : int, default 3
        Rows of room under the items for pointer names (0: no pointers).
    title : str, optional
        A caption at the top left (``update(title=...)`` changes it).
    done_label : str, default "sorted"
        The legend's word for the done mark ("placed", "visited", …).
    legend_words : mapping of str to str, optional
        The legend's words for other marks, by mark name (``{"swap": "written"}``
        for a buffer slot being written rather than two items swapped).
    dense_above : int, default 64
        The largest array drawn item by item.

    Attributes
    ----------
    dense : bool
        True when drawn in the dense view.
    positions : numpy.ndarray
        The x data coordinate of each item (its index).

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from eigenvue.drawing import get_theme
    >>> fig = Figure(figsize=(8, 4.5), dpi=100)
    >>> part = ArrayPart(fig.add_axes((0.02, 0.02, 0.96, 0.96)), get_theme("light"), 8,
    ...                  value_range=(0, 9))
    >>> part.update([5, 2, 9, 1, 5, 6, 3, 7], compare=(2, 3), done=(6, 7),
    ...             pointers={"i": 2, "j": 3}, title="pass 1: compare 9 and 1")
    """

    def __init__(
        self,
        ax: Axes,
        theme: Theme,
        size: int,
        *,
        style: Literal["bars", "cells"] = "bars",
        value_range: tuple[float, float] = (0.0, 1.0),
        labels: Sequence[str] | None = None,
        pointer_rows: int = 3,
        title: str | None = None,
        done_label: str = "sorted",
        legend_words: Mapping[str, str] | None = None,
        dense_above: int = DENSE_ABOVE,
    ) -> None:
        if size < 1:
            raise ValueError(f"an array part needs at least one item, got {size}")
        if style not in ("bars", "cells"):
            raise ValueError(f"style must be 'bars' or 'cells', got {style!r}")
        self.ax, self.theme, self.n, self.style = ax, theme, int(size), style
        self._legend_words = dict(legend_words or {})
        self.dense = self.n > dense_above
        lo, hi = (float(v) for v in value_range)
        if not hi > lo:
            hi = lo + 1.0
        self.value_range = (lo, hi)
        self.pointer_rows = max(int(pointer_rows), 0)
        width_px, height_px = axes_px(ax)
        self._height_px = height_px
        pad = 0.5 if self.pointer_rows and not self.dense else 0.0
        self._xlim = (-0.5 - pad, self.n - 0.5 + pad)
        ax.set_axis_off()
        ax.set_xlim(*self._xlim)
        ax.set_ylim(0.0, height_px)
        self.positions = np.arange(self.n, dtype=float)
        item_px = width_px / (self._xlim[1] - self._xlim[0])
        self._item_px = item_px

        # Font sizes that fit the widest text into an item, measured in the real font;
        # too narrow for values means no values.
        dpi = ax.figure.dpi
        widest = max((_value_text(v) for v in (lo, hi)), key=len)
        room = item_px * (0.86 if style == "cells" else 0.8)
        fit = 10.0 * room / max(text_width_px(widest, 10.0, dpi), 1.0)
        self._value_size = float(min(10.0, fit))
        self._show_values = not self.dense and self._value_size >= MIN_TEXT_PT
        index_texts = list(labels) if labels else [str(self.n - 1)]
        index_widest = max(index_texts, key=len) or "0"
        index_fit = 9.0 * item_px * 0.85 / max(text_width_px(index_widest, 9.0, dpi), 1.0)
        index_size = float(min(9.0, index_fit))
        every = (
            1
            if (not self.dense and index_size >= MIN_TEXT_PT)
            else _nice_step(self.n, max(int(width_px / 45), 2))
        )
        index_size = max(index_size, 8.0) if every > 1 else index_size

        self._layout()
        self._build(labels, every, index_size, title, done_label)

    # -- layout ------------------------------------------------------------------------

    def _layout(self) -> None:
        """Pixel heights of every row, bottom up (y data units are pixels)."""
        height = self._height_px
        pointer_px = (_ARROW_PX + self.pointer_rows * _ROW_PX) if self.pointer_rows else 0.0
        lo, hi = self.value_range
        if self.style == "bars":
            bottom = 2.0
            self._pointer_top = bottom + pointer_px
            self._index_y = self._pointer_top + _INDEX_PX / 2
            below = _VALUE_PX if (lo < 0 and self._show_values) else 3.0
            self._items_bottom = self._pointer_top + _INDEX_PX + below
            above = _VALUE_PX if self._show_values else 3.0
            self._items_top = max(height - _TITLE_PX - _LANE_PX - above, self._items_bottom + 10.0)
            self._lane_y = self._items_top + above + 3.0
        else:
            cell = min(self._item_px * 0.9, _MAX_CELL_PX)
            group = _LANE_PX + cell + _INDEX_PX + pointer_px
            room = height - _TITLE_PX
            top = room - max((room - group) / 2, 0.0)
            self._lane_y = top - _LANE_PX + 3.0
            self._items_top = top - _LANE_PX
            self._items_bottom = self._items_top - cell
            self._index_y = self._items_bottom - _INDEX_PX / 2
            self._pointer_top = self._items_bottom - _INDEX_PX
        span = self._items_top - self._items_bottom
        if self.style == "bars":
            # The baseline: zero when the range holds it, else the end nearest zero.
            base = min(max(0.0, lo), hi)
            self._base_y = self._items_bottom + (base - lo) / (hi - lo) * span
        else:
            self._base_y = self._items_bottom

    def _y(self, value: float) -> float:
        lo, hi = self.value_range
        span = self._items_top - self._items_bottom
        clipped = min(max(value, lo), hi)
        return self._items_bottom + (clipped - lo) / (hi - lo) * span

    # -- building ----------------------------------------------------------------------

    def _build(
        self,
        labels: Sequence[str] | None,
        every: int,
        index_size: float,
        title: str | None,
        done_label: str,
    ) -> None:
        theme, ax, n = self.theme, self.ax, self.n
        self._plain = blend(theme.muted, theme.background, 0.5)
        self._cell_face = to_rgba(theme.panel)
        self._fills = {
            "found": to_rgba(theme.done),
            "swap": to_rgba(theme.update),
            "compare": to_rgba(theme.highlight),
            # Sorted items: a light tint, so the saturated swap colour stays distinct.
            "done": theme.tint(theme.done),
        }
        width = (1.0 if self.dense else 0.8) if self.style == "bars" else 0.9
        self._half = width / 2
        self._items = PolyCollection(
            [], closed=True, zorder=2, linewidths=0.0, antialiased=not self.dense
        )
        ax.add_collection(self._items)
        self._pivot = PolyCollection(
            [],
            closed=True,
            zorder=3,
            facecolors="none",
            edgecolors=theme.text,
            linewidths=2.0,
            hatch="///",
        )
        ax.add_collection(self._pivot)
        if self.style == "bars":
            ax.add_line(Line2D(self._xlim, [self._base_y] * 2, color=theme.edge, lw=1.0, zorder=1))

        self._values: list[Text] = []
        if self._show_values:
            self._values = [
                ax.text(i, 0, "", ha="center", va="bottom", fontsize=self._value_size, zorder=4)
                for i in range(n)
            ]
        shown = range(0, n, every)
        self._index_texts = [
            ax.text(
                i,
                self._index_y,
                labels[i] if labels else str(i),
                ha="center",
                va="center",
                fontsize=index_size,
                color=theme.muted,
            )
            for i in shown
        ]

        # Pointers: an arrow per pointed-at item, names stacked under it.
        slots = self.pointer_rows + 2 if self.pointer_rows else 0
        self._arrows = [
            ax.annotate(
                "",
                xy=(0, self._pointer_top - 1),
                xytext=(0, self._pointer_top - _ARROW_PX),
                arrowprops={
                    "arrowstyle": "-|>",
                    "color": theme.text,
                    "lw": 1.3,
                    "shrinkA": 0,
                    "shrinkB": 0,
                    "mutation_scale": 10,
                },
                visible=False,
            )
            for _ in range(slots)
        ]
        self._pointer_texts = [
            ax.text(0, 0, "", ha="center", va="center", fontsize=9, color=theme.text, visible=False)
            for _ in range(slots * max(self.pointer_rows, 1))
        ]

        # The swap bracket: ⊓ from one item to the other, arrowheads pointing down.
        self._bracket = Line2D(
            [], [], color=theme.update, lw=2.0, zorder=5, solid_joinstyle="miter"
        )
        self._heads = Line2D([], [], color=theme.update, lw=0, marker="v", markersize=7, zorder=5)
        ax.add_line(self._bracket)
        ax.add_line(self._heads)

        top = self._height_px - _TITLE_PX / 2
        self._title = ax.text(
            self._xlim[0],
            top,
            title or "",
            ha="left",
            va="center",
            fontsize=10,
            color=theme.text,
        )
        legend_entries: list[tuple[str, str, Any, str]] = [
            ("compare", "■", theme.highlight, "compared"),
            ("swap", "■", theme.update, "swapped"),
            ("pivot", "▨", theme.text, "pivot"),
            ("done", "■", self._fills["done"], done_label),
            ("found", "■", theme.done, "found"),
            ("inactive", "■", blend(theme.muted, theme.background, 0.2), "out of range"),
        ]
        words = self._legend_words
        legend_entries = [(m, g, c, words.get(m, w)) for m, g, c, w in legend_entries]
        self._legend = MarksLegend(
            ax, theme, legend_entries, y=1.0 - _TITLE_PX / 2 / self._height_px, fontsize=8.5
        )

    # -- updating ----------------------------------------------------------------------

    def update(
        self,
        values: Sequence[float | None] | np.ndarray,
        *,
        compare: Iterable[int] = (),
        swap: Iterable[int] = (),
        pivot: Iterable[int] | int | None = (),
        done: Iterable[int] = (),
        found: Iterable[int] | int | None = (),
        active: tuple[int, int] | None = None,
        pointers: Mapping[str, int | None] | None = None,
        title: str | None = None,
    ) -> None:
        """Show ``values`` with this step's marks.

        Parameters
        ----------
        values : sequence of float or None
            One value per item; ``None`` (or NaN) is an empty slot.
        compare, swap, done : iterable of int
            Indices of compared, swapped (a bracket joins the first two) and
            done (sorted, placed) items.
        pivot, found : int or iterable of int
            The pivot item(s), the found item(s).
        active : (int, int), optional
            The inclusive index range still in play; the items outside are dimmed.
        pointers : mapping of str to int or None
            Named positions (``{"lo": 0, "mid": 3, "hi": 6}``); ``None`` hides
            one. An index just outside the array (−1 or ``size``) is drawn at
            its edge, named with its value.
        title : str, optional
            New caption (``None`` keeps the current one).
        """
        n = self.n
        flat = list(values)
        if len(flat) != n:
            raise ValueError(f"expected {n} values, got {len(flat)}")
        vals: list[float | None] = []
        for v in flat:
            vals.append(None if v is None or not np.isfinite(float(v)) else float(v))
        marks = {
            "found": set(_indices(found, n)),
            "swap": set(_indices(swap, n)),
            "compare": set(_indices(compare, n)),
            "done": set(_indices(done, n)),
        }
        pivots = _indices(pivot, n)
        inactive = np.zeros(n, dtype=bool)
        if active is not None:
            lo_i, hi_i = int(active[0]), int(active[1])
            inactive = (self.positions < lo_i) | (self.positions > hi_i)

        theme = self.theme
        faces, edges, widths, verts = [], [], [], []
        dimmed = False
        styles: list[LineStyleType] = []
        for i, v in enumerate(vals):
            kind = next((k for k in _FILL_ORDER if i in marks[k]), None)
            x0, x1 = i - self._half, i + self._half
            if self.style == "bars":
                face = self._fills[kind] if kind else self._plain
                edge: Any = to_rgba(theme.text) if kind == "found" else face
                width = 2.2 if kind == "found" else 0.0
                if v is None:
                    y0, y1 = self._base_y, self._base_y + 8.0
                else:
                    y0, y1 = self._base_y, self._y(v)
                    if abs(y1 - y0) < 1.5:  # a zero still shows as a line
                        y1 = y0 + (1.5 if v >= 0 else -1.5)
            else:
                face = self._fills[kind] if kind else self._cell_face
                edge = to_rgba(
                    theme.text if kind == "found" else (self._fills[kind] if kind else theme.edge)
                )
                width = 2.4 if kind in ("found", "compare", "swap") else 1.0
                y0, y1 = self._items_bottom, self._items_top
            if v is None:
                face = (0.0, 0.0, 0.0, 0.0)
                edge, width = to_rgba(theme.muted), 1.0
            if inactive[i] and kind is None:  # a marked item keeps its mark's colour
                dimmed = True
                face = blend(face, theme.background, 0.3) if face[3] else face
                edge = blend(edge, theme.background, 0.3)
            faces.append(face)
            edges.append(edge)
            widths.append(width)
            styles.append("--" if v is None else "-")
            verts.append([(x0, y0), (x1, y0), (x1, y1), (x0, y1)])
        self._items.set_verts(verts)
        self._items.set_facecolor(faces)
        self._items.set_edgecolor(edges)
        self._items.set_linewidth(widths)
        self._items.set_linestyle(styles)
        self._pivot.set_verts([verts[i] for i in pivots])

        for i, text in enumerate(self._values):
            v = vals[i]
            if v is None:
                text.set_text("")
                continue
            text.set_text(_value_text(v))
            if self.style == "bars":
                below = v < 0
                text.set_position((i, self._y(v) + (-2.0 if below else 2.0)))
                text.set_verticalalignment("top" if below else "bottom")
                text.set_color(theme.muted if inactive[i] else theme.text)
            else:
                text.set_position((i, (self._items_bottom + self._items_top) / 2))
                text.set_verticalalignment("center")
                text.set_color(theme.muted if inactive[i] else text_on(faces[i], theme))

        self._show_swap(sorted(marks["swap"])[:2] if len(marks["swap"]) >= 2 else [])
        tags: dict[str, int | None] = dict(pointers or {})
        self._place_pointers(tags, pivots, sorted(marks["found"]))
        if title is not None:
            self._title.set_text(title)
        legend = [k for k in ("compare", "swap", "done", "found") if marks[k]]
        if pivots:
            legend.append("pivot")
        if dimmed:
            legend.append("inactive")
        self._legend.show(legend)

    def _show_swap(self, pair: list[int]) -> None:
        if len(pair) != 2:
            self._bracket.set_data([], [])
            self._heads.set_data([], [])
            return
        a, b = pair
        tip = self._lane_y + 4.0
        top = self._lane_y + _LANE_PX - 6.0
        self._bracket.set_data([a, a, b, b], [tip + 4.0, top, top, tip + 4.0])
        self._heads.set_data([a, b], [tip, tip])

    def _place_pointers(
        self, pointers: dict[str, int | None], pivots: list[int], found: list[int]
    ) -> dict[int, list[str]]:
        """Arrows and stacked names under the items; returns the names at each index."""
        at: dict[int, list[tuple[str, str]]] = {}
        for name, index in pointers.items():
            if index is None:
                continue
            i = int(index)
            inside = 0 <= i < self.n
            at.setdefault(min(max(i, -1), self.n), []).append(
                (name if inside else f"{name}={number(i)}", "pointer")
            )
        for i in pivots:
            at.setdefault(i, []).append(("pivot", "pivot"))
        for i in found:
            at.setdefault(i, []).append(("found", "found"))
        for arrow in self._arrows:
            arrow.set_visible(False)
        for text in self._pointer_texts:
            text.set_visible(False)
        if not self.pointer_rows:
            return {}
        rows = self.pointer_rows
        texts = iter(self._pointer_texts)
        result: dict[int, list[str]] = {}
        for slot, (i, names) in enumerate(sorted(at.items())):
            if slot >= len(self._arrows):
                break
            x = min(max(float(i), -0.75), self.n - 0.25)
            arrow = self._arrows[slot]
            arrow.xy = (x, self._pointer_top - 1)
            arrow.set_position((x, self._pointer_top - _ARROW_PX))
            arrow.set_visible(True)
            shown = [name for name, _ in names]
            if len(shown) > rows:  # the last row holds the rest
                shown = [*shown[: rows - 1], ", ".join(shown[rows - 1 :])]
            result[i] = shown
            for row, (label, (_, kind)) in enumerate(zip(shown, names)):
                slot_text = next(texts, None)
                if slot_text is None:
                    break
                slot_text.set_text(label)
                slot_text.set_position((x, self._pointer_top - _ARROW_PX - (row + 0.5) * _ROW_PX))
                color = self.theme.done if kind == "found" else self.theme.text
                slot_text.set_color(color)
                slot_text.set_fontweight("bold" if kind != "pointer" else "normal")
                slot_text.set_visible(True)
        return result
