"""The base class of a plugin's frame generator."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import SubFigure

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

    def update(self, step: Step) -> None:
        """Show ``step``: change the artists made in ``__init__``."""
        raise NotImplementedError
