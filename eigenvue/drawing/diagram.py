"""The base class of a plugin's frame generator."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.figure import SubFigure
    from matplotlib.gridspec import GridSpec

    from eigenvue.drawing.theme import Theme
    from eigenvue.step import Step, Trace


class Diagram:
    """A plugin's picture of its algorithm, drawn into the framework's teaching frame.

    The framework owns the frame (title, explanation, pseudocode, step
    counter) and hands the diagram a :class:`~matplotlib.figure.SubFigure` to
    draw in. Follow the animation pattern: create every artist once in
    ``__init__`` (axes, patches, text, lines) and only change their data,
    colours and text in :meth:`update`; never clear and redraw.

    A diagram reads numbers from the step's state; it computes none of its
    own (derived values belong in the trace or the implementation).

    Parameters
    ----------
    fig : matplotlib.figure.SubFigure
        The region to draw in. Use ``fig.add_subplot``/``fig.add_axes``, never ``pyplot``.
    trace : eigenvue.Trace
        The whole trace, for fixed axis limits and layouts across steps.
    theme : eigenvue.drawing.Theme
        The colours to use, by meaning.
    """

    def __init__(self, fig: SubFigure, trace: Trace, theme: Theme) -> None:
        self.fig = fig
        self.trace = trace
        self.theme = theme

    def panels(
        self,
        rows: int,
        cols: int,
        *,
        widths: Sequence[float] | None = None,
        heights: Sequence[float] | None = None,
        box: tuple[float, float, float, float] | None = None,
        gaps: tuple[float, float] | None = None,
    ) -> GridSpec:
        """The diagram's region split into ``rows`` × ``cols`` panels.

        Parameters
        ----------
        rows, cols : int
            How many panels down and across.
        widths, heights : sequence of float, optional
            Relative widths of the columns and heights of the rows (equal if left out).
        box : (left, bottom, right, top), optional
            Where the panels lie, as fractions of the region (matplotlib's
            subplot parameters if left out).
        gaps : (across, down), optional
            The space between columns and between rows, as fractions of the
            average panel width and height.

        Returns
        -------
        matplotlib.gridspec.GridSpec
            Index it for a panel's place: ``self.fig.add_subplot(grid[0, :])``.

        Examples
        --------
        >>> grid = self.panels(2, 2, widths=(2, 1), box=(0.05, 0.05, 0.98, 0.9))  # doctest: +SKIP
        """
        where: dict[str, Any] = {}
        if box is not None:
            where.update(zip(("left", "bottom", "right", "top"), box))
        if gaps is not None:
            where.update(wspace=gaps[0], hspace=gaps[1])
        return self.fig.add_gridspec(
            rows, cols, width_ratios=widths, height_ratios=heights, **where
        )

    def update(self, step: Step) -> None:
        """Show ``step``: change the artists made in ``__init__``."""
        raise NotImplementedError
