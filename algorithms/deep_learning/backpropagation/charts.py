"""The training pictures of backpropagation: the decision boundary and the gradient-norm bars.

Each chart owns one Axes, makes its artists once and changes only their data,
colours and text per step, like every diagram. Limits are fixed for a whole
trace when the chart is built, so a bar or a curve that moves between frames
means a number that moved. The numbers come from the steps' state; the
charts compute none (tracing the 0.5 contour through the sampled output grid
is drawing, like interpolating an image). The loss curve is a
:class:`~eigenvue.drawing.parts.CurvePart`; the bars share its log axis rule.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import Normalize

from eigenvue.drawing.parts import decade_ticks
from eigenvue.text import number, short_number

#: Bars get their value written above them when there are at most this many layers.
MAX_LABELLED_BARS = 10
#: Points of a dataset get their prediction written beside them when there are at most this many.
MAX_LABELLED_POINTS = 8
#: An output grid whose values differ by less than this is drawn as flat, with a note.
FLAT_OUTPUT = 0.02


def axes_caption(
    ax: Any, text: str, color: str, where: str = "title", size: float = 9.5, pad: float = 4
) -> Any:
    """A title (above: left, or centred at "top"), x label (below) or y label (left) as plain text.

    Axes titles and labels are placed anew at every draw from the tick labels'
    extents, which costs more than the rest of a chart; these sit at fixed
    offsets instead.
    """
    anchor, offset, ha, va = {
        "title": ((0, 1), (0, pad), "left", "bottom"),
        "top": ((0.5, 1), (0, pad), "center", "bottom"),
        "xlabel": ((0.5, 0), (0, -pad), "center", "top"),
        "ylabel": ((0, 0.5), (-pad, 0), "right", "center"),
    }[where]
    return ax.annotate(
        text,
        anchor,
        xycoords="axes fraction",
        xytext=offset,
        textcoords="offset points",
        ha=ha,
        va=va,
        fontsize=size,
        color=color,
        annotation_clip=False,
    )


def _style_axes(ax: Any, theme: Any) -> None:
    ax.set_facecolor("none")
    ax.tick_params(colors=theme.muted, labelsize=8.5, length=3)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(theme.edge)


# -- the decision boundary ------------------------------------------------------------------


class BoundaryPanel:
    """The network's output over the input plane, its 0.5 contour and the training points.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Square Axes for the plane.
    theme : eigenvue.drawing.Theme
        The colours: the diverging map for the output (centred on 0.5), the
        positive/negative colours for the targets 1/0.
    dataset : dict
        The state's ``dataset``: ``inputs`` (m, 2), ``targets`` (m,), ``extent``.
    extent : sequence of 4 floats
        ``[x0, x1, y0, y1]`` of the boundary grid (its first and last samples).
    shape : tuple of int
        Rows and columns of the boundary grid.
    value_range : tuple of float
        The lowest and highest output anywhere in the trace; the colours are
        centred on 0.5 and reach at least 0 and 1.
    colorbar_ax : matplotlib.axes.Axes
        A short, wide Axes for the colour key.
    """

    def __init__(
        self,
        ax: Any,
        theme: Any,
        dataset: dict[str, Any],
        extent: Sequence[float],
        shape: tuple[int, int],
        value_range: tuple[float, float],
        colorbar_ax: Any,
    ) -> None:
        self.ax, self.theme = ax, theme
        x0, x1, y0, y1 = (float(v) for v in extent)
        rows, cols = shape
        dx, dy = (x1 - x0) / max(cols - 1, 1), (y1 - y0) / max(rows - 1, 1)
        # Grid coordinates of the samples (column j at x0 + j·dx), for the contour.
        self._xs = np.linspace(x0, x1, cols)
        self._ys = np.linspace(y0, y1, rows)
        half = max(0.5, 0.5 - value_range[0], value_range[1] - 0.5)
        self.norm = Normalize(0.5 - half, 0.5 + half)
        from matplotlib import colormaps

        cmap = colormaps[theme.diverging].with_extremes(bad=theme.panel)
        # Pixels centred on the samples: the image reaches half a cell beyond the grid.
        self.image = ax.imshow(
            np.full(shape, np.nan),
            origin="lower",
            extent=(x0 - dx / 2, x1 + dx / 2, y0 - dy / 2, y1 + dy / 2),
            cmap=cmap,
            norm=self.norm,
            interpolation="bilinear",
            zorder=0,
        )
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.set_aspect("equal", adjustable="box")
        self.contour = LineCollection([], colors=theme.text, linewidths=2.2, zorder=2)
        ax.add_collection(self.contour)
        # A note across the plane's middle, on a veil over the colours, when the output is flat.
        veil = {"boxstyle": "round,pad=0.4", "facecolor": theme.background, "alpha": 0.85}
        self.flat_note = ax.text(
            0.5, 0.5, "", transform=ax.transAxes, ha="center", va="center", fontsize=9, zorder=5
        )
        self.flat_note.set(
            color=theme.text, linespacing=1.3, bbox={**veil, "edgecolor": theme.edge}
        )

        points = np.asarray(dataset["inputs"], dtype=float)
        targets = np.asarray(dataset["targets"], dtype=float).ravel()
        self.points, self.targets = points, targets
        ones = targets >= 0.5
        size = 110 if len(points) <= MAX_LABELLED_POINTS else 40
        # Targets differ in shape as well as colour: circles for 1, squares for 0.
        rim = {"edgecolors": theme.background, "linewidths": 2, "zorder": 3}
        self.class_one = ax.scatter(*points[ones].T, s=size, marker="o", c=theme.positive, **rim)
        self.class_zero = ax.scatter(
            *points[~ones].T, s=size * 0.85, marker="s", c=theme.negative, **rim
        )
        self.labels = []
        if len(points) <= MAX_LABELLED_POINTS:
            pad = 0.035 * (x1 - x0)
            box = {"boxstyle": "round,pad=0.2", "facecolor": theme.background, "alpha": 0.8}
            style = {"fontsize": 8.5, "color": theme.text, "va": "bottom", "zorder": 4}
            for x, y in points:
                label = ax.text(x + pad, y + pad, "", bbox={**box, "edgecolor": "none"}, **style)
                self.labels.append(label)
        _style_axes(ax, theme)
        for spine in ax.spines.values():
            spine.set_visible(True)
            spine.set_color(theme.edge)
        from matplotlib.ticker import MaxNLocator

        for axis in (ax.xaxis, ax.yaxis):
            axis.set_major_locator(MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10]))
        axes_caption(ax, "x₁", theme.muted, "xlabel", size=9, pad=17)
        axes_caption(ax, "x₂", theme.muted, "ylabel", size=9, pad=28)
        self._build_key(colorbar_ax)

    def _build_key(self, cax: Any) -> None:
        """The colour key under the plane, with the boundary and the two markers."""
        theme = self.theme
        low, high = float(self.norm.vmin or 0.0), float(self.norm.vmax or 1.0)
        gradient = np.linspace(low, high, 256)[None, :]
        cax.imshow(
            gradient,
            cmap=self.image.get_cmap(),
            norm=self.norm,
            aspect="auto",
            extent=(low, high, 0, 1),
        )
        cax.axvline(0.5, color=theme.text, linewidth=2.2)
        cax.set_yticks([])
        ticks = sorted({round(low, 2), 0.0, 0.5, 1.0, round(high, 2)})
        cax.set_xticks(ticks, [number(t, 6) for t in ticks], fontsize=8.5)
        cax.tick_params(colors=theme.muted, length=2, pad=2)
        for spine in cax.spines.values():
            spine.set_visible(False)
        axes_caption(
            cax, "network output (line: 0.5, the boundary)", theme.muted, "top", size=8.5, pad=3
        )

    def update(self, values: Any, predictions: Any | None) -> None:
        """Show one boundary grid; label the points with the network's predictions if given."""
        from contourpy import contour_generator

        grid = np.asarray(values, dtype=float)
        self.image.set_data(grid)
        lines: Any = contour_generator(x=self._xs, y=self._ys, z=grid).lines(0.5)
        self.contour.set_segments([line for line in lines if len(line) > 1])
        # A nearly flat output has no real boundary: say so rather than let a line suggest one.
        finite = grid[np.isfinite(grid)]
        low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.5, 0.5)
        flat = high - low < FLAT_OUTPUT
        middle, spread = (high + low) / 2, (high - low) / 2
        self.flat_note.set_text(
            f"flat: the output is {short_number(middle, 3)} ± {short_number(spread, 1)}\n"
            "all over the plane; it barely depends on the input"
            if flat
            else ""
        )
        self.flat_note.set_visible(flat)
        self.contour.set_linestyle((0, (4, 3)) if flat else "solid")
        if self.labels:
            shown = (
                np.asarray(predictions, dtype=float).ravel()
                if predictions is not None
                else np.full(len(self.labels), np.nan)
            )
            for text, value in zip(self.labels, shown):
                text.set_text("" if np.isnan(value) else short_number(float(value), 2))
                text.set_visible(not np.isnan(value))


# -- the gradient norms ---------------------------------------------------------------------


class NormBars:
    """One bar per layer: the size of its weight gradient, on a log scale fixed for the run.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    theme : eigenvue.drawing.Theme
        The colours.
    n_layers : int
        Layers of the network, input included; layer 0 gets no bar.
    limits : tuple of float
        The smallest and largest positive norm anywhere in the trace.
    """

    def __init__(self, ax: Any, theme: Any, n_layers: int, limits: tuple[float, float]) -> None:
        self.ax, self.theme = ax, theme
        low = 10 ** math.floor(math.log10(limits[0]))
        # Head room above the tallest bar for its value.
        high = 10 ** math.ceil(math.log10(limits[1] * 4))
        if high <= low * 10:
            high = low * 100
        self.low = low
        layers = np.arange(1, n_layers)
        ax.set_yscale("log")
        ax.set_ylim(low, high)
        decade_ticks(ax.yaxis)
        ax.set_xlim(0.4, n_layers - 0.4)
        # Bars rise from the bottom of the axes; their top is the norm.
        self.bars = ax.bar(
            layers,
            np.zeros(len(layers)),
            bottom=low,
            width=0.62,
            color=theme.gradient,
            edgecolor=theme.gradient,
            zorder=2,
        )
        size = 8.0 if len(layers) <= 6 else 7.0
        self.values = [
            ax.text(x, low, "", ha="center", va="bottom", fontsize=size, color=theme.text, zorder=3)
            for x in (layers if len(layers) <= MAX_LABELLED_BARS else [])
        ]
        every = max(1, math.ceil(len(layers) / 12))
        shown = layers[::every]
        ax.set_xticks(shown, [f"W[{x}]" if len(layers) <= 6 else str(x) for x in shown])
        _style_axes(ax, theme)
        ax.yaxis.grid(True, color=theme.edge, linewidth=0.5, alpha=0.6)
        ax.set_axisbelow(True)
        self.title = axes_caption(ax, "", theme.muted)
        self.xlabel = axes_caption(
            ax, "layer: input side → output side", theme.muted, "xlabel", size=8.5, pad=17
        )

    def update(self, norms: Sequence[float | None], current: int | None = None) -> None:
        """Bars for ``norms[1:]`` (``None``: not known yet, no bar); ``current`` is emphasised."""
        for layer, bar in enumerate(self.bars, start=1):
            value = norms[layer] if layer < len(norms) else None
            norm = float("nan") if value is None else float(value)
            known = norm > 0  # False for a layer not reached yet (nan) and for a zero gradient
            bar.set_height(norm - self.low if known else 0.0)
            on = current is None or layer == current
            bar.set_alpha(1.0 if on else 0.45)
            bar.set_visible(known)
            if layer - 1 < len(self.values):
                text = self.values[layer - 1]
                text.set_text("" if value is None else short_number(norm, 2))
                text.set_y(norm if known else self.low)
                text.set_fontweight("bold" if current is not None and on else "normal")
