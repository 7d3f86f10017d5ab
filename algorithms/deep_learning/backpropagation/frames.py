"""The picture of backpropagation: the network, and a panel with this step's numbers.

Left, the network (:class:`eigenvue.drawing.kit.NetworkDrawing`): neurons with
their activations, connections coloured by the weight's sign and as thick as
its size, the layer being computed tinted in the colour of the phase
(forward, gradient, update), each neuron's δ under it once it is known, and
the targets beside the output layer. Right, a table of the step's numbers:
z and a of the layer computed, prediction against target and the loss, the
δ of each neuron, or each weight's old value, gradient and new value.

Each kind of step has one ``_show_*`` method that fills both; a new kind of
step (or a new panel) adds a method and an entry in ``Diagram.update``.
Numbers come from the step's state only; nothing is computed here.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from eigenvue.drawing import Diagram as BaseDiagram
from eigenvue.drawing.kit import NetworkDrawing, TablePanel, blend

#: The rows the side table shows; larger layers show their first rows and say how many.
TABLE_ROWS = 8


def _vector(value: Any) -> np.ndarray:
    """A layer's values for one example: batch arrays (one row per example) give the first row."""
    array = np.asarray(value, dtype=float)
    return array[0] if array.ndim == 2 else array


def _num(value: float, digits: int = 4) -> str:
    return f"{value:.{digits}g}".replace("-", "−")


def _weight_scale(trace: Any) -> float:
    """The largest |weight| anywhere in the trace: one width scale for every frame."""
    largest, seen = 0.0, set()
    for step in trace:
        for matrix in step.state.get("weights", [])[1:]:
            if id(matrix) in seen:
                continue
            seen.add(id(matrix))
            array = np.asarray(matrix, dtype=float)
            if array.size:
                largest = max(largest, float(np.max(np.abs(array))))
    return largest or 1.0


class Diagram(BaseDiagram):
    """Backpropagation's diagram: network on the left, the step's numbers on the right."""

    def __init__(self, fig: Any, trace: Any, theme: Any) -> None:
        super().__init__(fig, trace, theme)
        first = trace[0].state
        self.sizes = list(first["layerSizes"])
        self.n_layers = len(self.sizes)
        self.batch = np.asarray(first["activations"][0]).ndim == 2
        grid = fig.add_gridspec(
            1, 2, width_ratios=[0.6, 0.4], left=0.02, right=0.97, bottom=0.04, top=0.97, wspace=0.1
        )
        self.network = NetworkDrawing(
            fig.add_subplot(grid[0, 0]), self.sizes, theme, right_margin=0.75, empty_text="?"
        )
        self.network.set_weight_scale(_weight_scale(trace))
        panel_ax = fig.add_subplot(grid[0, 1])
        self.panel = TablePanel(panel_ax, theme, max_rows=TABLE_ROWS + 1)
        self._build_targets()
        self._build_gap_chart(panel_ax)

    def _build_targets(self) -> None:
        """Target labels beside the output neurons (graph view only)."""
        self.target_texts = []
        if self.network.compact:
            return
        output = self.n_layers - 1
        ax = self.network.ax
        for i in range(self.sizes[output]):
            x, y = self.network.beside(output, i)
            self.target_texts.append(
                ax.text(
                    x,
                    y,
                    "",
                    ha="left",
                    va="center",
                    fontsize=9,
                    color=self.theme.muted,
                    zorder=6,
                )
            )
        x, lowest = self.network.beside(output, self.sizes[output] - 1)
        self.loss_text = ax.text(
            x,
            lowest - 0.28,
            "",
            ha="left",
            va="top",
            fontsize=11,
            fontweight="bold",
            color=self.theme.highlight,
            zorder=6,
        )

    def _build_gap_chart(self, panel_ax: Any) -> None:
        """Prediction against target on a number line, one row per output (loss step only)."""
        from matplotlib.collections import LineCollection

        theme = self.theme
        rows = min(self.sizes[-1], TABLE_ROWS)
        ax = self.fig.add_axes((0, 0, 1, 1))
        self.panel_ax = panel_ax
        self.gap_height = 0.07 + 0.04 * rows  # of the panel's height
        self.gap_ax = ax
        self.gap_lines = LineCollection(
            [[(0, r), (0, r)] for r in range(rows)], colors=theme.highlight, linewidths=4
        )
        ax.add_collection(self.gap_lines)
        self.gap_predictions = ax.scatter(
            np.zeros(rows),
            np.arange(rows),
            s=60,
            color=theme.forward,
            zorder=3,
            label="prediction",
        )
        self.gap_targets = ax.scatter(
            np.zeros(rows),
            np.arange(rows),
            s=160,
            marker="|",
            linewidths=2.5,
            color=theme.text,
            zorder=3,
            label="target",
        )
        ax.set_ylim(rows - 0.4, -0.6)
        ax.set_yticks(range(rows), [f"out {r + 1}" for r in range(rows)], fontsize=8.5)
        ax.tick_params(colors=theme.muted, labelsize=8.5, length=3)
        ax.tick_params(axis="y", length=0)
        ax.spines[["left", "right", "top"]].set_visible(False)
        ax.spines["bottom"].set_color(theme.edge)
        ax.set_facecolor("none")
        # The key, as plain text above the chart (a Legend costs more to draw).
        ax.text(0.0, 1.04, "●", transform=ax.transAxes, color=theme.forward, fontsize=10)
        ax.text(0.045, 1.04, "prediction", transform=ax.transAxes, color=theme.muted, fontsize=8.5)
        ax.text(
            0.32,
            1.04,
            "|",
            transform=ax.transAxes,
            color=theme.text,
            fontsize=11,
            fontweight="bold",
        )
        ax.text(0.36, 1.04, "target", transform=ax.transAxes, color=theme.muted, fontsize=8.5)
        ax.text(0.57, 1.04, "▬", transform=ax.transAxes, color=theme.highlight, fontsize=10)
        ax.text(0.645, 1.04, "the error", transform=ax.transAxes, color=theme.muted, fontsize=8.5)
        ax.set_visible(False)

    def _show_gap(self, prediction: np.ndarray, target: np.ndarray) -> None:
        rows = min(len(prediction), TABLE_ROWS)
        p, t = prediction[:rows], target[:rows]
        self.gap_lines.set_segments([[(p[r], r), (t[r], r)] for r in range(rows)])
        self.gap_predictions.set_offsets(np.column_stack([p, np.arange(rows)]))
        self.gap_targets.set_offsets(np.column_stack([t, np.arange(rows)]))
        low = min(0.0, float(np.min(p)), float(np.min(t)))
        high = max(1.0, float(np.max(p)), float(np.max(t)))
        pad = 0.06 * (high - low)
        self.gap_ax.set_xlim(low - pad, high + pad)
        # Just under the panel's note, wherever the table ended.
        box = self.panel_ax.get_position()
        top = self.panel.bottom - 0.1
        self.gap_ax.set_position(
            (
                box.x0 + 0.1 * box.width,
                box.y0 + (top - self.gap_height) * box.height,
                0.88 * box.width,
                self.gap_height * box.height,
            )
        )
        self.gap_ax.set_visible(True)

    # -- per step -------------------------------------------------------------------------

    def update(self, step: Any) -> None:
        """Show one step: reset the emphasis, then draw what this kind of step is about."""
        state = step.state
        net = self.network
        # "?" marks a value the pass has not reached yet; a summarised epoch has none to show.
        net.empty_text = "" if step.id.startswith("epoch-") else "?"
        net.reset()
        net.set_weights(state["weights"])
        if not net.compact:
            self.loss_text.set_text("")
        self.gap_ax.set_visible(False)
        self._show_targets(state, emphasis=False)
        kind = step.id.rsplit("-", 1)[0] if step.id[-1].isdigit() else step.id
        show = {
            "forward-start": self._show_input,
            "forward-layer": self._show_forward,
            "compute-loss": self._show_loss,
            "backward-output": self._show_backward,
            "backward-hidden": self._show_backward,
            "update-weights": self._show_update,
            "epoch": self._show_epoch,
        }.get(kind, self._show_complete)
        self._step = step
        show(state)

    def _show_activations(self, activations: list[Any], current: int | None = None) -> None:
        theme = self.theme
        for layer in range(len(activations), self.n_layers):
            self.network.set_neuron_style(layer, face=theme.panel, edge=theme.muted)
        for layer, values in enumerate(activations):
            self.network.set_values(layer, _vector(values))
            tint = 0.38 if layer == current else 0.12
            self.network.set_neuron_style(
                layer,
                face=blend(theme.forward, theme.background, tint),
                edge=theme.forward if layer == current else theme.text,
                width=2.6 if layer == current else 1.4,
            )

    def _show_targets(self, state: dict[str, Any], *, emphasis: bool) -> None:
        if not self.target_texts:
            return
        targets = _vector(state["targets"])
        for text, target in zip(self.target_texts, targets):
            text.set_text(f"target {_num(target, 3)}")
            text.set_color(self.theme.highlight if emphasis else self.theme.muted)
            text.set_fontweight("bold" if emphasis else "normal")

    def _example_note(self) -> str:
        return " Values shown are those of the first example of the batch." if self.batch else ""

    def _show_input(self, state: dict[str, Any]) -> None:
        self._show_activations(state["activations"], current=0)
        self.network.emphasize_layer(0, self.theme.forward)
        x = _vector(state["activations"][0])
        rows = [[f"x{i + 1}", _num(v)] for i, v in enumerate(x[:TABLE_ROWS])]
        self.panel.show(
            "The example enters",
            title_color=self.theme.forward,
            header=["input neuron", "value"],
            rows=rows,
            column_colors=[None, self.theme.forward],
            note=self._more(len(x), "inputs")
            + "The other layers are still empty: the signal has not reached them."
            + self._example_note(),
        )

    def _show_forward(self, state: dict[str, Any]) -> None:
        theme = self.theme
        layer = int(state["currentLayer"])
        self._show_activations(state["activations"], current=layer)
        self.network.emphasize_layer(layer, theme.forward)
        self.network.emphasize_connections(layer, theme.forward)
        z = _vector(state["preActivations"])
        a = _vector(state["activations"][layer])
        rows = [[str(j + 1), _num(z[j]), _num(a[j])] for j in range(min(len(z), TABLE_ROWS))]
        self.panel.show(
            f"Layer {layer}: sum, then activate",
            title_color=theme.forward,
            header=["neuron", "z = W·a + b", "a = f(z)"],
            rows=rows,
            column_colors=[None, theme.muted, theme.forward],
            note=self._more(len(z), "neurons")
            + f"Each neuron adds up layer {layer - 1}'s activations times the weights of its "
            "lines, plus its bias, and passes the sum through f." + self._example_note(),
        )

    def _show_loss(self, state: dict[str, Any]) -> None:
        theme = self.theme
        output = self.n_layers - 1
        self._show_activations(state["activations"], current=output)
        self.network.emphasize_layer(output, theme.highlight)
        self._show_targets(state, emphasis=True)
        loss = float(state["loss"])
        if not self.network.compact:
            self.loss_text.set_text(f"loss {_num(loss)}")
        prediction = _vector(state["predictions"])
        target = _vector(state["targets"])
        rows = [
            [str(k + 1), _num(p), _num(t, 3)]
            for k, (p, t) in enumerate(zip(prediction[:TABLE_ROWS], target))
        ]
        self.panel.show(
            "Prediction against target",
            title_color=theme.highlight,
            big=f"loss = {_num(loss)}",
            big_color=theme.highlight,
            header=["output", "prediction", "target"],
            rows=rows,
            column_colors=[None, theme.forward, theme.highlight],
            note=self._more(len(prediction), "outputs")
            + "The loss measures how far the prediction is from the target; "
            "the backward pass finds how each weight moves it.",
        )
        self._show_gap(prediction, target)

    def _show_backward(self, state: dict[str, Any]) -> None:
        theme, net = self.theme, self.network
        layer = int(state["currentLayer"])
        for index, values in enumerate(state["activations"]):
            net.set_values(index, _vector(values), color=theme.muted)
        gradients = state["gradients"]
        for index in range(1, self.n_layers):
            delta = np.asarray(gradients[index])
            if delta.size:
                on = index == layer
                if on or not net.narrow:  # close columns: one layer's δ at a time
                    net.set_notes(index, _vector(delta), prefix="" if net.narrow else "δ ")
                net.set_neuron_style(
                    index,
                    face=blend(theme.gradient, theme.background, 0.38 if on else 0.12),
                    edge=theme.gradient,
                    width=2.6 if on else 1.4,
                )
        net.emphasize_layer(layer, theme.gradient)
        if layer < self.n_layers - 1:
            net.emphasize_connections(layer + 1, theme.gradient)
        delta = _vector(gradients[layer])
        rows = [[str(j + 1), _num(d)] for j, d in enumerate(delta[:TABLE_ROWS])]
        where = (
            "the output"
            if layer == self.n_layers - 1
            else f"layer {layer}, through the weights of layer {layer + 1}"
        )
        self.panel.show(
            f"Error signal δ at layer {layer}",
            title_color=theme.gradient,
            big=f"loss = {_num(float(state['loss']))}",
            big_color=theme.muted,
            header=["neuron", "δ = ∂loss/∂z"],
            rows=rows,
            column_colors=[None, theme.gradient],
            note=self._more(len(delta), "neurons")
            + f"The gradient flows backward to {where}. A large |δ| means the neuron's "
            "sum z has a large effect on the loss." + self._example_note(),
        )

    def _show_update(self, state: dict[str, Any]) -> None:
        theme, net = self.theme, self.network
        layer = int(state["currentLayer"])
        for index, values in enumerate(state["activations"]):
            net.set_values(index, _vector(values), color=theme.muted)
        net.emphasize_layer(layer, theme.update)
        net.emphasize_connections(layer, theme.update)
        net.set_neuron_style(
            layer, face=blend(theme.update, theme.background, 0.3), edge=theme.update, width=2.6
        )
        (action,) = [a for a in self._step.visual_actions if a["type"] == "updateWeights"]
        old = np.asarray(action["oldWeights"], dtype=float)
        new = np.asarray(state["weights"][layer], dtype=float)
        grad = np.asarray(state["weightGradients"], dtype=float)
        n_to, n_from = new.shape
        count = n_to * n_from
        rows = [
            [f"{j + 1} ← {i + 1}", _num(old[j, i]), _num(grad[j, i]), _num(new[j, i])]
            for j, i in (divmod(k, n_from) for k in range(min(count, TABLE_ROWS)))
        ]
        lr = state.get("learningRate")
        self.panel.show(
            f"New weights into layer {layer}",
            title_color=theme.update,
            header=["to ← from", "old w", "∂loss/∂w", "new w"],
            rows=rows,
            column_colors=[None, theme.muted, theme.gradient, theme.update],
            note=self._more(count, "weights")
            + f"new w = old w − η·∂loss/∂w with η = {_num(lr) if lr is not None else '?'}. "
            "The lines into this layer now have their new widths.",
        )

    def _show_epoch(self, state: dict[str, Any]) -> None:
        theme = self.theme
        norms = state.get("gradientNorms") or []
        rows = [["epoch", str(state["epoch"])], ["loss", _num(float(state["loss"]))]]
        rows += [
            [f"‖∂loss/∂W[{layer}]‖", _num(norm)]
            for layer, norm in enumerate(norms)
            if norm is not None
        ]
        self.panel.show(
            f"Epoch {state['epoch']}",
            title_color=theme.update,
            big=f"loss = {_num(float(state['loss']))}",
            big_color=theme.highlight,
            rows=rows[: TABLE_ROWS + 1],
            column_colors=[None, theme.text],
            note="Forward, backward and update once more over the data; the lines show "
            "the weights this epoch started from.",
        )

    def _show_complete(self, state: dict[str, Any]) -> None:
        theme, net = self.theme, self.network
        if "activations" in state:
            for index, values in enumerate(state["activations"]):
                net.set_values(index, _vector(values), color=theme.muted)
        for index in range(1, self.n_layers):
            net.set_neuron_style(index, edge=theme.done)
        training = "finalLoss" in state or "lossHistory" in state
        # Weights before (the first step's) and after (this step's), as the trace holds them.
        before, after = self.trace[0].state["weights"], state["weights"]
        rows, total = [], 0
        for layer in range(1, self.n_layers):
            old, new = np.asarray(before[layer]), np.asarray(after[layer])
            n_from = new.shape[1]
            total += new.size
            for k in range(min(new.size, TABLE_ROWS - len(rows))):
                j, i = divmod(k, n_from)
                rows.append([f"W[{layer}] {j + 1} ← {i + 1}", _num(old[j, i]), _num(new[j, i])])
        if training:
            history = state.get("lossHistory")
            start = float(history[0]) if history is not None and len(history) else state["loss"]
            end = state.get("finalLoss", state["loss"])
            big = f"loss {_num(float(start))} → {_num(float(end))}"
            title, note = "Training done", "The weights before training and after it. "
        else:
            big = f"loss before: {_num(float(state['loss']))}"
            title = "Step complete"
            note = (
                "Every weight and bias moved against its gradient; the lines show the new "
                "weights, from which the next forward pass starts. "
            )
        self.panel.show(
            title,
            title_color=theme.done,
            big=big,
            big_color=theme.highlight,
            header=["weight", "before", "after"],
            rows=rows,
            column_colors=[None, theme.muted, theme.update],
            note=note + self._more(total, "weights").replace("First", "The first"),
        )

    @staticmethod
    def _more(count: int, what: str) -> str:
        return f"First {TABLE_ROWS} of {count:,} {what}. " if count > TABLE_ROWS else ""
