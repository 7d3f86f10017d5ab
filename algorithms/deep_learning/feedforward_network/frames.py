"""The feedforward network's picture: the layered network, and a table of the layer at work.

Left, the network (:class:`~eigenvue.drawing.parts.NetworkDrawing`, the same
drawing as backpropagation's): each connection coloured by its weight's sign
and as thick as its size, each neuron holding its activation once the signal
has reached it, the layer being computed tinted in the forward colour; a deep
network is a heat map of activations instead, a column per layer
(:class:`~eigenvue.drawing.parts.GridPart`). Right, a table
(:class:`~eigenvue.drawing.parts.TablePanel`): the layer sizes at first, then
each layer's weighted sums z and activations a, then the output. Every number
comes from the step state.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from eigenvue.drawing import Diagram as BaseDiagram
from eigenvue.drawing.parts import GridPart, NetworkDrawing, TablePanel, default_layer_names
from eigenvue.drawing.theme import blend
from eigenvue.text import number, short_vector

if TYPE_CHECKING:
    from matplotlib.figure import SubFigure

    from eigenvue.drawing import Theme
    from eigenvue.step import Step, Trace

#: Rows of the side table; larger layers show their first rows and say how many there are.
TABLE_ROWS = 8
#: Deeper networks are drawn as a heat map of activations, one column per layer.
MAX_DRAWN_LAYERS = 8


def more(count: int, what: str, shown: int = TABLE_ROWS) -> str:
    """The note of a table that shows only the first ``shown`` of ``count`` rows."""
    return f"First {shown} of {count:,} {what}. " if count > shown else ""


def show_activations(
    net: NetworkDrawing, theme: Theme, activations: Sequence[Any], current: int | None
) -> None:
    """Each layer the signal has reached with its values, tinted forward (``current`` most).

    The layers not reached yet are greyed. Backpropagation's forward pass draws
    its network with this too, so the two lessons show the signal alike.
    """
    for layer in range(net.n_layers):
        if layer >= len(activations):
            net.set_neuron_style(layer, face=theme.panel, edge=theme.muted)
            continue
        net.set_values(layer, np.asarray(activations[layer], dtype=float))
        on = layer == current
        tint = blend(theme.forward, theme.background, 0.38 if on else 0.12)
        net.set_neuron_style(
            layer, face=tint, edge=theme.forward if on else theme.text, width=2.6 if on else 1.4
        )


def layer_table(panel: TablePanel, theme: Theme, title: str, z: Any, a: Any, **labels: str) -> None:
    """A layer's forward computation in ``panel``: each neuron's z and a.

    ``labels`` gives the header of the a column (``activation="a = relu(z)"``)
    and the ``note`` under the table.
    """
    rows = [[str(j + 1), number(z[j]), number(a[j])] for j in range(min(len(a), TABLE_ROWS))]
    panel.show(
        title,
        title_color=theme.forward,
        header=["neuron", "z = W·a + b", labels.get("activation", "a = f(z)")],
        rows=rows,
        column_colors=[None, theme.muted, theme.forward],
        note=more(len(a), "neurons") + labels.get("note", ""),
    )


class Diagram(BaseDiagram):
    """The network, with the layer being computed emphasised, and its numbers beside it."""

    def __init__(self, fig: SubFigure, trace: Trace, theme: Theme) -> None:
        super().__init__(fig, trace, theme)
        final = trace[-1].state
        self.sizes = [int(n) for n in final["layerSizes"]]
        self.n_layers = len(self.sizes)
        self.activation = final["activationFunction"]
        weights = [np.asarray(w, dtype=float) for w in final["weights"]]
        grid = fig.add_gridspec(1, 2, width_ratios=[0.62, 0.38], wspace=0.1)
        grid.update(left=0.02, right=0.97, bottom=0.04, top=0.97)
        self.deep = self.n_layers > MAX_DRAWN_LAYERS
        if self.deep:
            # A deep network's activations as a heat map: one column per layer, a row per neuron.
            layers = [np.asarray(a, dtype=float) for a in final["activations"]]
            self.activations = np.full((max(self.sizes), self.n_layers), np.nan)
            for layer, values in enumerate(layers):
                self.activations[: values.size, layer] = values
            top = float(np.nanmax(np.abs(self.activations)))
            cell = fig.add_subplot(grid[0, 0])
            cell.set_axis_off()  # room inside the cell for the labels and the colour bar
            self.depth = GridPart(
                cell.inset_axes((0.06, 0.02, 0.8, 0.84)),
                theme,
                self.activations.shape,
                scale="diverging",
                vmin=-top,
                vmax=top,
                square=False,
                title="activation a of each neuron (row) in each layer (column)",
            )
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
            known = np.full_like(self.activations, np.nan)
            known[:, : len(activations)] = self.activations[:, : len(activations)]
            self.depth.update(known, highlight_col=len(activations) - 1)
        else:
            self._draw_network(activations, step.is_terminal)
        if step.is_terminal:
            self._show_output(np.asarray(activations[-1], dtype=float))
        elif current == 0:
            self._show_architecture(np.asarray(activations[0], dtype=float))
        else:
            z = np.asarray(step.state["weightedSums"][current], dtype=float)
            self._show_layer(current, z, np.asarray(activations[current], dtype=float))

    def _draw_network(self, activations: list, done: bool) -> None:
        theme, net = self.theme, self.network
        known = len(activations)
        net.reset()
        show_activations(net, theme, activations, None if done else known - 1)
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
            [self.layer_names[layer], f"{sizes[layer]:,}", f"{sizes[layer]}×{sizes[layer - 1]}"]
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
            f"The input layer holds the example, {short_vector(x)}; the other layers wait "
            "for the signal.",
        )

    def _show_layer(self, layer: int, z: np.ndarray, a: np.ndarray) -> None:
        layer_table(
            self.panel,
            self.theme,
            f"Layer {layer}: weigh, sum, activate",
            z,
            a,
            activation=f"a = {self.activation}(z)",
            note=f"{'The neuron' if a.size == 1 else 'Each neuron'} multiplies the "
            f"{self.sizes[layer - 1]:,} activations of layer {layer - 1} by the weights of its "
            f"lines, adds its bias and applies {self.activation}.",
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
            note=more(len(output), "outputs")
            + "The weights are untrained, so this answer means nothing yet. Training them "
            "on examples is what backpropagation does.",
        )
