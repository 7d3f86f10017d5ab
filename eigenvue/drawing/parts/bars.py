"""One bar per named item (a layer, a class, a feature) on a scale fixed for the whole run."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

import numpy as np

from eigenvue.drawing.parts._common import axes_caption, chart_axes
from eigenvue.drawing.parts.curve import decade_ticks, use_log_scale
from eigenvue.text import short_number

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.text import Text

    from eigenvue.drawing.theme import Theme

#: Bars get their value written above them when there are at most this many.
MAX_LABELLED_BARS = 10
#: Past this many bars only every few get a tick label.
MAX_TICK_LABELS = 12


class BarsPart:
    """A value per named item as bars, in the colour of a meaning; the current bar emphasised.

    The scale is fixed at construction from the smallest and largest value the
    trace will show, so a bar that grows between frames means a value that
    grew. A log scale (by :func:`~eigenvue.drawing.parts.use_log_scale`, or
    forced) has a tick per decade and bars rising from the bottom of the axes;
    values too small to show (zero on a log scale) and unknown ones (``None``)
    get no bar. Each bar has its value written above it while there are at
    most ten.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    theme : eigenvue.drawing.Theme
        The colours.
    labels : sequence of str
        One name per bar, written under it ("W[1]", "W[2]", …).
    value_range : (float, float)
        The smallest and largest value the trace will show (positive on a log scale).
    meaning : str
        The bars' colour by meaning (a key of ``eigenvue.drawing.theme.MEANING_COLORS``).
    log : {"auto", True, False}
        Force or forbid a log scale; ``"auto"`` applies ``use_log_scale``.
    title, xlabel : str, optional
        Captions; :attr:`title` and :attr:`xlabel` are the Text artists.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from eigenvue.drawing import get_theme
    >>> fig = Figure(figsize=(5, 3), dpi=100)
    >>> part = BarsPart(fig.add_axes((0.15, 0.2, 0.8, 0.65)), get_theme("light"),
    ...                 ["W[1]", "W[2]", "W[3]"], value_range=(1e-4, 0.3), meaning="gradient",
    ...                 title="‖∂loss/∂W‖ per layer")
    >>> part.update([None, 2e-3, 0.1], current=2)
    """

    def __init__(
        self,
        ax: Axes,
        theme: Theme,
        labels: Sequence[str],
        *,
        value_range: tuple[float, float],
        meaning: str = "forward",
        log: Literal["auto"] | bool = "auto",
        title: str = "",
        xlabel: str | None = None,
    ) -> None:
        self.ax, self.theme = ax, theme
        n = len(labels)
        smallest, largest = (float(v) for v in value_range)
        self.log = use_log_scale(value_range) if log == "auto" else bool(log)
        if self.log:
            low = 10 ** math.floor(math.log10(smallest))
            # Head room above the tallest bar for its value.
            high = 10 ** math.ceil(math.log10(largest * 4))
            high = max(high, low * 100) if high <= low * 10 else high
            ax.set_yscale("log")
            decade_ticks(ax.yaxis)
        else:
            low, high = min(smallest, 0.0), max(largest, 0.0) * 1.15 or 1.0
        self.low = low
        ax.set_ylim(low, high)
        ax.set_xlim(0.4, n + 0.6)
        color = theme.meaning_color(meaning)
        places = np.arange(1, n + 1)
        # Bars rise from the bottom of the axes; their top is the value.
        self.bars = ax.bar(
            places, np.zeros(n), bottom=low, width=0.62, color=color, edgecolor=color, zorder=2
        )
        size = 8.0  # MIN_TEXT_PT: the floor of legible text
        self.values: list[Text] = [
            ax.text(
                float(x),
                low,
                "",
                ha="center",
                va="bottom",
                fontsize=size,
                color=theme.text,
                zorder=3,
            )
            for x in (places if n <= MAX_LABELLED_BARS else [])
        ]
        every = max(1, math.ceil(n / MAX_TICK_LABELS))
        ax.set_xticks(places[::every], list(labels)[::every])
        chart_axes(ax, theme)
        ax.yaxis.grid(True, color=theme.edge, linewidth=0.5, alpha=0.6)
        ax.set_axisbelow(True)
        self.title = axes_caption(ax, title, theme.muted)
        self.xlabel = axes_caption(ax, xlabel or "", theme.muted, "xlabel", size=8.5, pad=17)

    def update(
        self,
        values: Sequence[float | None],
        current: int | None = None,
        title: str | None = None,
    ) -> None:
        """Show one value per bar (``None``: not known yet, no bar).

        Parameters
        ----------
        values : sequence of float or None
            One per label; missing trailing values count as ``None``.
        current : int, optional
            The 0-based bar to emphasise: the others fade and its value turns bold.
        title : str, optional
            New caption.
        """
        for index, bar in enumerate(self.bars):
            value = values[index] if index < len(values) else None
            known_value = float("nan") if value is None else float(value)
            shown = known_value > 0 if self.log else np.isfinite(known_value)
            bar.set_height(known_value - self.low if shown else 0.0)
            on = current is None or index == current
            bar.set_alpha(1.0 if on else 0.45)
            bar.set_visible(bool(shown))
            if index < len(self.values):
                text = self.values[index]
                text.set_text("" if value is None else short_number(known_value, 2))
                text.set_y(known_value if shown else self.low)
                text.set_fontweight("bold" if current is not None and on else "normal")
        if title is not None:
            self.title.set_text(title)
