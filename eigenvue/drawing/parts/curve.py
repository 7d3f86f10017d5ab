"""A metric over steps, epochs or sizes: named series, reference lines, the current value marked.

Limits are fixed at construction from every value the trace will show, so a
curve that moves between frames means a number that moved. One rule decides
a log scale everywhere (:func:`use_log_scale`), and a log axis gets a tick per
decade written in plain text ("10⁻³") with no minor ticks: mathtext labels and
minor ticks would cost more to draw than the rest of the chart.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from eigenvue.drawing.parts._common import MarksLegend, axes_caption, chart_axes
from eigenvue.text import number, short_number

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.axis import Axis

    from eigenvue.drawing.theme import Theme

#: A positive metric whose largest value is more than this times its smallest gets a log axis.
LOG_RATIO = 100.0

_SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def use_log_scale(values: Any) -> bool:
    """The one rule for a log axis: every value > 0 and max/min > 100.

    Parameters
    ----------
    values : array-like
        Every value the axis will show (NaN and infinities are ignored).

    Examples
    --------
    >>> use_log_scale([0.5, 0.002]), use_log_scale([1, 50]), use_log_scale([0, 1e6])
    (True, False, False)
    """
    flat = np.asarray(values, dtype=float).ravel()
    finite = flat[np.isfinite(flat)]
    if not finite.size or finite.min() <= 0:
        return False
    return bool(finite.max() / finite.min() > LOG_RATIO)


def power_of_ten(value: float, _position: Any = None) -> str:
    """``"10⁻³"`` for 0.001, in plain text; a value between decades in short notation.

    A tick formatter for :class:`matplotlib.ticker.FuncFormatter`.
    """
    if value <= 0:
        return ""
    exponent = math.log10(value)
    if abs(exponent - round(exponent)) > 1e-9:
        return short_number(value, 2)
    return "10" + str(round(exponent)).translate(_SUPERSCRIPTS)


def decade_ticks(axis: Axis) -> None:
    """Give a log ``axis`` a tick per decade (or every few), plain-text labels, no minor ticks."""
    from matplotlib.ticker import FuncFormatter, LogLocator, NullLocator

    axis.set_major_locator(LogLocator(base=10, numticks=7))
    axis.set_minor_locator(NullLocator())
    axis.set_major_formatter(FuncFormatter(power_of_ten))


def _caption(ax: Axes, text: str, color: str, where: str, pad: float = 4.0) -> Any:
    """Text at a fixed offset from the Axes, clear of the tick labels (see ``axes_caption``)."""
    clear = {"title": 14, "xlabel": 14, "ylabel": 34}[where]
    turn = 90 if where == "ylabel" else 0
    return axes_caption(ax, text, color, where, pad=pad + clear, rotation=turn)


class CurvePart:
    """Named series of a metric against steps (or epochs, or input sizes), with reference lines.

    Each series is drawn in the colour of a meaning (``"compare"``,
    ``"update"``, ``"gradient"``… as in the metadata's ``phases``) with its
    latest point marked and its value written beside it. Reference lines
    (e.g. ``n log n`` and ``n²`` against measured counts) are dashed, muted,
    named at their right end. The y axis is logarithmic when
    :func:`use_log_scale` says so for all the values given at construction.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    theme : eigenvue.drawing.Theme
        The colours.
    series : mapping of str to str
        Series name → meaning (a key of ``eigenvue.drawing.theme.MEANING_COLORS``).
    x_range : (float, float)
        The x axis' span, fixed for the trace.
    y_values : array-like
        Every y value the trace will show (all series, all steps) — for the
        limits and the log rule. Reference values are added to it.
    references : mapping of str to (xs, ys), optional
        Fixed lines to compare with.
    xlabel, ylabel, title : str, optional
        Captions.
    log : {"auto", True, False}
        Force or forbid a log y axis; ``"auto"`` applies :func:`use_log_scale`.
    integer_x : bool, default True
        Ticks at whole numbers on the x axis (steps, epochs, sizes).

    Attributes
    ----------
    log : bool
        Whether the y axis is logarithmic.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from eigenvue.drawing import get_theme
    >>> fig = Figure(figsize=(8, 4.5), dpi=100)
    >>> n = np.arange(1, 65)
    >>> part = CurvePart(fig.add_axes((0.12, 0.15, 0.75, 0.7)), get_theme("light"),
    ...                  {"comparisons": "compare"}, x_range=(1, 64), y_values=n * n / 2,
    ...                  references={"n²": (n, n * n)}, xlabel="n")
    >>> part.update({"comparisons": n[:20] * (n[:20] - 1) / 2}, x=n[:20])
    """

    def __init__(
        self,
        ax: Axes,
        theme: Theme,
        series: Mapping[str, str],
        *,
        x_range: tuple[float, float],
        y_values: Any,
        references: Mapping[str, tuple[Any, Any]] | None = None,
        xlabel: str | None = None,
        ylabel: str | None = None,
        title: str | None = None,
        log: Literal["auto"] | bool = "auto",
        integer_x: bool = True,
    ) -> None:
        self.ax, self.theme = ax, theme
        self.names = list(series)
        refs = dict(references or {})
        every = [np.asarray(y_values, dtype=float).ravel()]
        every += [np.asarray(ys, dtype=float).ravel() for _, ys in refs.values()]
        values = np.concatenate(every) if every else np.zeros(0)
        finite = values[np.isfinite(values)]
        self.log = use_log_scale(finite) if log == "auto" else bool(log)
        x0, x1 = (float(v) for v in x_range)
        pad = 0.02 * (x1 - x0 or 1.0)
        ax.set_xlim(x0 - pad, x1 + pad)
        if self.log:
            positive = finite[finite > 0]
            low, high = (positive.min(), positive.max()) if positive.size else (1.0, 10.0)
            ax.set_yscale("log")
            ax.set_ylim(low / 1.6, high * 1.8)
            decade_ticks(ax.yaxis)
        else:
            low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
            low = min(low, 0.0)
            ax.set_ylim(low, high + 0.1 * (high - low or 1.0))
            from matplotlib.ticker import ScalarFormatter

            formatter = ScalarFormatter(useMathText=False, useOffset=False)
            formatter.set_scientific(False)
            ax.yaxis.set_major_formatter(formatter)
        if integer_x:
            from matplotlib.ticker import MaxNLocator

            ax.xaxis.set_major_locator(MaxNLocator(nbins=7, integer=True))

        chart_axes(ax, theme)
        ax.yaxis.grid(True, color=theme.edge, linewidth=0.5, alpha=0.5)
        ax.set_axisbelow(True)

        for name, (xs, ys) in refs.items():
            xs, ys = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
            ax.plot(xs, ys, color=theme.muted, linewidth=1.2, linestyle=(0, (4, 3)), zorder=1)
            ax.annotate(
                name,
                (float(xs[-1]), float(ys[-1])),
                xytext=(4, 0),
                textcoords="offset points",
                ha="left",
                va="center",
                fontsize=9,
                color=theme.muted,
                annotation_clip=False,
            )
        self._colors = {name: theme.meaning_color(meaning) for name, meaning in series.items()}
        self._lines = {
            name: ax.plot([], [], color=color, linewidth=2.0, zorder=3)[0]
            for name, color in self._colors.items()
        }
        self._markers = {
            name: ax.plot(
                [], [], "o", color=color, markersize=7, markeredgecolor=theme.background, zorder=4
            )[0]
            for name, color in self._colors.items()
        }
        self._labels = {
            name: ax.annotate(
                "",
                (0, 0),
                xytext=(6, 5),
                textcoords="offset points",
                fontsize=9,
                color=theme.text,
                va="bottom",
                zorder=5,
                annotation_clip=False,
                bbox={
                    "boxstyle": "round,pad=0.15",
                    "facecolor": theme.background,
                    "edgecolor": "none",
                    "alpha": 0.85,
                },
            )
            for name in self._colors
        }
        self._x_end = x1
        self._x_start = x0
        self._legend: MarksLegend | None = None
        if len(self.names) > 1 or refs:
            entries = [(name, "━", color, name) for name, color in self._colors.items()]
            if refs:
                entries.append(("reference", "┅", theme.muted, "reference"))
            self._legend = MarksLegend(ax, theme, entries, y=1.04, fontsize=8.5)
            self._legend.show([name for name, *_ in entries])
        self._title = _caption(ax, title or "", theme.text, "title")
        if xlabel:
            _caption(ax, xlabel, theme.muted, "xlabel")
        if ylabel:
            _caption(ax, ylabel + (" (log scale)" if self.log else ""), theme.muted, "ylabel")

    def update(
        self,
        values: Mapping[str, Any] | Sequence[float] | np.ndarray,
        *,
        x: Sequence[float] | np.ndarray | None = None,
        title: str | None = None,
    ) -> None:
        """Draw the series so far and mark each one's latest value.

        Parameters
        ----------
        values : mapping of series name to sequence of float, or one sequence
            The y values so far; a plain sequence when there is one series.
            A series left out is hidden.
        x : sequence of float, optional
            The x value of each point (shared by the series); 1, 2, 3, … by default.
        title : str, optional
            New caption.
        """
        if not isinstance(values, Mapping):
            if len(self.names) != 1:
                raise ValueError("give a mapping of series name to values when there are several")
            values = {self.names[0]: values}
        for name in values:
            if name not in self._lines:
                raise ValueError(f"unknown series {name!r}; series: {', '.join(self.names)}")
        for name, line in self._lines.items():
            marker, label = self._markers[name], self._labels[name]
            ys = np.asarray(values.get(name, []), dtype=float)
            xs = np.arange(1, len(ys) + 1, dtype=float) if x is None else np.asarray(x, float)
            xs = xs[: len(ys)]
            line.set_data(xs, ys)
            if not len(ys):
                marker.set_data([], [])
                label.set_text("")
                continue
            last_x, last_y = float(xs[-1]), float(ys[-1])
            marker.set_data([last_x], [last_y])
            label.set_text(number(last_y, 3))
            label.xy = (last_x, last_y)
            # Beside the marker, on the side with room.
            right = last_x < self._x_start + 0.75 * (self._x_end - self._x_start)
            label.set_position((6, 5) if right else (-6, 5))
            label.set_horizontalalignment("left" if right else "right")
        if title is not None:
            self._title.set_text(title)
