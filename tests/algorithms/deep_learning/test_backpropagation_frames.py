"""Backpropagation's frames for training runs: they draw, and they draw the state's numbers.

Pictures are checked two ways: whole frames through ``frame_images`` (every
step draws, in both themes, and no two consecutive frames are alike), and the
diagram's artists after ``update(step)``, against the step's state and against
the network evaluated independently here.
"""

import matplotlib
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

import eigenvue
from eigenvue.drawing import get_theme
from eigenvue.drawing.frame import TeachingFrame
from eigenvue.export import frame_images
from tests.algorithms.deep_learning.backpropagation_support import (
    ID,
    example,
    make_the_loss_overflow,
    sigmoid,
)
from tests.frames_check import assert_built_once_and_updated_in_place, pixels

NEW_EXAMPLES = ["Learning XOR", "Learning rate too large", "Vanishing gradients"]
XOR_CORNERS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)


def diagram_region(image: np.ndarray) -> np.ndarray:
    """The diagram's part of a 1200 × 700 frame: below the header, left of the pseudocode."""
    return image[200:690, 10:850]


def assert_frames_draw(images, theme, *, consecutive=True):
    background = np.array(matplotlib.colors.to_rgb(get_theme(theme).background)) * 255
    previous = None
    for index, png in enumerate(images):
        image = pixels(png)
        assert image.shape == (700, 1200, 3)
        region = diagram_region(image)
        blank = np.mean(np.all(np.abs(region - background) <= 3, axis=-1))
        assert blank < 0.97, f"frame {index}: the diagram is empty"
        if consecutive and previous is not None:
            changed = np.mean(np.any(region != previous, axis=-1))
            assert changed > 0.001, f"frame {index} repeats frame {index - 1}"
        previous = region


def sample_images(trace, theme, indices):
    frame = TeachingFrame(trace, theme)
    images = []
    for index in indices:
        frame.show_step(index)
        images.append(frame.image())
    return images


def diagram_for(trace, theme="light"):
    """The plugin's diagram on a plain figure, as the frame builds it (no pyplot)."""
    theme = get_theme(theme)
    with theme.context():
        figure = Figure(figsize=(8.6, 5.2), dpi=100)
        FigureCanvasAgg(figure)
        diagram = trace.algorithm.diagram_class(figure.subfigures(1, 1), trace, theme)
    return diagram, theme


def show(diagram, theme, step, draw=True):
    with theme.context():
        diagram.update(step)
        if draw:
            diagram.fig.figure.canvas.draw()


def network_output(weights, biases, points):
    """A sigmoid network's output at ``points`` (n, 2), written independently of the plugin."""
    a = np.asarray(points, dtype=float)
    for w, b in zip(weights[1:], biases[1:]):
        a = sigmoid(a @ np.asarray(w).T + np.asarray(b))
    return a[:, 0]


# -- whole frames ----------------------------------------------------------------------------


# One example in full per theme here; the other four pairs are the slow test's.
FULL_FAST = [("Learning XOR", "light"), ("Learning rate too large", "dark")]
FULL_SLOW = [(n, t) for n in NEW_EXAMPLES for t in ("light", "dark") if (n, t) not in FULL_FAST]


def assert_every_frame_draws(name, theme):
    trace = eigenvue.trace(ID, example(name))
    images = frame_images(trace, theme=theme)
    assert len(images) == len(trace)
    assert_frames_draw(images, theme)


@pytest.mark.parametrize(("name", "theme"), FULL_FAST)
def test_every_frame_of_one_example_per_theme_draws_and_differs_from_the_last(name, theme):
    assert_every_frame_draws(name, theme)


@pytest.mark.slow
@pytest.mark.parametrize(("name", "theme"), FULL_SLOW)
def test_every_frame_of_the_other_new_examples_draws(name, theme):
    assert_every_frame_draws(name, theme)


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("name", NEW_EXAMPLES)
def test_a_sample_of_each_new_example_draws_in_both_themes(name, theme):
    trace = eigenvue.trace(ID, example(name))
    # The first epoch's steps around the switch of layout, a middle epoch and the end.
    first_epoch = next(s.index for s in trace if s.id.startswith("epoch-"))
    indices = [0, first_epoch - 3, first_epoch - 1, first_epoch, len(trace) // 2, len(trace) - 1]
    assert_frames_draw(sample_images(trace, theme, indices), theme, consecutive=False)


def test_the_default_trace_still_draws_its_nine_frames_without_training_panels():
    trace = eigenvue.trace(ID)
    assert_frames_draw(frame_images(trace, theme="light"), "light")
    diagram, _ = diagram_for(trace)
    assert not diagram.training and diagram.norm_bars is None
    # Network, table and the error chart: nothing else was added to the picture.
    assert len(diagram.fig.axes) == 3


def test_training_frames_are_built_once_and_updated_in_place():
    trace = eigenvue.trace(ID, {**example("Learning XOR"), "epochs": 30})
    assert_built_once_and_updated_in_place(trace)


# -- the picture shows the state's numbers ---------------------------------------------------


@pytest.fixture(scope="module")
def xor():
    trace = eigenvue.trace(ID, example("Learning XOR"))
    diagram, theme = diagram_for(trace)
    return trace, diagram, theme


def epoch_steps(trace):
    return [s for s in trace if s.id.startswith("epoch-")]


def test_the_boundary_image_is_the_states_output_grid(xor):
    trace, diagram, theme = xor
    for step in (epoch_steps(trace)[5], trace[-1]):
        show(diagram, theme, step)
        shown = np.asarray(diagram.boundary.image.get_array())
        np.testing.assert_array_equal(shown, step.state["boundary"]["values"])


def test_the_boundary_line_is_where_the_network_outputs_one_half(xor):
    trace, diagram, theme = xor
    for step in (epoch_steps(trace)[20], trace[-1]):
        show(diagram, theme, step)
        vertices = np.concatenate(diagram.boundary.contour.get_segments())
        assert len(vertices) > 10
        # The network, run here at the drawn line's points, is undecided there.
        output = network_output(step.state["weights"], step.state["biases"], vertices)
        assert np.max(np.abs(output - 0.5)) < 0.02


def test_the_trained_boundary_puts_each_xor_corner_on_its_side(xor):
    trace, diagram, theme = xor
    show(diagram, theme, trace[-1])
    grid = np.asarray(diagram.boundary.image.get_array())
    x0, x1, y0, y1 = trace[-1].state["boundary"]["extent"]
    n = grid.shape[0]
    for (x, y), truth in zip(XOR_CORNERS, [0, 1, 1, 0]):
        i = round((y - y0) / (y1 - y0) * (n - 1))
        j = round((x - x0) / (x1 - x0) * (n - 1))
        assert (grid[i, j] > 0.5) == bool(truth)


def test_a_flat_output_is_called_flat_and_a_formed_boundary_is_not(xor):
    trace, diagram, theme = xor
    show(diagram, theme, trace[-1], draw=False)
    assert not diagram.boundary.flat_note.get_visible()
    vanishing = eigenvue.trace(ID, example("Vanishing gradients"))
    diagram, theme = diagram_for(vanishing)
    step = epoch_steps(vanishing)[3]
    grid = step.state["boundary"]["values"]
    assert grid.max() - grid.min() < 0.01  # the deep sigmoid net's output ignores its input
    show(diagram, theme, step, draw=False)
    note = diagram.boundary.flat_note
    assert note.get_visible() and "flat" in note.get_text()
    middle = float(note.get_text().split()[4])
    assert middle == pytest.approx((grid.max() + grid.min()) / 2, abs=0.005)


def test_training_points_differ_by_target_in_colour_and_shape(xor):
    _, diagram, _ = xor
    boundary = diagram.boundary
    ones = {tuple(p) for p in boundary.class_one.get_offsets()}
    zeros = {tuple(p) for p in boundary.class_zero.get_offsets()}
    assert ones == {(0.0, 1.0), (1.0, 0.0)} and zeros == {(0.0, 0.0), (1.0, 1.0)}
    assert boundary.class_one.get_paths()[0] != boundary.class_zero.get_paths()[0]
    assert not np.allclose(boundary.class_one.get_facecolor(), boundary.class_zero.get_facecolor())


def test_the_points_are_labelled_with_the_trained_networks_predictions(xor):
    trace, diagram, theme = xor
    final = trace[-1].state
    show(diagram, theme, trace[-1])
    shown = [float(t.get_text().replace("−", "-")) for t in diagram.boundary.labels]
    expected = network_output(final["weights"], final["biases"], XOR_CORNERS)
    np.testing.assert_allclose(shown, expected, rtol=0.06, atol=1e-3)


def loss_line(diagram):
    """The loss series of the training layout's curve, and its marker of the latest epoch."""
    return diagram.loss_curve._lines["loss"], diagram.loss_curve._markers["loss"]


def test_the_loss_line_is_the_loss_history_on_fixed_axes(xor):
    trace, diagram, theme = xor
    limits = None
    for step in (epoch_steps(trace)[0], epoch_steps(trace)[30], trace[-1]):
        show(diagram, theme, step)
        history = step.state["lossHistory"]
        line, marker = loss_line(diagram)
        x, y = line.get_data()
        np.testing.assert_array_equal(y, history)
        np.testing.assert_array_equal(x, np.arange(1, len(history) + 1))
        assert marker.get_data()[1][0] == history[-1]
        axes = diagram.loss_curve.ax
        if limits is None:
            limits = (axes.get_xlim(), axes.get_ylim())
        assert (axes.get_xlim(), axes.get_ylim()) == limits
    assert limits[0][0] <= 1 and limits[0][1] >= 500  # the whole run, from the first frame


@pytest.mark.parametrize(
    ("inputs", "log"),
    [(example("Learning XOR"), False), ({"epochs": 300, "learningRate": 2.0}, True)],
    ids=["XOR", "single example, η = 2"],
)
def test_the_loss_axis_is_logarithmic_when_the_loss_spans_decades(inputs, log):
    trace = eigenvue.trace(ID, inputs)
    history = trace[-1].state["lossHistory"]
    # The framework's one rule: a log axis when the largest value is over 100 times the least.
    assert (history.max() / history.min() > 100) == log  # the runs sit clearly on either side
    diagram, _ = diagram_for(trace)
    assert diagram.loss_curve.ax.get_yscale() == ("log" if log else "linear")


def test_bar_tops_are_the_gradient_norms_on_one_log_scale():
    trace = eigenvue.trace(ID, example("Vanishing gradients"))
    diagram, theme = diagram_for(trace)
    scales = set()
    for step in [s for s in trace if "gradientNorms" in s.state]:
        show(diagram, theme, step, draw=False)
        bars = diagram.norm_bars
        assert bars.ax.get_yscale() == "log"
        scales.add(bars.ax.get_ylim())
        for layer, bar in enumerate(bars.bars, start=1):
            norm = step.state["gradientNorms"][layer]
            if norm is None:
                assert not bar.get_visible()
            else:
                assert bar.get_visible()
                assert bar.get_y() + bar.get_height() == pytest.approx(norm, rel=1e-12)
                assert bar.get_y() <= norm  # the bar rises from below the smallest norm
    assert len(scales) == 1


def test_the_vanishing_example_draws_first_layer_bars_far_below_the_last():
    trace = eigenvue.trace(ID, example("Vanishing gradients"))
    diagram, theme = diagram_for(trace)
    backward = [s for s in trace if s.phase == "backward"][-1]
    show(diagram, theme, backward)
    tops = [bar.get_y() + bar.get_height() for bar in diagram.norm_bars.bars]
    assert tops[0] * 100 < tops[-1]  # two decades and more: visible on the log axis
    # On screen too: the last bar is taller in pixels than the first.
    heights = [bar.get_window_extent().height for bar in diagram.norm_bars.bars]
    assert heights[-1] > heights[0] + 40


def test_the_gradient_check_line_shows_the_states_value_and_verdict():
    trace = eigenvue.trace(ID, example("Vanishing gradients"))
    diagram, theme = diagram_for(trace)
    step = next(s for s in trace if s.phase == "backward")
    check = step.state["gradientCheck"]
    show(diagram, theme, step)
    text = diagram.check_text
    assert text.get_visible() and text.get_text().endswith("✓")
    assert float(text.get_text().split()[2].replace("−", "-")) == pytest.approx(check, rel=0.06)
    assert matplotlib.colors.same_color(text.get_color(), theme.done)
    # A failed check, as a wrong gradient would give, is marked as one.
    failed = step.model_copy(update={"state": {**step.state, "gradientCheck": 3e-3}})
    show(diagram, theme, failed)
    assert text.get_text() == "gradient check 3.0e−3 ✗"
    assert matplotlib.colors.same_color(text.get_color(), theme.negative)
    # Steps without a check show none.
    show(diagram, theme, trace[0])
    assert not text.get_visible() and not diagram.norm_bars.ax.get_visible()


def test_summarised_epochs_swap_the_step_by_step_layout_for_the_training_one(xor):
    trace, diagram, theme = xor
    detailed = next(s for s in trace if s.phase == "backward")
    show(diagram, theme, detailed)
    assert diagram.network.ax.get_visible() and diagram.panel_ax.get_visible()
    assert not diagram.boundary.ax.get_visible() and not diagram.loss_curve.ax.get_visible()
    show(diagram, theme, epoch_steps(trace)[3])
    assert not diagram.network.ax.get_visible() and not diagram.panel_ax.get_visible()
    assert diagram.boundary.ax.get_visible() and diagram.loss_curve.ax.get_visible()
    assert diagram.norm_bars.ax.get_visible()


def test_a_single_example_run_draws_its_network_and_loss_curve():
    trace = eigenvue.trace(ID, {"epochs": 40, "learningRate": 0.5})
    diagram, theme = diagram_for(trace)
    assert diagram.boundary is None and diagram.small_network is not None
    step = epoch_steps(trace)[10]
    show(diagram, theme, step)
    assert diagram.small_network.ax.get_visible()
    np.testing.assert_array_equal(loss_line(diagram)[0].get_data()[1], step.state["lossHistory"])
    assert_frames_draw(sample_images(trace, "dark", range(6, 12)), "dark")


def test_an_overflowing_run_says_so_in_its_last_frame(monkeypatch):
    make_the_loss_overflow(monkeypatch, from_call=6)
    trace = eigenvue.trace(ID, {"dataset": "xor", "layerSizes": [2, 3, 1], "epochs": 20})
    assert "finalLoss" not in trace[-1].state
    diagram, theme = diagram_for(trace)
    show(diagram, theme, trace[-1])
    assert "overflow" in diagram.headline.get_text()
    assert len(loss_line(diagram)[0].get_data()[1]) == 5
    assert_frames_draw(sample_images(trace, "light", [len(trace) - 1]), "light")


def test_wide_and_deep_training_runs_draw():
    wide = eigenvue.trace(ID, {"layerSizes": [2, 1000, 1000, 1], "epochs": 2})
    deep = eigenvue.trace(ID, {"layerSizes": [2, 8, 8, 8, 8, 8, 8, 8, 1], "dataset": "xor"})
    for trace in (wide, deep):
        backward = next(s.index for s in trace if s.phase == "backward")
        images = sample_images(trace, "light", [backward, len(trace) - 1])
        assert_frames_draw(images, "light", consecutive=False)
    diagram, _ = diagram_for(wide)
    assert diagram.small_network.compact
