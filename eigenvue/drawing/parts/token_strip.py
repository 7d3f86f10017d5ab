"""A sequence of tokens (sub-words) as labelled boxes, wrapped into rows, with highlights.

The boxes are a pool of patches and texts made once; a step rewrites their
text, place, width and colours, so a sequence may shrink as tokens merge. A
box is as wide as its token. Whitespace is made visible (``␣``, ``⏎``). A
sequence longer than the rows hold is compact: the tokens around the first
highlighted one, with ``… +k`` boxes standing for the rest.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal

from matplotlib.patches import FancyBboxPatch

from eigenvue.drawing.parts._common import axes_px, text_on, text_width_px
from eigenvue.drawing.theme import blend

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.text import Text

    from eigenvue.drawing.theme import Theme

_VISIBLE = str.maketrans({" ": "␣", "\n": "⏎", "\t": "⇥"})
_PAD_PX = 7.0  # inside a box, each side of its text
_GAP_PX = 5.0  # between boxes
_MAX_CHARS = 18  # a longer token is cut with "…"


def visible(token: str) -> str:
    """A token as a box writes it: whitespace shown, long tokens cut."""
    text = token.translate(_VISIBLE)
    return text if len(text) <= _MAX_CHARS else text[: _MAX_CHARS - 1] + "…"


class TokenStripPart:
    """Tokens as boxes in reading order, wrapped into rows, some of them highlighted.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw; the part owns it (no ticks, no frame).
    theme : eigenvue.drawing.Theme
        The colours: ``highlight`` for the tokens the step looks at,
        ``update`` for tokens just made (a merge), ``muted`` for the rest.
    capacity : int, default 64
        The most boxes drawn at once (the size of the pool).
    fontsize : float, default 11
        The token text size in points.
    max_rows : int, optional
        The most rows; by default as many as the Axes' height holds.
    index : bool, default True
        Write each token's position under its box.
    title : str, optional
        A caption above the strip.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from eigenvue.drawing import get_theme
    >>> fig = Figure(figsize=(8, 2), dpi=100)
    >>> strip = TokenStripPart(fig.add_axes((0.02, 0.05, 0.96, 0.8)), get_theme("light"),
    ...                        title="tokens")
    >>> strip.update(["lo", "w", "e", "s", "t"], highlight=[2, 3])
    >>> strip.update(["lo", "w", "es", "t"], merged=[2])
    >>> strip.shown
    [0, 1, 2, 3]
    """

    def __init__(
        self,
        ax: Axes,
        theme: Theme,
        *,
        capacity: int = 64,
        fontsize: float = 11.0,
        max_rows: int | None = None,
        index: bool = True,
        title: str | None = None,
    ) -> None:
        self.ax, self.theme, self.fontsize, self.index = ax, theme, fontsize, index
        self.capacity = max(int(capacity), 3)
        width, height = axes_px(ax)
        self._width, self._height = width, height
        self._dpi = float(ax.figure.dpi)
        # Pixel coordinates, y downward: layout arithmetic reads like the picture.
        ax.set_xlim(0, width)
        ax.set_ylim(height, 0)
        ax.set_axis_off()
        px_per_pt = self._dpi / 72.0
        self._box_h = fontsize * px_per_pt * 1.9
        self._row_h = self._box_h + (fontsize * 0.75 * px_per_pt * 1.5 if index else 6.0)
        top = 4.0
        fits = max(int((height - top) // self._row_h), 1)
        self.max_rows = min(max_rows, fits) if max_rows else fits
        self._top = top
        self._boxes: list[FancyBboxPatch] = []
        self._texts: list[Text] = []
        self._indices: list[Text] = []
        for _ in range(self.capacity):
            box = FancyBboxPatch(
                (0, 0),
                1,
                1,
                boxstyle="round,pad=0,rounding_size=4",
                linewidth=1.2,
                visible=False,
                zorder=2,
            )
            ax.add_patch(box)
            self._boxes.append(box)
            self._texts.append(
                ax.text(0, 0, "", ha="center", va="center", fontsize=fontsize, zorder=3)
            )
            self._indices.append(
                ax.text(
                    0,
                    0,
                    "",
                    ha="center",
                    va="top",
                    fontsize=max(8.0, fontsize * 0.72),  # never below the 8 pt floor
                    color=theme.muted,
                    zorder=3,
                )
            )
        if title:
            ax.set_title(title, fontsize=10, color=theme.text, loc="left", pad=4, y=1.0)
        #: Positions (in the sequence) of the tokens drawn at the last update; -1 for a "…" box.
        self.shown: list[int] = []

    def _width_of(self, label: str) -> float:
        return text_width_px(label, self.fontsize, self._dpi) + 2 * _PAD_PX

    def _rows_needed(self, widths: Sequence[float]) -> int:
        rows, x = 1, 0.0
        for w in widths:
            if x > 0 and x + w > self._width:
                rows, x = rows + 1, 0.0
            x += w + _GAP_PX
        return rows

    def _window(self, labels: list[str], focus: int) -> list[int]:
        """The positions to draw: all of them, or a run around ``focus`` with ``-1`` gaps."""
        n = len(labels)
        widths = [self._width_of(label) for label in labels]
        if n <= self.capacity and self._rows_needed(widths) <= self.max_rows:
            return list(range(n))
        gap_w = self._width_of("… +00000")
        low = high = min(max(focus, 0), n - 1)
        # Grow the run around the focus, alternately right and left, while it fits.
        while True:
            grown = False
            for side in (1, -1):
                lo, hi = (low, high + 1) if side == 1 else (low - 1, high)
                if lo < 0 or hi >= n or hi - lo + 3 > self.capacity:
                    continue
                trial = [gap_w] * (lo > 0) + widths[lo : hi + 1] + [gap_w] * (hi < n - 1)
                if self._rows_needed(trial) <= self.max_rows:
                    low, high, grown = lo, hi, True
            if not grown:
                break
        return [-1] * (low > 0) + list(range(low, high + 1)) + [-1] * (high < n - 1)

    def update(
        self,
        tokens: Sequence[str],
        *,
        highlight: Iterable[int] = (),
        merged: Iterable[int] = (),
        muted: Iterable[int] = (),
        title: str | None = None,
    ) -> None:
        """Show ``tokens``.

        Parameters
        ----------
        tokens : sequence of str
            The sequence, in order.
        highlight : iterable of int
            Positions the step looks at (e.g. a pair about to merge), outlined
            and filled in the highlight colour.
        merged : iterable of int
            Positions just created (e.g. the token a merge made), in the update colour.
        muted : iterable of int
            Positions drawn faded (e.g. tokens a causal mask hides).
        title : str, optional
            A new caption.
        """
        theme = self.theme
        labels = [visible(str(t)) for t in tokens]
        lit, new, faded = set(highlight), set(merged), set(muted)
        focus = min(lit | new) if lit | new else 0
        order = self._window(labels, focus) if labels else []
        self.shown = order
        x, row = 0.0, 0
        for slot, box in enumerate(self._boxes):
            text, number_text = self._texts[slot], self._indices[slot]
            if slot >= len(order):
                box.set_visible(False)
                text.set_text("")
                number_text.set_text("")
                continue
            position = order[slot]
            if position == -1:
                # A gap on the left stands for the tokens before the run, on the right after it.
                count = order[1] if slot == 0 else len(labels) - 1 - order[slot - 1]
                label = f"… +{count:,}"
            else:
                label = labels[position]
            w = self._width_of(label)
            if x > 0 and x + w > self._width:
                row, x = row + 1, 0.0
            y = self._top + row * self._row_h
            box.set_bounds(x, y, w, self._box_h)
            face: Any
            style: Literal["-", "--", ":"]
            if position == -1:
                face, edge, ink, style = theme.background, theme.edge, theme.muted, "--"
            elif position in lit:
                face = blend(theme.highlight, theme.background, 0.35)
                edge, ink, style = theme.highlight, theme.text, "-"
            elif position in new:
                face = blend(theme.update, theme.background, 0.35)
                edge, ink, style = theme.update, theme.text, "-"
            elif position in faded:
                face, edge, ink, style = theme.background, theme.edge, theme.muted, ":"
            else:
                face, edge, ink, style = theme.panel, theme.edge, theme.text, "-"
            box.set_facecolor(face)
            box.set_edgecolor(edge)
            box.set_linestyle(style)
            box.set_linewidth(2.2 if position in lit or position in new else 1.2)
            box.set_visible(True)
            text.set_position((x + w / 2, y + self._box_h / 2))
            text.set_text(label)
            text.set_color(text_on(face, theme) if position >= 0 else ink)
            text.set_fontweight("bold" if position in lit or position in new else "normal")
            number_text.set_position((x + w / 2, y + self._box_h + 2))
            number_text.set_text(str(position) if self.index and position >= 0 else "")
            x += w + _GAP_PX
        if title is not None:
            self.ax.set_title(title, fontsize=10, color=theme.text, loc="left", pad=4, y=1.0)
