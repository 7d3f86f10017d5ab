"""A point moving over a plane: its path so far, the step just taken, and an arrow at it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from matplotlib.patches import FancyArrowPatch

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from eigenvue.drawing.theme import Theme

#: Up to this many positions every one gets a marker on the path.
MAX_MARKED_POINTS = 60


class PathPart:
    """The positions a point visits, drawn step by step over whatever the plane shows.

    An optimizer's iterates over a loss surface's contours, a centroid moving
    between rounds, a walk: the start (a ring, named), the path so far in the
    forward colour (a dot per position up to 60), the step just taken in the
    update colour, the current position in the highlight colour, and an arrow
    of fixed length along a direction at it (a gradient, a velocity) in the
    colour of its meaning, named at its tip. A goal, such as a minimum, can be
    marked with a star. The part draws on top of the Axes' contents and leaves
    its limits to the caller, who may zoom them per step.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    theme : eigenvue.drawing.Theme
        The colours.
    points : array-like of shape (n, 2)
        Every position of the trace, in order; ``update(t)`` shows the first ``t + 1``.
    start_label : str
        The name written beside the first position.
    goal : (float, float), optional
        A point to mark with a star in the done colour, and its name ``goal_label``.
    arrow_label : str
        The name written at the arrow's tip.
    arrow_meaning : str
        The arrow's colour by meaning.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from eigenvue.drawing import get_theme
    >>> fig = Figure(figsize=(4, 4), dpi=100)
    >>> ax = fig.add_axes((0.1, 0.1, 0.8, 0.8))
    >>> ax.set_xlim(-1, 3); ax.set_ylim(-1, 3)
    (-1.0, 3.0)
    (-1.0, 3.0)
    >>> path = PathPart(ax, get_theme("light"), [[2, 2], [1.2, 0.8], [0.6, 0.2]], goal=(0, 0),
    ...                 goal_label="minimum", arrow_label="−∇f")
    >>> path.update(1, direction=(-1.2, -2.4))
    """

    def __init__(
        self,
        ax: Axes,
        theme: Theme,
        points: Any,
        *,
        start_label: str = "start",
        goal: tuple[float, float] | None = None,
        goal_label: str = "",
        arrow_label: str = "",
        arrow_meaning: str = "gradient",
    ) -> None:
        self.ax = ax
        self.points = np.asarray(points, dtype=float).reshape(-1, 2)
        if goal is not None:
            ax.plot(*goal, marker="*", ms=13, color=theme.done, mec=theme.background, zorder=4)
            ax.annotate(
                goal_label,
                goal,
                xytext=(-7, -7),
                textcoords="offset points",
                ha="right",
                va="top",
                fontsize=8.5,
                color=theme.done,
            )
        marked = len(self.points) <= MAX_MARKED_POINTS
        (self.line,) = ax.plot(
            [], [], color=theme.forward, lw=1.6, marker="o" if marked else None, ms=3.5, zorder=5
        )
        (self.last_step,) = ax.plot([], [], color=theme.update, lw=2.6, zorder=6)
        start = self.points[0]
        ax.plot(*start, marker="o", ms=7, mfc=theme.background, mec=theme.text, zorder=7)
        ax.annotate(
            start_label,
            tuple(start),
            xytext=(7, 5),
            textcoords="offset points",
            fontsize=8.5,
            color=theme.text,
        )
        (self.current,) = ax.plot(
            [], [], marker="o", ms=9, color=theme.highlight, mec=theme.text, zorder=8
        )
        color = theme.meaning_color(arrow_meaning)
        self.arrow = FancyArrowPatch(
            (0, 0), (0, 0), arrowstyle="-|>", mutation_scale=16, lw=2.2, color=color, zorder=9
        )
        ax.add_patch(self.arrow)
        self.arrow_label = ax.text(
            0, 0, arrow_label, color=color, fontsize=10, fontweight="bold", zorder=9
        )

    def update(self, t: int, direction: Any = None, arrow_share: float = 0.16) -> None:
        """Show the path up to position ``t`` and an arrow along ``direction`` there.

        Parameters
        ----------
        t : int
            The current position's index in ``points``.
        direction : array-like of 2 floats, optional
            The arrow's direction; none, or a zero vector, hides the arrow.
        arrow_share : float
            The arrow's length as a share of the Axes' current width (its
            direction is what matters, so it keeps one length on screen).
        """
        so_far = self.points[: t + 1]
        here = so_far[-1]
        self.line.set_data(so_far[:, 0], so_far[:, 1])
        step = so_far[-2:] if t > 0 else np.empty((0, 2))
        self.last_step.set_data(step[:, 0], step[:, 1])
        self.current.set_data([here[0]], [here[1]])
        vector = np.zeros(2) if direction is None else np.asarray(direction, dtype=float)
        norm = float(np.hypot(*vector))
        self.arrow.set_visible(norm > 0)
        self.arrow_label.set_visible(norm > 0)
        if norm > 0:
            x0, x1 = self.ax.get_xlim()
            tip = here + vector / norm * arrow_share * (x1 - x0)
            self.arrow.set_positions(tuple(here), tuple(tip))
            self.arrow_label.set_position(tuple(tip))
            self.arrow_label.set_horizontalalignment("left" if tip[0] >= here[0] else "right")
            self.arrow_label.set_verticalalignment("bottom" if tip[1] >= here[1] else "top")
