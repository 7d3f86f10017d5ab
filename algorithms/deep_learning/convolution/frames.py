"""The convolution's picture: the input with the kernel's window, the products, the output.

Left, the input grid with the window the kernel covers at this step; in the
middle, the kernel and the element-wise products of window and kernel with
their sum; right, the output grid filling in, the cell being written outlined
and joined to the sum by an arrow. Cells are coloured by value (a diverging
map centred on 0); numbers are written in them while the cells are big
enough, so a 64×64 input is drawn as colours alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from matplotlib.colors import Normalize
from matplotlib.patches import ConnectionPatch, Rectangle

import eigenvue.drawing

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import SubFigure
    from matplotlib.image import AxesImage
    from matplotlib.text import Text

    from eigenvue.drawing import Theme
    from eigenvue.step import Step, Trace

#: Up to this many cells along a side, cells carry their numbers and grid lines.
MAX_NUMBERED_SIDE = 12
#: Up to this many kernel cells, each product is written out as "value·weight".
MAX_SPELLED_PRODUCTS = 9
#: Cell numbers are written between these sizes (points); below the smaller, colours only.
MIN_FONT, MAX_FONT = 6.0, 12.0


def _num(value: float) -> str:
    """A number as a cell shows it: 3 significant digits, a true minus sign."""
    text = f"{value:.3g}"
    if text == "-0":
        text = "0"
    return text.replace("-", "−")


def _factor(value: float) -> str:
    """A factor of a product, in parentheses when negative."""
    text = _num(value)
    return f"({text})" if value < 0 else text


class _CellGrid:
    """A grid of coloured cells on one Axes, with optional numbers, made once and updated."""

    def __init__(
        self,
        ax: Axes,
        shape: tuple[int, int],
        norm: Normalize,
        theme: Theme,
        title: str,
        *,
        fontsize: float | None,
    ) -> None:
        self.ax, self.shape, self.norm, self.theme = ax, shape, norm, theme
        rows, cols = shape
        cmap = _cmap(theme)
        self.cmap = cmap
        self.image: AxesImage = ax.imshow(
            np.full(shape, np.nan), cmap=cmap, norm=norm, interpolation="nearest", aspect="equal"
        )
        ax.set_xticks([])
        ax.set_yticks([])
        for spine in ax.spines.values():
            spine.set_visible(True)
            spine.set_color(theme.edge)
        numbers = fontsize is not None
        if numbers and max(shape) > 1:
            # Thin lines between cells, in the background colour: cells read as tiles.
            ax.set_xticks(np.arange(-0.5, cols, 1), minor=True)
            ax.set_yticks(np.arange(-0.5, rows, 1), minor=True)
            ax.grid(which="minor", color=theme.background, linewidth=1.5)
            ax.tick_params(which="minor", length=0)
        self.title: Text = ax.set_title(title, fontsize=10, color=theme.text, pad=4)
        self.texts: list[list[Text]] = []
        if numbers:
            self.texts = [
                [
                    ax.text(c, r, "", ha="center", va="center", fontsize=fontsize)
                    for c in range(cols)
                ]
                for r in range(rows)
            ]

    def show(self, values: np.ndarray, known: np.ndarray | None = None, fmt=_num) -> None:
        """Colour the cells by ``values``; cells where ``known`` is False are left blank."""
        shown = values if known is None else np.where(known, values, np.nan)
        self.image.set_data(shown)
        if not self.texts:
            return
        colours = self.cmap(self.norm(np.nan_to_num(shown)))
        # Dark text on light cells and light text on dark ones, by perceived luminance.
        luminance = colours[..., :3] @ np.array([0.299, 0.587, 0.114])
        for r, row in enumerate(self.texts):
            for c, text in enumerate(row):
                if np.isnan(shown[r, c]):
                    text.set_text("")
                    continue
                text.set_text(fmt(r, c))
                text.set_color("#111111" if luminance[r, c] > 0.55 else "#ffffff")


def _cmap(theme: Theme):
    import matplotlib

    return matplotlib.colormaps[theme.diverging].with_extremes(bad=theme.panel)


def _symmetric(values: np.ndarray) -> Normalize:
    """A colour scale centred on 0 that spans ±max|value| (±1 for an all-zero grid)."""
    top = float(np.max(np.abs(values))) if values.size else 0.0
    top = top or 1.0
    return Normalize(-top, top)


def _widest(values: np.ndarray, fmt=_num) -> int:
    """The number of characters of the longest value as a cell writes it."""
    return max((len(fmt(float(v))) for v in np.unique(values)), default=1)


def _font_for(
    shape: tuple[int, int], box_px: tuple[float, float], dpi: float, chars: int, lines: int = 1
) -> float | None:
    """The font size (points) at which ``lines`` lines of ``chars`` characters fit a cell.

    None when that would be smaller than :data:`MIN_FONT`: such a grid is drawn as colours only.
    """
    if max(shape) > MAX_NUMBERED_SIDE:
        return None
    cell_w, cell_h = box_px[0] / shape[1], box_px[1] / shape[0]
    cell = min(cell_w, cell_h)  # equal aspect: cells are squares of the smaller side
    size_px = min(cell / (0.62 * chars + 0.8), cell / (1.3 * lines + 0.7))
    size = min(MAX_FONT, size_px * 72 / dpi)
    return size if size >= MIN_FONT else None


class Diagram(eigenvue.drawing.Diagram):
    """Input with the kernel's window, kernel, products with their sum, output filling in."""

    def __init__(self, fig: SubFigure, trace: Trace, theme: Theme) -> None:
        super().__init__(fig, trace, theme)
        first, last = trace[0].state, trace[-1].state
        grid = np.asarray(first["inputGrid"], dtype=float)
        kernel = np.asarray(first["kernel"], dtype=float)
        output = np.asarray(last["outputGrid"], dtype=float)
        self.grid, self.kernel = grid, kernel
        self.kh, self.kw = kernel.shape
        self.out_shape = output.shape

        layout = fig.add_gridspec(
            2,
            3,
            width_ratios=(1.25, 0.8, 1.0),
            height_ratios=(1.0, 1.25),
            left=0.02,
            right=0.98,
            top=0.92,
            bottom=0.1,
            wspace=0.18,
            hspace=0.35,
        )
        self.input_ax = fig.add_subplot(layout[:, 0])
        self.kernel_ax = fig.add_subplot(layout[0, 1])
        self.products_ax = fig.add_subplot(layout[1, 1])
        self.output_ax = fig.add_subplot(layout[:, 2])

        dpi = fig.figure.dpi

        def box(ax: Axes) -> tuple[float, float]:
            """The Axes' size in pixels, before equal aspect shrinks it to the grid's shape."""
            position = ax.get_position()  # fractions of the subfigure
            return position.width * fig.bbox.width, position.height * fig.bbox.height

        small = max(grid.shape) <= MAX_NUMBERED_SIDE or kernel.size <= MAX_SPELLED_PRODUCTS
        # Sizes of the numbers, measured only on grids small enough to be numbered at all.
        grid_chars = _widest(grid) if small else 8
        kernel_chars = _widest(kernel) if max(kernel.shape) <= MAX_NUMBERED_SIDE else 8

        self.input = _CellGrid(
            self.input_ax,
            grid.shape,
            _symmetric(grid),
            theme,
            f"input {grid.shape[0]}×{grid.shape[1]}",
            fontsize=_font_for(grid.shape, box(self.input_ax), dpi, grid_chars),
        )
        self.input.show(grid, fmt=lambda r, c: _num(grid[r, c]))
        self.kernel_grid = _CellGrid(
            self.kernel_ax,
            kernel.shape,
            _symmetric(kernel),
            theme,
            f"kernel {self.kh}×{self.kw}",
            fontsize=_font_for(kernel.shape, box(self.kernel_ax), dpi, kernel_chars),
        )
        self.kernel_grid.show(kernel, fmt=lambda r, c: _num(kernel[r, c]))

        # Small kernels spell each product out ("5·(−1) = −5") when the factors are short.
        products_box = box(self.products_ax)
        spelled_chars = (
            (_widest(grid, _factor) if small else 9)
            + 1
            + (_widest(kernel, _factor) if kernel.size <= MAX_SPELLED_PRODUCTS else 9)
        )
        spelled_font = _font_for(kernel.shape, products_box, dpi, max(spelled_chars, 6), lines=2)
        self.spelled = kernel.size <= MAX_SPELLED_PRODUCTS and spelled_font is not None
        if self.spelled:
            products_font = spelled_font
        else:
            products_font = _font_for(kernel.shape, products_box, dpi, 6)
        # The products can be as large as max|input| · max|kernel|; one scale for every step.
        bound = float(np.max(np.abs(grid)) * np.max(np.abs(kernel))) or 1.0
        self.products = _CellGrid(
            self.products_ax,
            kernel.shape,
            Normalize(-bound, bound),
            theme,
            "window ⊙ kernel (cell by cell)",
            fontsize=products_font,
        )
        self.sum_text = self.products_ax.text(
            0.5,
            -0.04,
            "",
            transform=self.products_ax.transAxes,
            ha="center",
            va="top",
            fontsize=11,
            fontweight="bold",
            color=theme.forward,
        )

        self.output = _CellGrid(
            self.output_ax,
            self.out_shape,
            _symmetric(output),
            theme,
            f"output {self.out_shape[0]}×{self.out_shape[1]}",
            fontsize=_font_for(
                self.out_shape,
                box(self.output_ax),
                dpi,
                _widest(output) if max(self.out_shape) <= MAX_NUMBERED_SIDE else 8,
            ),
        )
        self.order = np.arange(output.size).reshape(self.out_shape)  # reading order of cells

        edge = max(1.5, min(3.0, 30.0 / max(grid.shape)))
        self.window = Rectangle(
            (-0.5, -0.5),
            self.kw,
            self.kh,
            facecolor="none",
            edgecolor=theme.forward,
            linewidth=edge + 1,
            zorder=5,
            visible=False,
        )
        self.input_ax.add_patch(self.window)
        self.cell = Rectangle(
            (-0.5, -0.5),
            1,
            1,
            facecolor="none",
            edgecolor=theme.forward,
            linewidth=max(1.5, min(3.0, 30.0 / max(self.out_shape))) + 1,
            zorder=5,
            visible=False,
        )
        self.output_ax.add_patch(self.cell)
        # From the sum to the output cell it becomes.
        self.arrow = ConnectionPatch(
            xyA=(1.0, 0.5),
            coordsA=self.products_ax.transAxes,
            xyB=(0, 0),
            coordsB=self.output_ax.transData,
            arrowstyle="-|>",
            mutation_scale=14,
            color=theme.forward,
            linewidth=1.6,
            shrinkA=4,
            shrinkB=4,
            connectionstyle="arc3,rad=0.2",
            visible=False,
        )
        fig.add_artist(self.arrow)

    def update(self, step: Step) -> None:
        """Move the window, show its products and sum, and fill the output up to this cell."""
        state = step.state
        output = np.array(state["outputGrid"], dtype=float)
        at = "currentRow" in state
        if at:
            r, c = int(state["currentRow"]), int(state["currentCol"])
            known = self.order <= r * self.out_shape[1] + c
        else:
            r = c = 0
            known = np.full(self.out_shape, step.is_terminal)
        self.output.show(output, known, fmt=lambda i, j: _num(output[i, j]))

        self.window.set_visible(at)
        self.cell.set_visible(at)
        self.arrow.set_visible(at)
        if at:
            self.window.set_xy((c - 0.5, r - 0.5))
            self.cell.set_xy((c - 0.5, r - 0.5))
            self.arrow.xy2 = (c, r)
            products = np.asarray(state["products"], dtype=float)
            window = self.grid[r : r + self.kh, c : c + self.kw]
            kernel = self.kernel

            def spell(i: int, j: int) -> str:
                if self.spelled:
                    return (
                        f"{_factor(window[i, j])}·{_factor(kernel[i, j])}\n= {_num(products[i, j])}"
                    )
                return _num(products[i, j])

            self.products.show(products, fmt=spell)
            self.products.title.set_color(self.theme.text)
            self.sum_text.set_text(f"sum = {_num(state['sum'])}  →  output[{r}][{c}]")
        else:
            self.products.show(np.full((self.kh, self.kw), np.nan))
            self.products.title.set_color(self.theme.muted)
            self.sum_text.set_text("")
        done = step.is_terminal
        self.output.title.set_color(self.theme.done if done else self.theme.text)
        self.output.title.set_fontweight("bold" if done else "normal")
