"""Gradient descent's picture: the path over the loss surface, the gradient, the loss curve.

Left, the contours of f(x, y) = x² + 3y² (from :mod:`.surface`) at equal
scale on both axes, so the gradient meets every contour at a right angle;
on them the path so far, the step just taken, and an arrow along −∇f at the
current point (:class:`~eigenvue.drawing.parts.PathPart`). Right, the loss at every step so far
(:class:`~eigenvue.drawing.parts.CurvePart`, the whole run dashed behind it)
and the numbers of this step: θ, f(θ), ∇f and the optimizer's state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from matplotlib.transforms import Affine2D

import eigenvue.drawing
from eigenvue.drawing.parts import CurvePart, PathPart
from eigenvue.text import coordinates, number

from . import surface

if TYPE_CHECKING:
    from matplotlib.figure import SubFigure

    from eigenvue.drawing import Theme
    from eigenvue.step import Step, Trace

#: The −∇f arrow's length, as a fraction of the map's width (its direction is what matters).
ARROW_SHARE = 0.16
#: Samples per axis of the contour grid.
GRID_SAMPLES = 241
#: The number of contour lines.
CONTOURS = 12

STATE_LABELS = {
    "velocity": "velocity v",
    "firstMoment": "mean of g, m",
    "secondMoment": "mean of g², s",
}


def _views(points: np.ndarray, aspect: float, follow: bool) -> np.ndarray:
    """Map limits ``(x0, x1, y0, y1)`` for each step, with width/height = ``aspect``.

    Each view holds the minimum and the path so far (``follow``), or the whole
    path (otherwise), with a margin.
    """
    with_origin = np.vstack([[[0.0, 0.0]], points])
    if follow:
        low = np.minimum.accumulate(with_origin, axis=0)[1:]
        high = np.maximum.accumulate(with_origin, axis=0)[1:]
    else:
        low = np.repeat(with_origin.min(axis=0, keepdims=True), len(points), axis=0)
        high = np.repeat(with_origin.max(axis=0, keepdims=True), len(points), axis=0)
    centre = (low + high) / 2
    span = (high - low) * 1.25
    span[span.max(axis=1) == 0] = 2.0  # a run that sits on the minimum: show the unit bowl
    span = np.maximum(span, span.max(axis=1, keepdims=True) * 0.05)
    width = np.maximum(span[:, 0], span[:, 1] * aspect)
    height = width / aspect
    return np.column_stack(
        [
            centre[:, 0] - width / 2,
            centre[:, 0] + width / 2,
            centre[:, 1] - height / 2,
            centre[:, 1] + height / 2,
        ]
    )


class Diagram(eigenvue.drawing.Diagram):
    """Contour map with the optimizer's path and −∇f; loss curve; this step's numbers."""

    def __init__(self, fig: SubFigure, trace: Trace, theme: Theme) -> None:
        super().__init__(fig, trace, theme)
        final = trace[-1].state
        path = final["trajectory"]
        self.points = np.array([p["parameters"] for p in path], dtype=float)
        self.losses = np.array([p["loss"] for p in path], dtype=float)
        self.optimizer = final["optimizer"]
        self.state_keys = [k for k in STATE_LABELS if k in final]

        layout = fig.add_gridspec(2, 2, width_ratios=(1.35, 1.0), height_ratios=(1.0, 0.62))
        layout.update(left=0.07, right=0.97, top=0.93, bottom=0.1, wspace=0.28, hspace=0.45)
        self.map_ax = fig.add_subplot(layout[:, 0])
        self.loss_ax = fig.add_subplot(layout[0, 1])
        self.text_ax = fig.add_subplot(layout[1, 1])
        self._build_map()
        self._build_loss_curve()
        self._build_numbers()

    # -- building ---------------------------------------------------------------------

    def _build_map(self) -> None:
        theme, ax, fig = self.theme, self.map_ax, self.fig
        box = ax.get_position()
        aspect = (box.width * fig.bbox.width) / (box.height * fig.bbox.height)
        # A run that ends higher than it began diverges; its view follows the path outward,
        # or its first steps would be lost in a dot at the centre.
        self.views = _views(self.points, aspect, follow=self.losses[-1] > self.losses[0])
        # f is homogeneous of degree 2 (f(kθ) = k²f(θ)), so the contours of any view are those
        # of the unit square scaled by k: they are computed once and scaled per step.
        unit = np.linspace(-1.0, 1.0, GRID_SAMPLES)
        loss = surface.loss_on_grid(unit, unit)
        # Contours evenly spaced in √f are evenly spaced ellipses: the bowl's shape at a glance.
        levels = np.linspace(0.0, np.sqrt(loss.max()), CONTOURS + 2)[1:-1] ** 2
        self.contours = [
            ax.contourf(
                unit,
                unit,
                loss,
                levels=[0.0, *levels, loss.max()],
                cmap=theme.sequential,
                alpha=0.28,
            ),
            ax.contour(
                unit, unit, loss, levels=levels, colors=theme.muted, linewidths=0.7, alpha=0.8
            ),
        ]
        self._scale = None
        ax.set_aspect("equal", adjustable="box")
        ax.set_xlabel("x")
        ax.set_ylabel("y", rotation=0, labelpad=8)
        ax.set_title("loss surface f(x, y) = x² + 3y²", fontsize=10, y=1.0)
        self.path = PathPart(
            ax, theme, self.points, goal=(0.0, 0.0), goal_label="minimum", arrow_label="−∇f"
        )

    def _build_loss_curve(self) -> None:
        steps = np.arange(len(self.losses))
        self.loss_curve = CurvePart(
            self.loss_ax,
            self.theme,
            {"f(θ)": "forward"},
            x_range=(0, steps[-1]),
            y_values=self.losses,
            references={"run": (steps, self.losses)},
            xlabel="step t",
            title="loss f(θ)",
        )

    def _build_numbers(self) -> None:
        ax = self.text_ax
        ax.set_axis_off()
        mono = {"family": "DejaVu Sans Mono", "fontsize": 9.5, "linespacing": 1.5, "va": "top"}
        self.numbers = ax.text(0, 1, "", transform=ax.transAxes, color=self.theme.text, **mono)

    # -- updating -----------------------------------------------------------------------

    def update(self, step: Step) -> None:
        """Draw the path up to this step, the step just taken, −∇f here and the loss so far."""
        state = step.state
        t = int(state["stepNumber"])
        theta = np.asarray(state["parameters"], dtype=float)
        gradient = np.asarray(state["gradient"], dtype=float)
        x0, x1, y0, y1 = self.views[t]
        self.map_ax.set_xlim(x0, x1)
        self.map_ax.set_ylim(y0, y1)
        scale = max(abs(x0), abs(x1), abs(y0), abs(y1))
        if scale != self._scale:
            to_view = Affine2D().scale(scale) + self.map_ax.transData
            for contour in self.contours:
                contour.set_transform(to_view)
            self._scale = scale
        self.path.update(t, direction=-gradient, arrow_share=ARROW_SHARE)

        self.loss_curve.update(self.losses[: t + 1], x=np.arange(t + 1))
        grew = t > 0 and self.losses[t] > self.losses[t - 1]

        lines = [
            f"t     {t}",
            f"θ     {coordinates(theta)}",
            f"f(θ)  {number(state['loss'])}" + ("  ↑ grew" if grew else ""),
            f"∇f(θ) {coordinates(gradient)}",
        ]
        for key in self.state_keys:
            if key in state:
                lines.append(f"{STATE_LABELS[key]} = {coordinates(state[key])}")
        lines.append(f"{self.optimizer}, η = {number(state['learningRate'])}")
        self.numbers.set_text("\n".join(lines))
