"""The convolution's picture: the input with the kernel's window, the products, the output.

Four heat maps (:class:`~eigenvue.drawing.parts.GridPart`, a diverging scale
centred on 0): left, the input with the window the kernel covers at this
step; in the middle, the kernel and the element-wise products of window and
kernel (spelled out, "5·(−1) = −5", for small kernels) with their sum; right,
the output filling in, the cell being written outlined and joined to the sum
by an arrow. Past 12 cells a side a grid is drawn as colours alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from matplotlib.patches import ConnectionPatch, Rectangle

import eigenvue.drawing
from eigenvue.drawing.parts import GridPart
from eigenvue.text import number

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import SubFigure

    from eigenvue.drawing import Theme
    from eigenvue.step import Step, Trace

#: Up to this many kernel cells, each product is written out as "value·weight = product".
MAX_SPELLED_PRODUCTS = 9
#: … and while "value·weight" is at most this many characters.
MAX_SPELLED_CHARS = 10


def _factor(value: float) -> str:
    """A factor of a product, in parentheses when negative."""
    return f"({number(value, 3)})" if value < 0 else number(value, 3)


def _grid(ax: Axes, theme: Theme, values: np.ndarray, title: str, bound: float) -> GridPart:
    """A diverging heat map of ``values``' shape on the fixed scale ±``bound``."""
    return GridPart(
        ax,
        theme,
        values.shape,
        scale="diverging",
        vmin=-(bound or 1.0),
        vmax=bound or 1.0,
        digits=3,
        colorbar=False,
        title=title,
    )


class Diagram(eigenvue.drawing.Diagram):
    """Input with the kernel's window, kernel, products with their sum, output filling in."""

    def __init__(self, fig: SubFigure, trace: Trace, theme: Theme) -> None:
        super().__init__(fig, trace, theme)
        first, last = trace[0].state, trace[-1].state
        self.grid = grid = np.asarray(first["inputGrid"], dtype=float)
        self.kernel = kernel = np.asarray(first["kernel"], dtype=float)
        output = np.asarray(last["outputGrid"], dtype=float)
        self.out_shape = output.shape
        layout = fig.add_gridspec(2, 3, width_ratios=(1.25, 0.8, 1.0), height_ratios=(1.0, 1.25))
        layout.update(left=0.03, right=0.98, top=0.9, bottom=0.1, wspace=0.2, hspace=0.4)
        axes = [fig.add_subplot(layout[:, 0]), fig.add_subplot(layout[0, 1])]
        axes += [fig.add_subplot(layout[1, 1]), fig.add_subplot(layout[:, 2])]
        top = float(np.max(np.abs(grid)))
        self.input = _grid(axes[0], theme, grid, f"input {grid.shape[0]}×{grid.shape[1]}", top)
        self.input.update(grid)
        k_title = f"kernel {kernel.shape[0]}×{kernel.shape[1]}"
        self.kernel_grid = _grid(axes[1], theme, kernel, k_title, float(np.max(np.abs(kernel))))
        self.kernel_grid.update(kernel)
        # The products can be as large as max|input| · max|kernel|: one scale for every step.
        bound = top * float(np.max(np.abs(kernel)))
        self.products = _grid(axes[2], theme, kernel, "window ⊙ kernel (cell by cell)", bound)
        o_title = f"output {output.shape[0]}×{output.shape[1]}"
        self.output = _grid(axes[3], theme, output, o_title, float(np.max(np.abs(output))))
        self.sum_text = axes[2].text(
            0.5,
            -0.06,
            "",
            transform=axes[2].transAxes,
            ha="center",
            va="top",
            fontsize=11,
            fontweight="bold",
            color=theme.forward,
        )
        self.order = np.arange(output.size).reshape(self.out_shape)  # reading order of cells
        self.window = Rectangle(
            (-0.5, -0.5),
            kernel.shape[1],
            kernel.shape[0],
            fill=False,
            zorder=5,
            clip_on=False,
            edgecolor=theme.forward,
            linewidth=max(2.5, min(4.0, 40.0 / max(grid.shape))),
        )
        axes[0].add_patch(self.window)
        # From the sum to the output cell it becomes.
        self.arrow = ConnectionPatch(
            xyA=(1.0, 0.5),
            coordsA=axes[2].transAxes,
            xyB=(0, 0),
            coordsB=axes[3].transData,
            arrowstyle="-|>",
            mutation_scale=14,
            color=theme.forward,
            linewidth=1.6,
            shrinkA=4,
            shrinkB=4,
            connectionstyle="arc3,rad=0.2",
        )
        fig.add_artist(self.arrow)
        # Spelled out only while "value·weight" stays short enough for a cell.
        widest = max(len(_factor(v)) for v in np.unique(grid)) + 1
        widest += max(len(_factor(v)) for v in np.unique(kernel))
        self.spelled = kernel.size <= MAX_SPELLED_PRODUCTS and widest <= MAX_SPELLED_CHARS

    def update(self, step: Step) -> None:
        """Move the window, show its products and sum, and fill the output up to this cell."""
        state, theme = step.state, self.theme
        at = "currentRow" in state
        r, c = (int(state["currentRow"]), int(state["currentCol"])) if at else (0, 0)
        done = step.is_terminal
        known = self.order <= r * self.out_shape[1] + c if at else np.full(self.out_shape, done)
        output = np.where(known, np.asarray(state["outputGrid"], dtype=float), np.nan)
        self.output.update(output, highlight_cell=(r, c) if at else None)
        self.output.ax.title.set_color(theme.done if done else theme.text)
        self.output.ax.title.set_fontweight("bold" if done else "normal")
        for artist in (self.window, self.arrow):
            artist.set_visible(at)
        if not at:
            self.products.update(np.full(self.kernel.shape, np.nan))
            self.sum_text.set_text("")
            return
        self.window.set_xy((c - 0.5, r - 0.5))
        self.arrow.xy2 = (c, r)
        products = np.asarray(state["products"], dtype=float)
        kh, kw = self.kernel.shape
        window = self.grid[r : r + kh, c : c + kw]
        spelled = None
        if self.spelled:
            spelled = [
                # + 0.0 turns a product of −0.0 into 0: "= −0" would read as a sign error.
                [f"{_factor(x)}·{_factor(k)}\n= {number(p + 0.0, 3)}" for x, k, p in zip(*rows)]
                for rows in zip(window, self.kernel, products)
            ]
        self.products.update(products, cells=spelled)
        self.sum_text.set_text(f"sum = {number(state['sum'], 3)}  →  output[{r}][{c}]")
