"""A function's curve with an operating point read off it: x on the x axis, f(x) on the y axis."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from eigenvue.text import number

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from eigenvue.drawing.theme import Theme


class FunctionPart:
    """The curve y = f(x) of a function, and the point (x, f(x)) a step reads off it.

    Axes lines through 0, the curve (in the colour of a meaning once it is
    the step's subject, muted before), and, for the operating point, a
    guide up from the x axis to the point and one across to the y axis, each
    with its value written at the axis. While only x is known the vertical
    guide is dotted and reaches the top: where the curve will be read.
    Sample the curve finely; NaN samples leave gaps (a jump drawn as a jump).

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    theme : eigenvue.drawing.Theme
        The colours.
    xs, ys : array-like
        Samples of the curve; the x axis spans ``xs``.
    ylim : (float, float)
        The y axis' span.
    names : (str, str)
        What x and y are called in the labels at the axes ("z", "a").
    meaning : str
        The curve's colour when emphasised (a meaning of the theme).
    title, xlabel, ylabel : str
        Captions.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from eigenvue.drawing import get_theme
    >>> fig = Figure(figsize=(4, 3), dpi=100)
    >>> xs = np.linspace(-6, 6, 401)
    >>> part = FunctionPart(fig.add_axes((0.15, 0.15, 0.8, 0.7)), get_theme("light"),
    ...                     xs, np.tanh(xs), ylim=(-1.15, 1.15), names=("z", "a"),
    ...                     title="tanh(z)")
    >>> part.update(0.8, float(np.tanh(0.8)))
    """

    def __init__(
        self,
        ax: Axes,
        theme: Theme,
        xs: Any,
        ys: Any,
        *,
        ylim: tuple[float, float],
        names: tuple[str, str] = ("x", "y"),
        meaning: str = "forward",
        title: str = "",
        xlabel: str = "",
        ylabel: str = "",
    ) -> None:
        self.ax, self.theme, self.names = ax, theme, names
        self._color = theme.meaning_color(meaning)
        xs = np.asarray(xs, dtype=float)
        self.left, self.right = float(xs[0]), float(xs[-1])
        self.low = float(ylim[0])
        ax.set_xlim(self.left, self.right)
        ax.set_ylim(*ylim)
        ax.axhline(0, color=theme.edge, lw=0.8, zorder=0)
        ax.axvline(0, color=theme.edge, lw=0.8, zorder=0)
        (self.curve,) = ax.plot(xs, np.asarray(ys, dtype=float), color=theme.muted, lw=2.0)
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        self.title = ax.set_title(title, fontsize=10, y=1.0)
        guide: dict[str, Any] = {"color": theme.highlight, "lw": 1.2, "ls": "--", "visible": False}
        (self.x_guide,) = ax.plot([0, 0], [self.low, 0], **guide)
        (self.y_guide,) = ax.plot([self.left, 0], [0, 0], **guide)
        (self.point,) = ax.plot([], [], "o", ms=9, color=theme.highlight, zorder=5)
        self.x_label = ax.text(0, self.low, "", ha="left", va="bottom", fontsize=9, zorder=6)
        self.y_label = ax.text(self.left, 0, "", ha="left", va="bottom", fontsize=9, zorder=6)

    def update(
        self,
        x: float | None = None,
        y: float | None = None,
        *,
        emphasis: Literal["faint", "near", "on"] = "on",
        color: str | None = None,
    ) -> None:
        """Show the operating point so far.

        Parameters
        ----------
        x, y : float, optional
            The point's coordinates; ``None`` while not known (y needs x).
        emphasis : {"faint", "near", "on"}
            The curve faded, in full but muted, or in its meaning's colour with its title.
        color : str, optional
            The guides' and the point's colour (the highlight colour by default).
        """
        theme = self.theme
        color = color or theme.highlight
        self.curve.set_color(self._color if emphasis == "on" else theme.muted)
        self.curve.set_alpha(0.6 if emphasis == "faint" else 1.0)
        self.title.set_color(theme.text if emphasis == "on" else theme.muted)
        x_name, y_name = self.names
        for artist in (self.x_guide, self.x_label):
            artist.set_visible(x is not None)
        if x is not None:
            top = y if y is not None else self.ax.get_ylim()[1]
            self.x_guide.set_data([x, x], [self.low, top])
            self.x_guide.set_linestyle("--" if y is not None else ":")
            # Near the right edge the label goes left of the guide.
            right_half = x > self.left + 0.7 * (self.right - self.left)
            text = f"{x_name} = {number(x, 3)}"
            self.x_label.set_position((x, self.low))
            self.x_label.set_horizontalalignment("right" if right_half else "left")
            self.x_label.set_text(f"{text} " if right_half else f" {text}")
        for artist in (self.y_guide, self.y_label):
            artist.set_visible(y is not None)
        if x is not None and y is not None:
            self.y_guide.set_data([self.left, x], [y, y])
            self.y_label.set_position((self.left, y))
            self.y_label.set_text(f" {y_name} = {number(y, 3)}")
            self.point.set_data([x], [y])
        else:
            self.point.set_data([], [])
        for artist in (self.x_guide, self.y_guide, self.x_label, self.y_label, self.point):
            artist.set_color(color)
