"""The picture of backpropagation: the network, and a panel with this step's numbers.

Left, the network (:class:`~eigenvue.drawing.parts.NetworkDrawing`): neurons with
their activations, connections coloured by the weight's sign and as thick as
its size, the layer being computed tinted in the colour of the phase
(forward, gradient, update), each neuron's δ under it once it is known, and
the targets beside the output layer. Right, a table of the step's numbers:
z and a of the layer computed, prediction against target and the loss, the
δ of each neuron, or each weight's old value, gradient and new value.

Backward steps that carry diagnostics add the gradient check and one bar per
layer for the size of its weight gradient (log scale) under the table.

A training run (``epochs`` or a ``dataset``) shows its first epoch that way,
then switches to a second layout for the summarised epochs and the end: the
decision boundary over the input plane (or, for one example, a small network),
the loss curve growing epoch by epoch and the gradient-norm bars (the parts
:class:`~eigenvue.drawing.parts.PlanePart`, :class:`~eigenvue.drawing.parts.CurvePart`
and :class:`~eigenvue.drawing.parts.BarsPart`). Both layouts are built once; a step
shows one and hides the other. Limits are fixed for the whole trace, so a bar or a
curve that moves between frames means a number that moved.

Each kind of step has one ``_show_*`` method that fills the picture; a new
kind of step (or a new panel) adds a method and an entry in
``Diagram.update``. Numbers come from the step's state only; nothing is
computed here.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from algorithms.deep_learning.feedforward_network.frames import (
    TABLE_ROWS,
    layer_table,
    more,
    show_activations,
)
from eigenvue.drawing import Diagram as BaseDiagram
from eigenvue.drawing.parts import (
    BarsPart,
    CurvePart,
    GapPart,
    NetworkDrawing,
    PlanePart,
    TablePanel,
)
from eigenvue.drawing.theme import blend
from eigenvue.text import number, short_number

#: The examples a batch's loss table and error chart show (the chart shares the panel).
BATCH_ROWS = 4
#: The δ table's rows when the gradient bars share the panel.
DIAGNOSTIC_TABLE_ROWS = 4
#: A gradient check below this relative difference passes.
GRADIENT_CHECK_TOLERANCE = 1e-6


def _vector(value: Any) -> np.ndarray:
    """A layer's values for one example: batch arrays (one row per example) give the first row."""
    array = np.asarray(value, dtype=float)
    return array[0] if array.ndim == 2 else array


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


def _target_labels(network: NetworkDrawing, theme: Any) -> list[Any]:
    """Empty labels beside the output neurons for their targets (graph view only).

    Small circles carry their value beside them rather than inside; the
    target then moves up a line, where the layer's connections do not reach.
    """
    if network.compact:
        return []
    output, labels = network.n_layers - 1, []
    for index in range(network.layer_sizes[output]):
        x, y = network.beside(output, index)
        if not getattr(network, "_values_inside", True):
            low, high = network.ax.get_ylim()
            y += 15 * (high - low) / network.ax.bbox.height
        labels.append(
            network.ax.text(x, y, "", va="center", fontsize=9, color=theme.muted, zorder=6)
        )
    return labels


def _norm_limits(trace: Any) -> tuple[float, float] | None:
    """The smallest and largest positive gradient norm of the trace: one bar scale for all frames."""
    norms = [
        float(norm)
        for step in trace
        for norm in step.state.get("gradientNorms") or []
        if norm is not None and norm > 0 and np.isfinite(norm)
    ]
    return (min(norms), max(norms)) if norms else None


def _boundary_range(trace: Any) -> tuple[float, float]:
    """The lowest and highest network output over every boundary grid of the trace."""
    low, high, seen = 0.0, 1.0, set()
    for step in trace:
        boundary = step.state.get("boundary")
        if boundary is None or id(boundary["values"]) in seen:
            continue
        seen.add(id(boundary["values"]))
        values = np.asarray(boundary["values"], dtype=float)
        finite = values[np.isfinite(values)]
        if finite.size:
            low, high = min(low, float(finite.min())), max(high, float(finite.max()))
    return low, high


def _complete_norms(trace: Any) -> tuple[list[float | None], int] | None:
    """The last gradient norms known for every layer, and the epoch they belong to."""
    for step in reversed(trace):
        norms = step.state.get("gradientNorms")
        if norms and all(norm is not None for norm in norms[1:]):
            return list(norms), int(step.state.get("epoch", 1))
    return None


class Diagram(BaseDiagram):
    """Backpropagation's diagram: network on the left, the step's numbers on the right.

    A training run adds its second layout (boundary or small network, loss
    curve, gradient bars) for the summarised epochs and the final step.
    """

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
        self.weight_scale = _weight_scale(trace)
        self.network.set_weight_scale(self.weight_scale)
        panel_ax = fig.add_subplot(grid[0, 1])
        self.panel = TablePanel(panel_ax, theme, max_rows=TABLE_ROWS + 1)
        self.examples = len(first["activations"][0]) if self.batch else 1
        self._build_targets()
        self._build_gap_chart(panel_ax)
        # The extra artists of diagnostics and training exist only in traces that need them,
        # so a plain single step draws exactly as it always did.
        final = trace[-1].state
        self.training = "lossHistory" in final
        self.norm_bars: BarsPart | None = None
        limits = _norm_limits(trace)
        if limits is not None:
            self._build_diagnostics(limits)
        if self.training:
            self._build_training(final)

    def _build_targets(self) -> None:
        """Target labels beside the output neurons, and the loss under them (graph view)."""
        self.target_texts = _target_labels(self.network, self.theme)
        if self.network.compact:
            return
        x, lowest = self.network.beside(self.n_layers - 1, self.sizes[-1] - 1)
        self.loss_text = self.network.ax.text(
            x,
            lowest - 0.28,
            "",
            va="top",
            fontsize=11,
            fontweight="bold",
            color=self.theme.highlight,
            zorder=6,
        )

    def _build_gap_chart(self, panel_ax: Any) -> None:
        """Prediction against target on a number line, one row per output (loss step only)."""
        rows = min(self.examples, BATCH_ROWS) if self.batch else min(self.sizes[-1], TABLE_ROWS)
        label = "ex" if self.batch else "out"
        self.panel_ax = panel_ax
        box = panel_ax.get_position()
        self.gap_height = (0.07 + 0.04 * rows) * box.height  # of the subfigure's height
        # Made at its size (the part lays out its key in pixels); each loss step moves it.
        ax = self.fig.add_axes((box.x0 + 0.1 * box.width, 0, 0.88 * box.width, self.gap_height))
        self.gap = GapPart(ax, self.theme, [f"{label} {r + 1}" for r in range(rows)])
        ax.set_visible(False)

    def _show_gap(self, prediction: np.ndarray, target: np.ndarray) -> None:
        self.gap.update(prediction, target)
        # Just under the panel's note, wherever the table ended.
        box = self.panel_ax.get_position()
        bottom = box.y0 + (self.panel.bottom - 0.1) * box.height - self.gap_height
        x0, _, width, height = self.gap.ax.get_position().bounds
        self.gap.ax.set_position((x0, bottom, width, height))
        self.gap.ax.set_visible(True)

    # -- diagnostics: the gradient check and the gradient-norm bars -------------------------

    def _build_diagnostics(self, limits: tuple[float, float]) -> None:
        theme = self.theme
        self.check_text = self.panel_ax.text(
            0.0, 0.0, "", fontsize=10.5, fontweight="bold", va="bottom", visible=False
        )
        self.norm_ax = self.fig.add_axes((0, 0, 1, 1))
        self.norm_bars = BarsPart(
            self.norm_ax,
            theme,
            [f"W[{x}]" if self.n_layers <= 7 else str(x) for x in range(1, self.n_layers)],
            value_range=limits,
            meaning="gradient",
            log=True,
            xlabel="layer: input side → output side",
        )
        self.norm_ax.set_visible(False)

    def _show_diagnostics(self, state: dict[str, Any], layer: int) -> None:
        """Under the δ table: the gradient check's verdict and the bars known so far.

        The bars keep one place at the bottom of the panel in every backward
        step, so that a learner can compare them from frame to frame.
        """
        if self.norm_bars is None or "gradientNorms" not in state:
            return
        theme = self.theme
        box = self.panel_ax.get_position()
        px = self.fig.bbox.height  # the subfigure's height in pixels
        bottom, height = 24 / px, 92 / px  # fixed sizes in pixels, as subfigure fractions
        self.norm_ax.set_position(
            (box.x0 + 0.1 * box.width, box.y0 + bottom, 0.88 * box.width, height)
        )
        self.norm_bars.xlabel.set_visible(False)
        title = "‖∂loss/∂W‖ per layer so far (log scale)"
        self.norm_bars.update(state["gradientNorms"][1:], current=layer - 1, title=title)
        self.norm_ax.set_visible(True)
        check = state.get("gradientCheck")
        if check is not None:
            passed = float(check) < GRADIENT_CHECK_TOLERANCE
            self.check_text.set_text(
                f"gradient check {short_number(float(check), 2)} {'✓' if passed else '✗'}"
            )
            self.check_text.set_color(theme.done if passed else theme.negative)
            # Above the bars' title, in panel units.
            self.check_text.set_position((0.0, (bottom + height + 24 / px) / box.height))
            self.check_text.set_visible(True)

    def _hide_diagnostics(self) -> None:
        if self.norm_bars is not None:
            self.check_text.set_visible(False)
            self.norm_ax.set_visible(False)

    # -- the training layout: epochs and the end of a run ----------------------------------

    def _build_training(self, final: dict[str, Any]) -> None:
        """The second layout: boundary or small network, loss curve, gradient bars, headline."""
        theme, fig = self.theme, self.fig
        width, height = fig.bbox.width, fig.bbox.height

        def rect(x: float, y: float, w: float, h: float) -> tuple[float, float, float, float]:
            # Pixels from the subfigure's bottom-left corner, as subfigure fractions.
            return (x / width, y / height, w / width, h / height)

        self.training_artists: list[Any] = []
        left_w = 0.47 * width
        # Room left of the plane for its tick labels, under it for the colour key.
        side = max(min(left_w - 64, height - 128), 120.0)
        x0 = 58 + (left_w - 58 - side) / 2
        self.boundary: PlanePart | None = None
        self.small_network: NetworkDrawing | None = None
        boundary = final.get("boundary")
        if boundary is not None:
            plane_ax = fig.add_axes(rect(x0, 90, side, side))
            key_ax = fig.add_axes(rect(x0 + 0.15 * side, 22, 0.7 * side, 9))
            dataset = final["dataset"]
            self.boundary = PlanePart(
                plane_ax,
                theme,
                boundary["extent"],
                np.asarray(boundary["values"]).shape,
                value_range=_boundary_range(self.trace),
                points=dataset["inputs"],
                classes=dataset["targets"],
                class_names=("target 1", "target 0"),
                key_ax=key_ax,
                key_caption="network output (line: 0.5, the boundary)",
                key_ticks=(0.0, 1.0),
                title="the network's output over the input plane",
                value_name="the output",
            )
            self.training_artists += [plane_ax, key_ax]
        else:
            net_ax = fig.add_axes(rect(14, 10, left_w - 14, height - 40))
            self.small_network = NetworkDrawing(
                net_ax, self.sizes, theme, right_margin=0.75, notes=False
            )
            self.small_network.set_weight_scale(self.weight_scale)
            self.small_targets = _target_labels(self.small_network, theme)
            self.network_caption = fig.text(
                14 / width, 1 - 8 / height, "", fontsize=9.5, color=theme.muted, va="top"
            )
            self.training_artists += [net_ax, self.network_caption]

        right = 0.545 * width
        self.headline = fig.text(
            right / width, 1 - 6 / height, "", fontsize=15, fontweight="bold", va="top"
        )
        self.subline = fig.text(
            right / width, 1 - 36 / height, "", fontsize=9.5, color=theme.muted, va="top"
        )
        axis_x, axis_w = right + 44, width - right - 44 - 22
        # Narrower than the bars: room right of the curve for its reference line's name.
        loss_ax = fig.add_axes(rect(axis_x, 0.53 * height, axis_w - 36, 0.47 * height - 108))
        history = final["lossHistory"]
        epochs = int(getattr(self.trace.inputs, "epochs", len(history)) or len(history))
        # The loss is what the loss step measures: its colour is the "compare" meaning.
        self.loss_curve = CurvePart(
            loss_ax,
            theme,
            {"loss": "compare"},
            x_range=(1, epochs),
            y_values=history,
            references={"start": ([1, epochs], [history[0]] * 2)} if len(history) else None,
            xlabel="epoch",
            title="loss per epoch",
        )
        self.training_artists += [loss_ax, self.headline, self.subline]
        self.training_norms = _complete_norms(self.trace)
        self._training_bars = rect(axis_x, 46, axis_w, 0.4 * height - 46)
        for artist in self.training_artists:
            artist.set_visible(False)

    def _use_training_layout(self, on: bool) -> None:
        """Show the training layout (``on``) or the step-by-step one; hide the other."""
        for artist in self.training_artists:
            artist.set_visible(on)
        self.network.ax.set_visible(not on)
        self.panel_ax.set_visible(not on)
        if on:
            self.gap.ax.set_visible(False)
            self._hide_diagnostics()

    def _show_training(self, step: Any) -> None:
        """A summarised epoch, or the end of the run: the picture of training so far."""
        theme, state = self.theme, step.state
        history = state["lossHistory"]
        end = step.id == "complete"
        start = float(history[0]) if len(history) else float(state["loss"])
        if not end:
            loss = float(state["loss"])
            self.headline.set_text(f"loss {number(loss)}")
            # Warn when training has made the loss worse than where it started.
            self.headline.set_color(theme.negative if loss > start else theme.highlight)
            self.subline.set_text(f"epoch {state['epoch']}; at epoch 1 it was {number(start)}")
            norms, at, predictions = state.get("gradientNorms"), None, state.get("predictions")
        elif "finalLoss" in state:
            final_loss = float(state["finalLoss"])
            self.headline.set_text(f"loss {number(start)} → {number(final_loss)}")
            self.headline.set_color(theme.done if final_loss < start else theme.negative)
            self.subline.set_text(f"after {len(history)} epoch{'s' * (len(history) != 1)}")
            norms, at = self.training_norms or (None, None)
            predictions = state.get("finalPredictions")
        else:
            self.headline.set_text("training overflowed")
            self.headline.set_color(theme.negative)
            self.subline.set_text(
                f"the numbers grew too large after epoch {len(history)}: η is far too large"
            )
            norms, at = self.training_norms or (None, None)
            predictions = None
        self.loss_curve.update({"loss": history})

        if self.boundary is not None:
            self.boundary.update(state["boundary"]["values"], predictions)
        if self.small_network is not None:
            self._show_small_network(state, predictions, end)

        if self.norm_bars is not None and norms is not None:
            self.norm_ax.set_position(self._training_bars)
            self.norm_bars.xlabel.set_visible(True)
            at_epoch = f" at epoch {at}" if at is not None else ""
            self.norm_bars.update(norms[1:], title=f"‖∂loss/∂W‖ per layer{at_epoch}, log scale")
            self.norm_ax.set_visible(True)

    def _show_small_network(
        self, state: dict[str, Any], predictions: Any | None, end: bool
    ) -> None:
        net = self.small_network
        assert net is not None
        net.reset()
        net.set_weights(state["weights"])
        output = self.n_layers - 1
        if predictions is not None:
            net.set_values(output, _vector(predictions), color=self.theme.forward)
        for text, target in zip(self.small_targets, _vector(state["targets"])):
            text.set_text(f"target {number(target, 3)}")
        self.network_caption.set_text(
            "after training: final weights, and the output's prediction"
            if end
            else f"weights at the start of epoch {state['epoch']}, and the prediction they make"
        )

    # -- per step -------------------------------------------------------------------------

    def update(self, step: Any) -> None:
        """Show one step: reset the emphasis, then draw what this kind of step is about."""
        state = step.state
        kind = step.id.rsplit("-", 1)[0] if step.id[-1].isdigit() else step.id
        self._step = step
        if self.training:
            summary = kind in ("epoch", "complete")
            self._use_training_layout(summary)
            if summary:
                self._show_training(step)
                return
        net = self.network
        net.empty_text = "?"  # a value the pass has not reached yet
        net.reset()
        net.set_weights(state["weights"])
        if not net.compact:
            self.loss_text.set_text("")
        self.gap.ax.set_visible(False)
        self._hide_diagnostics()
        self._show_targets(state, emphasis=False)
        show = {
            "forward-start": self._show_input,
            "forward-layer": self._show_forward,
            "compute-loss": self._show_loss,
            "backward-output": self._show_backward,
            "backward-hidden": self._show_backward,
            "update-weights": self._show_update,
        }.get(kind, self._show_complete)
        show(state)

    def _show_activations(self, activations: list[Any], current: int) -> None:
        show_activations(self.network, self.theme, [_vector(a) for a in activations], current)

    def _muted_values(self, state: dict[str, Any]) -> None:
        """Every layer's values, in muted text: past the forward pass they are background."""
        for layer, values in enumerate(state.get("activations", [])):
            self.network.set_values(layer, _vector(values), color=self.theme.muted)

    def _show_targets(self, state: dict[str, Any], *, emphasis: bool) -> None:
        if not self.target_texts:
            return
        targets = _vector(state["targets"])
        for text, target in zip(self.target_texts, targets):
            text.set_text(f"target {number(target, 3)}")
            text.set_color(self.theme.highlight if emphasis else self.theme.muted)
            text.set_fontweight("bold" if emphasis else "normal")

    def _example_note(self) -> str:
        if not self.batch:
            return ""
        return f" The neurons show example 1 of {self.examples}."

    def _batch_column(self, values: Any) -> np.ndarray:
        """One value per example: the first column of a batch array (one row per example)."""
        array = np.asarray(values, dtype=float)
        return array[:, 0] if array.ndim == 2 else array

    def _show_input(self, state: dict[str, Any]) -> None:
        self._show_activations(state["activations"], current=0)
        self.network.emphasize_layer(0, self.theme.forward)
        if self.batch:
            self._show_batch_input(state)
            return
        x = _vector(state["activations"][0])
        rows = [[f"x{i + 1}", number(v)] for i, v in enumerate(x[:TABLE_ROWS])]
        self.panel.show(
            "The example enters",
            title_color=self.theme.forward,
            header=["input neuron", "value"],
            rows=rows,
            column_colors=[None, self.theme.forward],
            note=more(len(x), "inputs")
            + "The other layers are still empty: the signal has not reached them."
            + self._example_note(),
        )

    def _show_batch_input(self, state: dict[str, Any]) -> None:
        """The whole batch in the table: each example's inputs and target."""
        inputs = np.asarray(state["activations"][0], dtype=float)
        targets = self._batch_column(state["targets"])
        shown = min(inputs.shape[1], 2)  # the table has room for two input columns
        rows = [
            [str(k + 1), *(number(v, 3) for v in x[:shown]), number(t, 3)]
            for k, (x, t) in enumerate(zip(inputs[:TABLE_ROWS], targets))
        ]
        self.panel.show(
            f"The {self.examples} examples enter",
            title_color=self.theme.forward,
            header=["example", *(f"x{i + 1}" for i in range(shown)), "target"],
            rows=rows,
            column_colors=[None, *[self.theme.forward] * shown, self.theme.highlight],
            note=more(self.examples, "examples")
            + "All of them go through the network at once, as the rows of one batch; "
            "the loss will be their mean." + self._example_note(),
        )

    def _show_forward(self, state: dict[str, Any]) -> None:
        layer = int(state["currentLayer"])
        self._show_activations(state["activations"], current=layer)
        self.network.emphasize_layer(layer, self.theme.forward)
        self.network.emphasize_connections(layer, self.theme.forward)
        layer_table(
            self.panel,
            self.theme,
            f"Layer {layer}: sum, then activate",
            _vector(state["preActivations"]),
            _vector(state["activations"][layer]),
            note=f"Each neuron adds up layer {layer - 1}'s activations times the weights of its "
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
            self.loss_text.set_text(f"loss {number(loss)}")
        if self.batch:  # one row per example, each with the network's single output
            prediction = self._batch_column(state["predictions"])
            target = self._batch_column(state["targets"])
            label, what, limit = "example", "examples", BATCH_ROWS
            words = "is the mean of the examples' errors"
        else:
            prediction = _vector(state["predictions"])
            target = _vector(state["targets"])
            label, what, limit = "output", "outputs", TABLE_ROWS
            words = "measures how far the prediction is from the target"
        rows = [
            [str(k + 1), number(p), number(t, 3)]
            for k, (p, t) in enumerate(zip(prediction[:limit], target))
        ]
        self.panel.show(
            "Prediction against target",
            title_color=theme.highlight,
            big=f"loss = {number(loss)}",
            big_color=theme.highlight,
            header=[label, "prediction", "target"],
            rows=rows,
            column_colors=[None, theme.forward, theme.highlight],
            note=more(len(prediction), what, limit) + f"The loss {words}; "
            "the backward pass finds how each weight moves it.",
        )
        self._show_gap(prediction, target)

    def _show_backward(self, state: dict[str, Any]) -> None:
        theme, net = self.theme, self.network
        layer = int(state["currentLayer"])
        self._muted_values(state)
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
        # With the gradient bars below, fewer rows leave them room.
        limit = DIAGNOSTIC_TABLE_ROWS if "gradientNorms" in state else TABLE_ROWS
        rows = [[str(j + 1), number(d)] for j, d in enumerate(delta[:limit])]
        where = (
            "the output"
            if layer == self.n_layers - 1
            else f"layer {layer}, through the weights of layer {layer + 1}"
        )
        self.panel.show(
            f"Error signal δ at layer {layer}",
            title_color=theme.gradient,
            big=f"loss = {number(float(state['loss']))}",
            big_color=theme.muted,
            header=["neuron", "δ = ∂loss/∂z"],
            rows=rows,
            column_colors=[None, theme.gradient],
            note=more(len(delta), "neurons", limit)
            + f"The gradient flows backward to {where}. A large |δ| means the neuron's "
            "sum z has a large effect on the loss." + self._example_note(),
        )
        self._show_diagnostics(state, layer)

    def _show_update(self, state: dict[str, Any]) -> None:
        theme, net = self.theme, self.network
        layer = int(state["currentLayer"])
        self._muted_values(state)
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
            [f"{j + 1} ← {i + 1}", number(old[j, i]), number(grad[j, i]), number(new[j, i])]
            for j, i in (divmod(k, n_from) for k in range(min(count, TABLE_ROWS)))
        ]
        lr = state.get("learningRate")
        self.panel.show(
            f"New weights into layer {layer}",
            title_color=theme.update,
            header=["to ← from", "old w", "∂loss/∂w", "new w"],
            rows=rows,
            column_colors=[None, theme.muted, theme.gradient, theme.update],
            note=more(count, "weights")
            + f"new w = old w − η·∂loss/∂w with η = {number(lr) if lr is not None else '?'}. "
            "The lines into this layer now have their new widths.",
        )

    def _show_complete(self, state: dict[str, Any]) -> None:
        """The end of a single step (a training run ends in the training layout)."""
        theme, net = self.theme, self.network
        self._muted_values(state)
        for index in range(1, self.n_layers):
            net.set_neuron_style(index, edge=theme.done)
        # Weights before (the first step's) and after (this step's), as the trace holds them.
        before, after = self.trace[0].state["weights"], state["weights"]
        rows: list[list[str]] = []
        total = 0
        for layer in range(1, self.n_layers):
            old, new = np.asarray(before[layer]), np.asarray(after[layer])
            n_from = new.shape[1]
            total += new.size
            for k in range(min(new.size, TABLE_ROWS - len(rows))):
                j, i = divmod(k, n_from)
                rows.append([f"W[{layer}] {j + 1} ← {i + 1}", number(old[j, i]), number(new[j, i])])
        note = (
            "Every weight and bias moved against its gradient; the lines show the new "
            "weights, from which the next forward pass starts. "
        )
        self.panel.show(
            "Step complete",
            title_color=theme.done,
            big=f"loss before: {number(float(state['loss']))}",
            big_color=theme.highlight,
            header=["weight", "before", "after"],
            rows=rows,
            column_colors=[None, theme.muted, theme.update],
            note=note + more(total, "weights").replace("First", "The first"),
        )
