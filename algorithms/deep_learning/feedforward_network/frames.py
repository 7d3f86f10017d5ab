"""The feedforward network's picture: the layered network, and a table of the layer at work.

Left, the network drawn by the shared :class:`eigenvue.drawing.kit.NetworkDrawing`
(the same drawing as backpropagation's): each connection coloured by its
weight's sign and as thick as its size, each neuron holding its activation
once the signal has reached it, the layer being computed tinted in the
forward colour. Right, a table: the layer sizes at first, then each layer's
weighted sums z and activations a, then the output.

Activations come from the step state. The weighted sums z, which the Eigenvue
step format leaves out of the state, come from the implementation's forward
pass; nothing is computed here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from eigenvue.drawing import Diagram as BaseDiagram
from eigenvue.drawing.kit import NetworkDrawing, TablePanel, blend, default_layer_names
from eigenvue.text import number

from . import network as nn

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import SubFigure

    from eigenvue.drawing import Theme
    from eigenvue.step import Step, Trace

#: Rows of the side table; larger layers show their first rows and say how many there are.
TABLE_ROWS = 8
#: Deeper networks are drawn as a heat map of activations, one column per layer.
MAX_DRAWN_LAYERS = 8


class Diagram(BaseDiagram):
    """The network, with the layer being computed emphasised, and its numbers beside it."""

    def __init__(self, fig: SubFigure, trace: Trace, theme: Theme) -> None:
        super().__init__(fig, trace, theme)
        final = trace[-1].state
        self.sizes = [int(n) for n in final["layerSizes"]]
        self.n_layers = len(self.sizes)
        self.activation = final["activationFunction"]
        weights = [np.asarray(w, dtype=float) for w in final["weights"]]
        biases = [np.asarray(b, dtype=float) for b in final["biases"]]
        # The pre-activations of every layer, from the implementation (not in the state).
        x = np.asarray(final["activations"][0], dtype=float)
        self.z = nn.forward(weights, biases, x, self.activation).z

        grid = fig.add_gridspec(
            1,
            2,
            width_ratios=[0.62, 0.38],
            left=0.02,
            right=0.97,
            bottom=0.04,
            top=0.97,
            wspace=0.1,
        )
        self.deep = self.n_layers > MAX_DRAWN_LAYERS
        if self.deep:
            self.depth = DepthView(fig.add_subplot(grid[0, 0]), final["activations"], theme)
            self.layer_names = default_layer_names(self.sizes)
        else:
            self.network = NetworkDrawing(
                fig.add_subplot(grid[0, 0]), self.sizes, theme, notes=False, empty_text="?"
            )
            self.layer_names = self.network.layer_names
            # The weights never change in a forward pass: draw them once.
            self.network.set_weight_scale(
                max((float(np.abs(w).max()) for w in weights[1:]), default=1)
            )
            self.network.set_weights(weights)
        self.panel = TablePanel(fig.add_subplot(grid[0, 1]), theme, max_rows=TABLE_ROWS + 1)

    def update(self, step: Step) -> None:
        """Show the architecture, one layer's forward computation, or the output."""
        activations = step.state["activations"]
        current = len(activations) - 1
        if self.deep:
            self.depth.show(len(activations), done=step.is_terminal)
        else:
            self._draw_network(activations, step.is_terminal)
        if step.is_terminal:
            self._show_output(np.asarray(activations[-1], dtype=float))
        elif current == 0:
            self._show_architecture(np.asarray(activations[0], dtype=float))
        else:
            self._show_layer(current, np.asarray(activations[current], dtype=float))

    def _draw_network(self, activations: list, done: bool) -> None:
        theme, net = self.theme, self.network
        known = len(activations)
        net.reset()
        for layer in range(self.n_layers):
            if layer < known:
                net.set_values(layer, np.asarray(activations[layer], dtype=float))
                on = layer == known - 1 and not done
                net.set_neuron_style(
                    layer,
                    face=blend(theme.forward, theme.background, 0.38 if on else 0.12),
                    edge=theme.forward if on else theme.text,
                    width=2.6 if on else 1.4,
                )
            else:
                net.set_neuron_style(layer, face=theme.panel, edge=theme.muted)
        if done:
            last = self.n_layers - 1
            net.emphasize_layer(last, theme.done)
            net.set_neuron_style(
                last, face=blend(theme.done, theme.background, 0.35), edge=theme.done, width=2.6
            )
        else:
            net.emphasize_layer(known - 1, theme.forward)
            if known > 1:
                net.emphasize_connections(known - 1)

    def _show_architecture(self, x: np.ndarray) -> None:
        theme, sizes = self.theme, self.sizes
        rows = [["input", f"{sizes[0]:,}", "—"]]
        rows += [
            [
                self.layer_names[layer],
                f"{sizes[layer]:,}",
                f"{sizes[layer]}×{sizes[layer - 1]}",
            ]
            for layer in range(1, self.n_layers)
        ]
        if len(rows) > TABLE_ROWS:
            rows = [*rows[: TABLE_ROWS - 1], ["…", "", ""], rows[-1]]
        n_weights = sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))
        self.panel.show(
            "The network",
            title_color=theme.forward,
            header=["layer", "neurons", "weights W"],
            rows=rows,
            column_colors=[None, theme.text, theme.muted],
            note=f"{n_weights:,} random weights (Xavier-uniform) and a bias of 0.01 per neuron. "
            f"The input layer holds the example, {self._vector(x)}; the other layers wait "
            "for the signal.",
        )

    def _show_layer(self, layer: int, a: np.ndarray) -> None:
        theme = self.theme
        z = self.z[layer]
        rows = [[str(j + 1), number(z[j]), number(a[j])] for j in range(min(len(a), TABLE_ROWS))]
        self.panel.show(
            f"Layer {layer}: weigh, sum, activate",
            title_color=theme.forward,
            header=["neuron", "z = W·a + b", f"a = {self.activation}(z)"],
            rows=rows,
            column_colors=[None, theme.muted, theme.forward],
            note=self._more(len(a), "neurons")
            + f"{'The neuron' if a.size == 1 else 'Each neuron'} multiplies the "
            f"{self.sizes[layer - 1]:,} activations of layer "
            f"{layer - 1} by the weights of its lines, adds its bias and applies "
            f"{self.activation}.",
        )

    def _show_output(self, output: np.ndarray) -> None:
        theme = self.theme
        rows = [[str(k + 1), number(v)] for k, v in enumerate(output[:TABLE_ROWS])]
        self.panel.show(
            "The network's output",
            title_color=theme.done,
            big=number(output[0]) if output.size == 1 else "",
            big_color=theme.done,
            header=["output", "a"],
            rows=rows,
            column_colors=[None, theme.done],
            note=self._more(len(output), "outputs")
            + "The weights are untrained, so this answer means nothing yet. Training them "
            "on examples is what backpropagation does.",
        )

    @staticmethod
    def _vector(values: np.ndarray) -> str:
        shown = ", ".join(number(v, 3) for v in values[:4])
        return f"[{shown}{', …' if values.size > 4 else ''}]"

    @staticmethod
    def _more(count: int, what: str) -> str:
        return f"First {TABLE_ROWS} of {count:,} {what}. " if count > TABLE_ROWS else ""


class DepthView:
    """A deep network's activations as a heat map: one column per layer, one row per neuron.

    With dozens of layers a drawing of neurons and connections turns into a
    thicket; a grid of colours still shows the signal moving right, layer by
    layer, and where it grows, shrinks or dies out. Columns fill in as the
    layers are computed; the current one is outlined.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw.
    activations : list of array-like
        Every layer's activations (the final step's state), for the colour scale.
    theme : eigenvue.drawing.Theme
        The colours.
    """

    def __init__(self, ax: Axes, activations: list, theme: Theme) -> None:
        from matplotlib import colormaps
        from matplotlib.colors import Normalize
        from matplotlib.patches import Rectangle

        self.theme = theme
        # Room inside the cell for the tick labels and the colour bar.
        ax.set_axis_off()
        self.ax = heat = ax.inset_axes((0.1, 0.1, 0.74, 0.82))
        bar = ax.inset_axes((0.87, 0.1, 0.03, 0.82))
        layers = [np.asarray(a, dtype=float) for a in activations]
        self.n_layers, height = len(layers), max(a.size for a in layers)
        self.full = np.full((height, self.n_layers), np.nan)
        for layer, values in enumerate(layers):
            self.full[: values.size, layer] = values
        scale = float(np.nanmax(np.abs(self.full))) or 1.0
        cmap = colormaps[theme.diverging].with_extremes(bad=theme.panel)
        self.image = heat.imshow(
            np.full_like(self.full, np.nan),
            cmap=cmap,
            norm=Normalize(-scale, scale),
            aspect="auto",
            interpolation="nearest",
            extent=(-0.5, self.n_layers - 0.5, height - 0.5, -0.5),
        )
        self.cursor = Rectangle(
            (-0.5, -0.5), 1, height, fill=False, linewidth=2.5, edgecolor=theme.forward
        )
        heat.add_patch(self.cursor)
        heat.set_xlabel("layer (input → output)")
        heat.set_ylabel("neuron")
        heat.set_title("activations, one column per layer", fontsize=10, color=theme.muted)
        heat.xaxis.set_major_locator(_integer_locator())
        heat.yaxis.set_major_locator(_integer_locator())
        colorbar = ax.figure.colorbar(self.image, cax=bar)
        colorbar.set_label("activation a", color=theme.muted, fontsize=9)
        colorbar.outline.set_edgecolor(theme.edge)
        colorbar.ax.tick_params(colors=theme.muted, labelsize=8)

    def show(self, known: int, *, done: bool) -> None:
        """Colour the first ``known`` layers and outline the newest (the output when done)."""
        shown = np.full_like(self.full, np.nan)
        shown[:, :known] = self.full[:, :known]
        self.image.set_data(shown)
        self.cursor.set_x(known - 1.5)
        self.cursor.set_edgecolor(self.theme.done if done else self.theme.forward)


def _integer_locator():
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(nbins=8, integer=True)
