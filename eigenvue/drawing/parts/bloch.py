"""The Bloch sphere of one qubit, drawn as a 2-D projection with plain matplotlib.

A wireframe sphere (silhouette, equator and two meridians, the far halves
dashed), the three axes with their kets (|0⟩ and |1⟩ on z, |+⟩ and |−⟩ on x,
|+i⟩ and |−i⟩ on y), the state as an arrow from the centre, its shadow on the
equatorial plane (so θ and φ can be read), an optional trail of earlier
states and an optional reference arrow (e.g. the state a protocol should
reproduce). QuTiP's and qiskit's ``Bloch`` classes are the model; an
orthographic projection drawn on a 2-D Axes is much faster than mplot3d and
keeps every label where it is put.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from matplotlib.patches import Circle, FancyArrowPatch

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes

    from eigenvue.drawing.theme import Theme

Vector = Sequence[float] | np.ndarray

#: The kets at the ends of the axes: (point, label).
AXIS_KETS = (
    ((0.0, 0.0, 1.0), "|0⟩"),
    ((0.0, 0.0, -1.0), "|1⟩"),
    ((1.0, 0.0, 0.0), "|+⟩"),
    ((-1.0, 0.0, 0.0), "|−⟩"),
    ((0.0, 1.0, 0.0), "|+i⟩"),
    ((0.0, -1.0, 0.0), "|−i⟩"),
)


class BlochPart:
    """One qubit's state as an arrow in the Bloch sphere.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw; the part owns it (no frame, equal aspect, fixed limits).
    theme : eigenvue.drawing.Theme
        The colours: the state arrow in ``theme.forward``, the reference in
        ``theme.done``, the trail in ``theme.muted``.
    azimuth, elevation : float
        The viewing direction in degrees (the default shows +x coming toward the
        viewer at the lower left, +y to the right and +z up, as QuTiP does).
    title : str, optional
        A caption above the sphere.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from eigenvue.drawing import get_theme
    >>> fig = Figure(figsize=(4, 4), dpi=100)
    >>> sphere = BlochPart(fig.add_subplot(), get_theme("light"), title="one qubit")
    >>> sphere.update((0.0, 1.0, 0.0), label="|+i⟩", caption="θ = π/2, φ = π/2",
    ...               trail=[(0.0, 0.0, 1.0), (1.0, 0.0, 0.0)])
    """

    def __init__(
        self,
        ax: Axes,
        theme: Theme,
        *,
        azimuth: float = 30.0,
        elevation: float = 18.0,
        title: str | None = None,
    ) -> None:
        self.ax, self.theme = ax, theme
        a, e = np.radians(azimuth), np.radians(elevation)
        # Rows: screen x, screen y, depth toward the viewer (orthographic camera).
        self._view = np.array(
            [
                [-np.sin(a), np.cos(a), 0.0],
                [-np.sin(e) * np.cos(a), -np.sin(e) * np.sin(a), np.cos(e)],
                [np.cos(e) * np.cos(a), np.cos(e) * np.sin(a), np.sin(e)],
            ]
        )
        ax.set_aspect("equal")
        ax.set_xlim(-1.55, 1.55)
        ax.set_ylim(-1.42, 1.5)
        ax.set_axis_off()
        self._build_sphere()
        (self.trail_line,) = ax.plot([], [], color=theme.muted, lw=1.0, ls=":", zorder=3)
        self.trail_dots = ax.scatter([], [], s=16, color=theme.muted, zorder=3, linewidths=0)
        self.reference = FancyArrowPatch(
            (0, 0),
            (0, 0),
            arrowstyle="-|>",
            mutation_scale=14,
            lw=1.6,
            ls="--",
            color=theme.done,
            zorder=4,
            visible=False,
        )
        ax.add_patch(self.reference)
        (self.shadow,) = ax.plot([], [], color=theme.forward, lw=0.9, ls="--", alpha=0.7, zorder=3)
        (self.drop,) = ax.plot([], [], color=theme.forward, lw=0.9, ls=":", alpha=0.8, zorder=3)
        self.arrow = FancyArrowPatch(
            (0, 0),
            (0, 0),
            arrowstyle="-|>",
            mutation_scale=18,
            lw=2.6,
            color=theme.forward,
            zorder=6,
        )
        ax.add_patch(self.arrow)
        (self.tip,) = ax.plot([], [], "o", ms=6, color=theme.forward, zorder=7)
        self.label = ax.text(
            0,
            0,
            "",
            fontsize=10.5,
            fontweight="bold",
            color=theme.forward,
            zorder=8,
            ha="left",
            va="center",
        )
        self.caption = ax.text(
            0.5,
            0.0,
            "",
            transform=ax.transAxes,
            ha="center",
            va="top",
            fontsize=10,
            color=theme.text,
        )
        self.title = ax.text(
            0.5,
            1.0,
            title or "",
            transform=ax.transAxes,
            ha="center",
            va="bottom",
            fontsize=10,
            color=theme.text,
        )

    def project(self, point: Vector) -> tuple[float, float, float]:
        """Screen (x, y) and depth (positive: in front of the centre) of a point."""
        sx, sy, depth = self._view @ np.asarray(point, dtype=float)
        return float(sx), float(sy), float(depth)

    def _circle(self, points: np.ndarray, **style: object) -> None:
        """A great circle, its near half solid and its far half dashed."""
        screen = self._view @ points
        near = screen[2] >= 0
        for mask, ls, alpha in ((near, "-", 0.9), (~near, "--", 0.5)):
            xs = np.where(mask, screen[0], np.nan)
            ys = np.where(mask, screen[1], np.nan)
            self.ax.plot(xs, ys, ls=ls, alpha=alpha, **style)  # type: ignore[arg-type]

    def _build_sphere(self) -> None:
        theme, ax = self.theme, self.ax
        ax.add_patch(
            Circle((0, 0), 1.0, facecolor=theme.panel, edgecolor=theme.edge, lw=1.2, zorder=0)
        )
        t = np.linspace(0, 2 * np.pi, 181)
        zero, c, s = np.zeros_like(t), np.cos(t), np.sin(t)
        style = {"color": theme.edge, "lw": 0.9, "zorder": 1}
        self._circle(np.vstack([c, s, zero]), **style)  # equator
        self._circle(np.vstack([c, zero, s]), **style)  # x–z meridian
        self._circle(np.vstack([zero, c, s]), **style)  # y–z meridian
        for axis in np.eye(3):
            (x0, y0, _), (x1, y1, _) = self.project(-axis), self.project(axis)
            ax.plot([x0, x1], [y0, y1], color=theme.muted, lw=0.8, alpha=0.8, zorder=2)
        for point, ket in AXIS_KETS:
            x, y, _ = self.project(np.asarray(point) * 1.17)
            ax.text(x, y, ket, ha="center", va="center", fontsize=9.5, color=theme.muted, zorder=2)

    def update(
        self,
        vector: Vector | None,
        *,
        label: str | None = None,
        caption: str | None = None,
        reference: Vector | None = None,
        color: str | None = None,
        trail: Sequence[Vector] = (),
    ) -> None:
        """Point the arrow at ``vector`` = (x, y, z) (``None`` hides it).

        Parameters
        ----------
        vector : (float, float, float) or None
            The Bloch vector, on or inside the unit sphere.
        label : str, optional
            Text by the arrow's tip (the state's name).
        caption : str, optional
            Text under the sphere (e.g. ``"θ = π/4, φ = π/3"``).
        reference : (float, float, float), optional
            A second, dashed arrow to compare with (``None`` hides it).
        color : str, optional
            The arrow's colour (default ``theme.forward``).
        trail : sequence of (x, y, z)
            Earlier states, oldest first, drawn as dots joined up to this one.
        """
        colour = color or self.theme.forward
        self.arrow.set_color(colour)
        self.label.set_color(colour)
        for line in (self.tip, self.shadow, self.drop):
            line.set_color(colour)
        if reference is None:
            self.reference.set_visible(False)
        else:
            rx, ry, _ = self.project(reference)
            self.reference.set_positions((0, 0), (rx, ry))
            self.reference.set_visible(True)
        self.caption.set_text(caption or "")
        shown = vector is not None
        artists: tuple[Artist, ...] = (
            self.arrow,
            self.tip,
            self.label,
            self.shadow,
            self.drop,
            self.trail_line,
            self.trail_dots,
        )
        for each in artists:
            each.set_visible(shown)
        if vector is None:
            return
        x, y, depth = self.project(vector)
        self.arrow.set_positions((0, 0), (x, y))
        self.tip.set_data([x], [y])
        # Behind the sphere's centre plane the arrow is drawn fainter, as seen through glass.
        self.arrow.set_alpha(1.0 if depth >= -1e-9 else 0.55)
        vx, vy = float(vector[0]), float(vector[1])
        gx, gy, _ = self.project((vx, vy, 0.0))
        self.shadow.set_data([0, gx], [0, gy])
        self.drop.set_data([gx, x], [gy, y])
        self.label.set_text(label or "")
        # Beside the tip, on the outer side, clear of the ket written at an axis end.
        right = x >= -0.05
        self.label.set_position((x + 0.1 if right else x - 0.1, y))
        self.label.set_horizontalalignment("left" if right else "right")
        earlier = np.array([self.project(p)[:2] for p in trail]).reshape(-1, 2)
        self.trail_dots.set_offsets(earlier)
        path = np.vstack([earlier, [[x, y]]]) if len(earlier) else np.empty((0, 2))
        self.trail_line.set_data(path[:, 0], path[:, 1])
