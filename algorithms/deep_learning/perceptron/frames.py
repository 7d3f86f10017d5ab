"""The perceptron's picture: inputs and weights feeding one neuron, and its activation curve.

Left, the neuron: a row per input (its value, its weight, their product) with
a connection into the neuron (colour = the weight's sign, thickness = its
size), the bias, the summing neuron and its output; past eight inputs, the
first six, a count of the hidden ones and the last. Right, the activation
function f (:class:`~eigenvue.drawing.parts.FunctionPart`) with the operating
point (z, a) marked once it is known. Each step
brings one part forward; every number comes from the step state (the curve
from the implementation's activation function).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch

import eigenvue.drawing
from eigenvue.drawing.parts import FunctionPart
from eigenvue.text import number

from .neuron import ACTIVATIONS

if TYPE_CHECKING:
    from matplotlib.figure import SubFigure
    from matplotlib.text import Text

    from eigenvue.drawing import Theme
    from eigenvue.step import Step, Trace

#: Up to this many inputs each gets a row; beyond, the first ones, a gap and the last one.
MAX_ROWS = 8
SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")

# Where things sit in the neuron panel's data coordinates (0–10 both ways).
X_INPUT, X_WEIGHT, X_PRODUCT, X_EDGE = 0.1, 2.5, 3.95, 5.45
X_NEURON, X_OUTPUT = 7.15, 8.55
Y_NEURON, Y_BIAS = 5.0, 1.5
ROWS_TOP, ROWS_BOTTOM = 7.9, 2.1

CURVE_LABELS = {
    "sigmoid": "σ(z) = 1 / (1 + e⁻ᶻ)",
    "relu": "ReLU(z) = max(0, z)",
    "tanh": "tanh(z)",
    "step": "step(z) = 1 if z ≥ 0 else 0",
}


def _rows(n: int) -> list[int | None]:
    """Which inputs get a row, top to bottom; ``None`` is the gap for the ones left out."""
    if n <= MAX_ROWS:
        return list(range(n))
    return [*range(MAX_ROWS - 2), None, n - 1]


def _label(name: str, index: int) -> str:
    return f"{name}{str(index).translate(SUBSCRIPTS)}"


class Diagram(eigenvue.drawing.Diagram):
    """One neuron: inputs, weights, weighted sum, activation curve with (z, a), output."""

    def __init__(self, fig: SubFigure, trace: Trace, theme: Theme) -> None:
        super().__init__(fig, trace, theme)
        first = trace[0].state
        self.n = int(first["n"])
        self.rows = _rows(self.n)
        self.activation = first["activationFunction"]
        grid = fig.add_gridspec(
            1, 2, width_ratios=(1.9, 1.0), wspace=0.3, left=0.01, right=0.98, top=0.9, bottom=0.13
        )
        self.ax = fig.add_subplot(grid[0, 0])
        self.curve_ax = fig.add_subplot(grid[0, 1])
        self._build_neuron(first)
        self._build_curve(trace[-1].state)

    # -- building ------------------------------------------------------------------

    def _build_neuron(self, state: dict) -> None:
        theme, ax = self.theme, self.ax
        ax.set_xlim(0, 10)
        ax.set_ylim(0, 10)
        ax.set_axis_off()
        k = len(self.rows)
        self.row_y = (
            np.linspace(ROWS_TOP, ROWS_BOTTOM, k) if k > 1 else np.array([Y_NEURON])
        ).tolist()
        weights = np.asarray(state["weights"], dtype=float)
        biggest = float(np.max(np.abs(weights))) or 1.0
        box = {"boxstyle": "round,pad=0.3", "facecolor": theme.panel, "edgecolor": theme.edge}

        header = {"ha": "left", "va": "center", "fontsize": 9, "color": theme.muted}
        ax.text(X_INPUT, 9.7, "input", **header)
        ax.text(X_WEIGHT, 9.7, "× weight", **header)
        ax.text(X_PRODUCT, 9.7, "= w·x", **header)
        ax.text(X_NEURON, 9.7, "neuron", **{**header, "ha": "center"})
        ax.text(X_OUTPUT + 0.1, 9.7, "output", **header)
        self.legend = ax.legend(
            handles=[
                Line2D([], [], color=theme.positive, lw=3, label="w > 0"),
                Line2D([], [], color=theme.negative, lw=3, label="w < 0"),
                Line2D([], [], color=theme.muted, lw=1, label="thicker = larger |w|"),
            ],
            loc="upper center",
            bbox_to_anchor=(0.5, 0.95),
            ncols=3,
            frameon=False,
            fontsize=8.5,
            labelcolor=theme.muted,
            handlelength=1.4,
            columnspacing=1.2,
        )

        # One row per input: its value, its weight, their product, and its connection.
        self.edges = []
        self.edge_colors: list[str] = []
        self.edge_widths: list[float] = []
        self.input_texts: list[Text] = []
        self.weight_texts: list[Text] = []
        self.product_texts: list[Text] = []
        cell = {"ha": "left", "va": "center", "fontsize": 8.5, "zorder": 3}
        for index, y in zip(self.rows, self.row_y):
            if index is None:
                ax.text(X_INPUT, y, f"⋮  {self.n - len(self.rows) + 1:,} more", **cell)
                continue
            w = float(weights[index])
            (edge,) = ax.plot(
                [X_EDGE, X_NEURON - 0.6],
                [y, Y_NEURON],
                color=theme.edge,
                lw=1.0,
                solid_capstyle="round",
                zorder=1,
            )
            self.edges.append(edge)
            self.edge_colors.append(theme.positive if w >= 0 else theme.negative)
            self.edge_widths.append(0.8 + 4.2 * abs(w) / biggest)
            self.input_texts.append(ax.text(X_INPUT, y, "", bbox=box, **cell))
            self.weight_texts.append(ax.text(X_WEIGHT, y, "", **cell))
            self.product_texts.append(ax.text(X_PRODUCT, y, "", **cell))
        self.row_indices = [i for i in self.rows if i is not None]

        (self.bias_edge,) = ax.plot(
            [X_NEURON, X_NEURON], [Y_BIAS + 0.35, Y_NEURON - 0.8], color=theme.edge, lw=1.0
        )
        self.bias_text = ax.text(
            X_NEURON, Y_BIAS, "", ha="center", va="center", fontsize=9, bbox=dict(box), zorder=3
        )
        # The neuron: a marker stays round whatever the panel's aspect ratio.
        self.neuron = ax.scatter(
            [X_NEURON], [Y_NEURON], s=2600, facecolors=theme.background, zorder=2
        )
        self.neuron_text = ax.text(
            X_NEURON, Y_NEURON, "", ha="center", va="center", fontsize=8.5, zorder=3
        )
        self.output_arrow = FancyArrowPatch(
            (X_NEURON + 0.6, Y_NEURON),
            (X_OUTPUT, Y_NEURON),
            arrowstyle="-|>",
            mutation_scale=14,
            lw=1.2,
            color=theme.edge,
        )
        ax.add_patch(self.output_arrow)
        self.output_text = ax.text(
            X_OUTPUT + 0.1, Y_NEURON, "", ha="left", va="center", fontsize=10, bbox=dict(box)
        )
        self.sum_text = ax.text(
            0.1, 0.05, "", ha="left", va="bottom", fontsize=9, color=theme.text, wrap=True
        )

    def _build_curve(self, final: dict) -> None:
        half = max(6.0, 1.3 * abs(float(final["z"])))
        grid = np.linspace(-half, half, 801)
        values = ACTIVATIONS[self.activation](grid)
        if self.activation == "step":
            # Draw the jump as a jump, not as a steep ramp between two grid points.
            values = np.where(grid == 0, np.nan, values)
        ylim = {"sigmoid": (-0.08, 1.12), "step": (-0.08, 1.12), "tanh": (-1.15, 1.15)}.get(
            self.activation, (-0.06 * half, 1.06 * half)
        )
        self.curve = FunctionPart(
            self.curve_ax,
            self.theme,
            grid,
            values,
            ylim=ylim,
            names=("z", "a"),
            title=CURVE_LABELS[self.activation],
            xlabel="weighted sum z",
            ylabel="output a = f(z)",
        )

    # -- updating -------------------------------------------------------------------

    def update(self, step: Step) -> None:
        """Show one stage: inputs, weights, products, sum, activation or output."""
        state, theme = step.state, self.theme
        stage = ["show-inputs", "show-weights", "weighted-inputs", "pre-activation", "activation"]
        at = stage.index(step.id) if step.id in stage else len(stage)
        x = np.asarray(state["inputs"], dtype=float)
        w = np.asarray(state["weights"], dtype=float)

        for text, i in zip(self.input_texts, self.row_indices):
            text.set_text(f"{_label('x', i)} = {number(x[i], 3)}")
            text.set_color(theme.forward if at == 0 else theme.text)
            patch = text.get_bbox_patch()
            patch.set_edgecolor(theme.forward if at == 0 else theme.edge)
            patch.set_linewidth(2.0 if at == 0 else 1.0)

        products = state.get("weightedInputs")
        rows = zip(
            self.edges,
            self.edge_colors,
            self.edge_widths,
            self.weight_texts,
            self.product_texts,
            self.row_indices,
        )
        for edge, sign_colour, width, weight_text, product_text, i in rows:
            weighed = at >= 1
            edge.set_color(sign_colour if weighed else theme.edge)
            edge.set_linewidth(width if weighed else 1.0)
            edge.set_alpha(1.0 if at in (1, 2) or not weighed else 0.55)
            weight_text.set_text(f"× {number(w[i], 3)}" if weighed else "")
            weight_text.set_color(sign_colour)
            weight_text.set_fontweight("bold" if at == 1 else "normal")
            product_text.set_text(f"= {number(products[i], 3)}" if products is not None else "")
            product_text.set_color(theme.forward if at == 2 else theme.text)
            product_text.set_fontweight("bold" if at == 2 else "normal")

        self.legend.set_visible(at >= 1)
        bias_on = at >= 1
        self.bias_text.set_text(f"bias b = {number(state['bias'], 3)}" if bias_on else "")
        self.bias_text.get_bbox_patch().set_visible(bias_on)
        self.bias_edge.set_color(theme.text if bias_on else theme.edge)
        self.bias_edge.set_visible(bias_on)
        self.bias_text.get_bbox_patch().set_edgecolor(theme.highlight if at == 1 else theme.edge)

        z, a = state.get("z"), state.get("a")
        lines = ["Σ  →  f"]
        if z is not None:
            lines = [f"z = {number(z, 3)}"] + ([f"a = {number(a, 3)}"] if a is not None else [])
        self.neuron_text.set_text("\n".join(lines))
        busy = at in (3, 4)
        self.neuron.set_edgecolors(theme.highlight if busy else theme.text)
        self.neuron.set_linewidths(2.5 if busy else 1.4)

        done = step.is_terminal
        self.output_arrow.set_color(theme.done if done else theme.edge)
        self.output_text.set_text(f"a = {number(state['output'], 3)}" if done else "a = ?")
        out_patch = self.output_text.get_bbox_patch()
        out_patch.set_edgecolor(theme.done if done else theme.edge)
        out_patch.set_linewidth(2.0 if done else 1.0)
        self.output_text.set_color(theme.done if done else theme.muted)

        self.sum_text.set_text(self._sum_line(state) if z is not None else "")
        self.sum_text.set_color(theme.highlight if at == 3 else theme.text)
        emphasis = "on" if at >= 4 else "near" if at == 3 else "faint"
        self.curve.update(z, a, emphasis=emphasis, color=theme.done if done else None)

    def _sum_line(self, state: dict) -> str:
        p = np.asarray(state["weightedInputs"], dtype=float)
        b, z = float(state["bias"]), float(state["z"])
        if p.size > 4:
            return f"z = sum of the {p.size:,} weighted inputs + b = {number(z, 3)}"
        terms = " + ".join(number(v, 3) if v >= 0 else f"({number(v, 3)})" for v in [*p, b])
        return f"z = {terms} = {number(z, 3)}"
