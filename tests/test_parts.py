"""The drawing parts: drawn in both themes, marks land on the right pixels, compact forms engage.

Each test builds a part on an Axes of a 800 × 450 px figure (the room a
diagram gets in a teaching frame), draws it off-screen and reads pixel colours
at data positions the test knows (an item's centre, a node's centre).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.text import Text

from eigenvue.drawing import get_theme
from eigenvue.drawing.gallery import EXAMPLES, render_part
from eigenvue.drawing.parts import ArrayPart, CurvePart, GraphPart, GridPart, StripPart
from eigenvue.drawing.parts.curve import power_of_ten, use_log_scale

THEMES = ["light", "dark"]


def make_axes(theme_name: str, rect=(0.02, 0.02, 0.96, 0.96)):
    theme = get_theme(theme_name)
    fig = Figure(figsize=(8, 4.5), dpi=100)
    fig.set_facecolor(theme.background)
    ax = fig.add_axes(rect)
    return fig, ax, theme


def pixels(fig) -> np.ndarray:
    """The figure's RGB pixels, floats in [0, 1], row 0 at the top."""
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba())[:, :, :3].astype(float) / 255.0


def colour_at(image: np.ndarray, ax, x: float, y: float) -> np.ndarray:
    """The colour at data point (x, y) of ``ax``."""
    px, py = ax.transData.transform((x, y))
    return image[round(image.shape[0] - py), round(px)]


def close(colour: np.ndarray, expected, tol: float = 0.04) -> bool:
    return bool(np.abs(colour - np.asarray(to_rgb(expected))).max() <= tol)


# -- the gallery: every part, both themes ----------------------------------------------


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_part_draws_something_in_both_themes_the_same_every_time(name):
    for theme_name in THEMES:
        image = pixels(render_part(name, theme_name))
        background = np.asarray(to_rgb(get_theme(theme_name).background))
        differs = np.abs(image - background).max(axis=2) > 0.1
        assert differs.mean() > 0.005, f"the {theme_name} picture is (almost) blank"
    # Same inputs, same pixels (the dark one drawn just before).
    assert np.array_equal(pixels(render_part(name, "dark")), image)


@pytest.mark.parametrize(
    "module",
    [
        "amplitudes",
        "array",
        "bars",
        "bloch",
        "circuit",
        "curve",
        "function",
        "gap",
        "graph",
        "grid",
        "network",
        "path",
        "plane",
        "strip",
        "table",
        "token_strip",
    ],
)
def test_the_docstring_examples_run(module):
    import doctest
    import importlib

    found = importlib.import_module(f"eigenvue.drawing.parts.{module}")
    result = doctest.testmod(found, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


# -- array -----------------------------------------------------------------------------


def bar_centre(part: ArrayPart, index: int, value: float) -> tuple[float, float]:
    return float(index), (part._base_y + part._y(value)) / 2


@pytest.mark.parametrize("theme_name", THEMES)
def test_array_marks_colour_the_items_they_name(theme_name):
    fig, ax, theme = make_axes(theme_name)
    part = ArrayPart(ax, theme, 6, value_range=(0, 10))
    values = [4, 8, 6, 10, 2, 5]
    part.update(values)
    before = pixels(fig)
    part.update(values, compare=(1, 2), swap=(3, 4), done=(5,))
    after = pixels(fig)
    for i in (1, 2):
        assert close(colour_at(after, ax, *bar_centre(part, i, values[i])), theme.highlight)
    for i in (3, 4):
        assert close(colour_at(after, ax, *bar_centre(part, i, values[i])), theme.update)
    done = colour_at(after, ax, *bar_centre(part, 5, values[5]))
    assert close(done, theme.tint(theme.done)[:3])
    # Sorted and swapped share a hue in the theme; the part keeps them apart.
    assert np.abs(done - np.asarray(to_rgb(theme.update))).max() > 0.25
    # Unmarked item 0 is unchanged.
    x, y = bar_centre(part, 0, values[0])
    assert np.array_equal(colour_at(before, ax, x, y), colour_at(after, ax, x, y))


def test_array_swap_draws_a_bracket_between_the_pair():
    fig, ax, theme = make_axes("light")
    part = ArrayPart(ax, theme, 6, value_range=(0, 10))
    part.update([1, 2, 3, 4, 5, 6])
    before = pixels(fig)
    part.update([1, 2, 3, 4, 5, 6], swap=(1, 4))
    after = pixels(fig)
    bracket_y = part._lane_y + 24.0 - 6.0  # the bracket's top bar
    for x in (2.0, 2.5, 3.0):  # between the pair, above the bars
        assert close(colour_at(after, ax, x, bracket_y), theme.update, 0.1)
        assert not close(colour_at(before, ax, x, bracket_y), theme.update, 0.1)


def test_array_bars_hang_below_the_baseline_for_negative_values():
    fig, ax, theme = make_axes("light")
    part = ArrayPart(ax, theme, 3, value_range=(-5, 5))
    part.update([3, -4, None], compare=(1,))
    image = pixels(fig)
    assert part._y(-4) < part._base_y < part._y(3)
    assert close(colour_at(image, ax, 1, (part._base_y + part._y(-4)) / 2), theme.highlight)
    # An empty slot has no fill.
    assert close(colour_at(image, ax, 2, part._base_y + 4), theme.background)


def test_array_pointers_on_one_item_stack():
    _fig, ax, theme = make_axes("light")
    part = ArrayPart(ax, theme, 8, style="cells", value_range=(0, 99))
    part.update(list(range(8)), pointers={"lo": 3, "mid": 3, "hi": 7, "gone": None})
    shown = [t for t in part._pointer_texts if t.get_visible()]
    assert sorted(t.get_text() for t in shown) == ["hi", "lo", "mid"]
    lo, mid = (next(t for t in shown if t.get_text() == k) for k in ("lo", "mid"))
    assert lo.get_position()[0] == mid.get_position()[0] == 3
    assert lo.get_position()[1] != mid.get_position()[1]


def test_array_pointer_off_the_end_is_named_with_its_index():
    _fig, ax, theme = make_axes("light")
    part = ArrayPart(ax, theme, 5, style="cells", value_range=(0, 9))
    part.update([1, 2, 3, 4, 5], pointers={"lo": 5, "hi": 4})
    names = {t.get_text() for t in part._pointer_texts if t.get_visible()}
    assert names == {"lo=5", "hi"}


def test_array_cells_write_values_legibly_on_their_fill():
    fig, ax, theme = make_axes("dark")
    part = ArrayPart(ax, theme, 4, style="cells", value_range=(0, 9))
    part.update([1, 2, 3, 4], compare=(0,), found=(1,))
    for text in part._values[:2]:
        x, y = text.get_position()
        face = colour_at(pixels(fig), ax, x + 0.3, y)  # beside the digit, inside the cell
        # The value's colour contrasts with the cell it sits in.
        assert np.abs(np.asarray(to_rgb(text.get_color())) - face).max() > 0.5


def test_array_active_range_dims_the_items_outside():
    fig, ax, theme = make_axes("light")
    part = ArrayPart(ax, theme, 6, value_range=(0, 10))
    part.update([5] * 6)
    full = pixels(fig)
    part.update([5] * 6, active=(2, 3))
    dimmed = pixels(fig)
    inside, outside = bar_centre(part, 2, 5), bar_centre(part, 0, 5)
    assert np.array_equal(colour_at(full, ax, *inside), colour_at(dimmed, ax, *inside))
    bg = np.asarray(to_rgb(theme.background))
    assert (
        np.abs(colour_at(dimmed, ax, *outside) - bg).sum()
        < np.abs(colour_at(full, ax, *outside) - bg).sum()
    )


def test_array_turns_dense_above_its_threshold():
    fig, ax, theme = make_axes("light")
    small = ArrayPart(ax, theme, 64, value_range=(0, 1))
    assert not small.dense
    fig, ax, theme = make_axes("light")
    big = ArrayPart(ax, theme, 500, value_range=(0, 1))
    big.update(np.linspace(0, 1, 500), compare=(10,))
    assert big.dense
    assert big._values == []
    assert 2 <= len(big._index_texts) <= 25
    assert close(colour_at(pixels(fig), ax, 10, big._y(0.01) + 0.5), theme.highlight, 0.15)


def test_array_refuses_a_wrong_number_of_values():
    _fig, ax, theme = make_axes("light")
    part = ArrayPart(ax, theme, 3)
    with pytest.raises(ValueError, match="expected 3 values"):
        part.update([1, 2])


# -- graph -----------------------------------------------------------------------------

SQUARE = {"A": (0, 0), "B": (1, 0), "C": (1, 1), "D": (0, 1)}
SQUARE_EDGES = [("A", "B", 3), ("B", "C", 1.5), ("C", "D", 2), ("D", "A", 7)]


def node_fill(image, part: GraphPart, ax, node) -> np.ndarray:
    x, y = part.position(node)
    return colour_at(image, ax, x - part.radius_px * 0.6, y)  # left of the label


def edge_colour(image, part: GraphPart, ax, u, v) -> np.ndarray:
    (xu, yu), (xv, yv) = part.position(u), part.position(v)
    return colour_at(image, ax, xu + (xv - xu) * 0.3, yu + (yv - yu) * 0.3)


@pytest.mark.parametrize("theme_name", THEMES)
def test_graph_states_colour_nodes_and_edges_by_meaning(theme_name):
    fig, ax, theme = make_axes(theme_name)
    part = GraphPart(ax, theme, SQUARE, SQUARE_EDGES)
    part.update()
    before = pixels(fig)
    part.update(
        node_states={"A": "current", "B": "frontier", "C": "path"},
        edge_states={("B", "A"): "active", ("C", "B"): "path", ("C", "D"): "relaxed"},
        node_notes={"A": "d=0"},
    )
    after = pixels(fig)
    assert close(node_fill(after, part, ax, "A"), theme.highlight)
    assert close(node_fill(after, part, ax, "B"), theme.tint(theme.forward)[:3])
    assert close(node_fill(after, part, ax, "C"), theme.done)
    assert close(node_fill(after, part, ax, "D"), theme.panel)
    assert np.array_equal(node_fill(before, part, ax, "D"), node_fill(after, part, ax, "D"))
    # An undirected edge's state is found whichever way round it is named.
    assert close(edge_colour(after, part, ax, "A", "B"), theme.highlight, 0.08)
    assert close(edge_colour(after, part, ax, "B", "C"), theme.done, 0.08)
    assert close(edge_colour(after, part, ax, "C", "D"), theme.update, 0.08)
    assert close(edge_colour(after, part, ax, "D", "A"), theme.edge, 0.08)
    note = part._notes[0]
    assert note.get_visible() and note.get_text() == "d=0"
    assert not part._notes[1].get_visible()


def test_graph_writes_weights_beside_edge_middles():
    _fig, ax, theme = make_axes("light")
    part = GraphPart(ax, theme, SQUARE, SQUARE_EDGES)
    texts = [w.get_text() for w in part._weights if w is not None]
    assert texts == ["3", "1.5", "2", "7"]
    # Beside the middle of its edge (A–B runs along the bottom): close to it, off the line.
    x, y = part._weights[0].get_position()
    (xa, ya), (xb, yb) = part.position("A"), part.position("B")
    assert x == pytest.approx((xa + xb) / 2, abs=1.0)
    assert 6 < y - (ya + yb) / 2 < 20


def test_graph_directed_edges_get_heads_and_reverse_edges_sit_apart():
    _fig, ax, theme = make_axes("light")
    part = GraphPart(ax, theme, SQUARE, [("A", "B"), ("B", "A"), ("B", "C")], directed=True)
    heads = part._heads.get_paths()
    assert len(heads) == 3
    a_to_b, b_to_a = part._lines.get_segments()[:2]
    assert abs(a_to_b[0][1] - b_to_a[0][1]) > 5  # parallel, not on top of each other
    part.update(edge_states={("A", "B"): "active"})
    colours = part._heads.get_facecolor()
    assert np.allclose(colours[0][:3], to_rgb(theme.highlight))
    assert np.allclose(colours[1][:3], to_rgb(theme.edge))  # (B, A) is another edge


def test_graph_shrinks_nodes_beyond_fifteen_and_stays_apart():
    _fig, ax, theme = make_axes("light")
    side = 7
    pos = {i: ((i % side) / (side - 1), (i // side) / (side - 1)) for i in range(side * side)}
    big = GraphPart(ax, theme, pos, [])
    _fig, ax2, _ = make_axes("light")
    small = GraphPart(ax2, theme, SQUARE, [])
    assert big.radius_px < small.radius_px
    gaps = np.linalg.norm(big.xy[:, None] - big.xy[None, :], axis=2)
    gaps[np.diag_indices(len(pos))] = np.inf
    assert gaps.min() > 2.2 * big.radius_px


def test_graph_legend_names_only_the_states_in_use():
    _fig, ax, theme = make_axes("light")
    part = GraphPart(ax, theme, SQUARE, SQUARE_EDGES)
    part.update(node_states={"A": "visited"}, edge_states={("A", "B"): "tree"})
    shown = [
        t.get_text() for t in ax.texts if t.get_visible() and t.get_transform() == ax.transAxes
    ]
    assert "visited" in shown and "tree edge" in shown
    assert "current" not in shown


def test_graph_refuses_unknown_states_and_nodes():
    _fig, ax, theme = make_axes("light")
    with pytest.raises(ValueError, match="unknown node 'Z'"):
        GraphPart(ax, theme, SQUARE, [("A", "Z")])
    part = GraphPart(ax, theme, SQUARE, SQUARE_EDGES)
    with pytest.raises(ValueError, match="unknown node state"):
        part.update(node_states={"A": "seen"})


# -- strip -----------------------------------------------------------------------------


def visible_labels(part: StripPart) -> list[str]:
    return [t.get_text() for t, b in zip(part._labels, part._boxes) if b.get_visible()]


def box_fill(image, ax, box) -> np.ndarray:
    x, y = box.get_x() + box.get_width() * 0.15, box.get_y() + box.get_height() * 0.5
    return colour_at(image, ax, x, y)


@pytest.mark.parametrize("theme_name", THEMES)
def test_strip_queue_shows_items_in_order_with_marks(theme_name):
    fig, ax, theme = make_axes(theme_name, rect=(0, 0.6, 1, 0.3))
    part = StripPart(ax, theme, kind="queue", capacity=6)
    part.update(["B", "C", "D"], highlight=(0,), added=(-1,), removed="A")
    image = pixels(fig)
    assert visible_labels(part) == ["A", "B", "C", "D"]  # the removed one first, outside
    boxes = [b for b in part._boxes if b.get_visible()]
    assert close(box_fill(image, ax, boxes[1]), theme.highlight)
    assert close(box_fill(image, ax, boxes[3]), theme.tint(theme.update)[:3])
    assert close(box_fill(image, ax, boxes[2]), theme.panel)
    xs = [b.get_x() for b in boxes]
    assert xs == sorted(xs)  # front on the left


def test_strip_overflow_shows_first_items_a_count_and_the_last():
    _fig, ax, theme = make_axes("light")
    part = StripPart(ax, theme, kind="queue", capacity=5)
    part.update([str(i) for i in range(12)])
    assert visible_labels(part) == ["0", "1", "2", "… +8", "11"]


def test_strip_priority_queue_writes_keys_under_items():
    _fig, ax, theme = make_axes("light")
    part = StripPart(ax, theme, kind="priority", key_prefix="d=")
    part.update([("C", 2.0), ("D", float("inf")), ("E", 12.345)])
    keys = [k.get_text() for k in part._keys if k.get_text()]
    assert keys == ["d=2", "d=∞", "d=12.3"]


def test_strip_stack_grows_upwards_and_pops_above_the_top():
    _fig, ax, theme = make_axes("light", rect=(0, 0, 0.3, 1))
    part = StripPart(ax, theme, kind="stack", capacity=6)
    part.update(["A", "B", "C"], removed="D")
    boxes = {t.get_text(): b for t, b in zip(part._labels, part._boxes) if b.get_visible()}
    ys = [boxes[k].get_y() for k in "ABCD"]
    assert ys == sorted(ys)  # bottom of the stack lowest, the popped item just above the top
    part.update([])
    assert part._empty.get_visible()
    assert visible_labels(part) == []


# -- grid ------------------------------------------------------------------------------


@pytest.mark.parametrize("theme_name", THEMES)
def test_grid_colours_cells_on_a_fixed_scale_and_writes_values_legibly(theme_name):
    fig, ax, theme = make_axes(theme_name, rect=(0.1, 0.1, 0.6, 0.8))
    part = GridPart(ax, theme, (2, 2), vmin=0, vmax=10, colorbar=False)
    part.update([[0, 10], [5, 2.5]])
    image = pixels(fig)
    from matplotlib import colormaps

    cmap = colormaps[theme.sequential]
    assert close(colour_at(image, ax, 0.3, -0.3), cmap(0.0)[:3])
    assert close(colour_at(image, ax, 1.3, -0.3), cmap(1.0)[:3])
    assert close(colour_at(image, ax, 0.3, 0.7), cmap(0.5)[:3])
    # Text on the darkest cell is light, on the brightest dark (viridis runs dark to bright).
    dark_cell, bright_cell = part._texts[0][0], part._texts[0][1]
    assert sum(to_rgb(dark_cell.get_color())) > sum(to_rgb(bright_cell.get_color()))
    assert dark_cell.get_text() == "0" and part._texts[1][1].get_text() == "2.5"


def test_grid_masks_nan_cells_and_outlines_the_highlighted_row():
    fig, ax, theme = make_axes("light", rect=(0.1, 0.1, 0.6, 0.8))
    part = GridPart(ax, theme, (3, 3), vmin=0, vmax=1, colorbar=False)
    data = [[0.5, np.nan, np.nan], [0.5, 0.5, np.nan], [0.5, 0.5, 0.5]]
    part.update(data)
    plain = pixels(fig)
    assert part._texts[0][1].get_text() == ""
    mask = part._mask.get_path()
    for r, row in enumerate(data):
        for c, value in enumerate(row):
            # contains_point takes (x, y): column, then row.
            assert mask.contains_point((c, r)) == bool(np.isnan(value))
    (x0, y0), (x1, y1) = ax.transData.transform([(0.55, -0.45), (1.45, 0.45)])
    top, bottom = sorted((plain.shape[0] - y0, plain.shape[0] - y1))
    cell = plain[int(top) : int(bottom), int(x0) : int(x1)]  # row 0, column 1
    # A masked cell is the background, crossed by hatching.
    assert (np.abs(cell - 1.0).max(axis=2) < 0.02).mean() > 0.5
    assert (np.abs(cell - 1.0).max(axis=2) > 0.1).mean() > 0.05
    part.update(data, highlight_row=2)
    lit = pixels(fig)
    assert close(colour_at(lit, ax, 1.0, 1.5), theme.highlight, 0.08)  # the row's top edge
    assert not close(colour_at(plain, ax, 1.0, 1.5), theme.highlight, 0.08)


@pytest.mark.parametrize("labels", [["a", "b", "c"], ["a long label", "another one", "c"]])
def test_grid_caption_sits_where_matplotlib_places_it_clear_of_the_column_labels(labels):
    # Built on an Agg canvas, the part places its caption once; on a bare figure (no
    # renderer to measure with) matplotlib places it at every draw. Both must agree.
    def caption_box(measured_once: bool):
        # Taller than wide: the square grid's box shrinks when drawn, and its top moves.
        fig, ax, theme = make_axes("light", rect=(0.1, 0.05, 0.3, 0.75))
        if measured_once:
            FigureCanvasAgg(fig)
        part = GridPart(ax, theme, (3, 3), col_labels=labels, row_labels=labels, title="first")
        part.update(np.eye(3), title="a new caption, longer")
        pixels(fig)
        renderer = fig.canvas.get_renderer()
        title = part.ax.get_title(loc="left")
        assert title == "a new caption, longer"
        (box,) = [c for c in ax.get_children() if isinstance(c, Text) and c.get_text() == title]
        return box.get_window_extent(renderer), ax.xaxis.get_tightbbox(renderer)

    once, labels_box = caption_box(True)
    every_draw, _ = caption_box(False)
    assert once.y0 == pytest.approx(every_draw.y0, abs=1.0)
    assert once.y0 >= labels_box.y1 - 0.5  # above the column labels, not over them


def test_grid_diverging_scale_is_centred_on_zero():
    _fig, ax, theme = make_axes("light")
    part = GridPart(ax, theme, (2, 2), scale="diverging", vmin=-0.5, vmax=2.0)
    assert (part.norm.vmin, part.norm.vmax) == (-2.0, 2.0)


def test_grid_turns_compact_above_twelve():
    _fig, ax, theme = make_axes("light")
    assert GridPart(ax, theme, (12, 12)).compact is False
    _fig, ax, theme = make_axes("light")
    big = GridPart(ax, theme, (30, 13), row_labels=[f"r{i}" for i in range(30)])
    assert big.compact and big._texts == []
    assert len(ax.get_yticklabels()) < 30


def test_grid_refuses_a_matrix_of_another_shape():
    _fig, ax, theme = make_axes("light")
    part = GridPart(ax, theme, (2, 3))
    with pytest.raises(ValueError, match="expected a 2×3 matrix"):
        part.update(np.zeros((3, 2)))


# -- curve -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "log"),
    [
        ([1.0, 101.0], True),
        ([1.0, 100.0], False),  # a ratio of exactly 100 stays linear
        ([0.0, 1e6], False),  # a zero cannot sit on a log axis
        ([-1.0, 1e6], False),
        ([0.7, 0.002, float("nan")], True),
        ([], False),
    ],
)
def test_one_rule_decides_a_log_axis(values, log):
    assert use_log_scale(values) is log


def test_log_ticks_are_plain_text_decades():
    assert power_of_ten(1e-3) == "10⁻³"
    assert power_of_ten(100.0) == "10²"
    assert power_of_ten(1.0) == "10⁰"


def test_curve_on_a_log_axis_has_decade_ticks_and_no_minor_ticks():
    fig, ax, theme = make_axes("light", rect=(0.15, 0.15, 0.7, 0.7))
    loss = 0.7 * np.exp(-np.arange(1, 101) / 10.0)
    part = CurvePart(ax, theme, {"loss": "compare"}, x_range=(1, 100), y_values=loss)
    part.update(loss[:30])
    pixels(fig)
    assert part.log and ax.get_yscale() == "log"
    assert ax.yaxis.get_minorticklocs().size == 0
    labels = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
    assert labels and all(label.startswith("10") and "$" not in label for label in labels)


def test_curve_marks_the_latest_value_of_each_series_in_its_meaning_colour():
    fig, ax, theme = make_axes("dark", rect=(0.15, 0.15, 0.7, 0.7))
    part = CurvePart(
        ax,
        theme,
        {"comparisons": "compare", "swaps": "update"},
        x_range=(0, 10),
        y_values=[0, 45],
        references={"n²": ([0, 10], [0, 100])},
    )
    part.update({"comparisons": [1, 3, 6], "swaps": [0, 1, 3]}, x=[2, 3, 4])
    image = pixels(fig)
    assert not part.log  # the zero keeps it linear
    assert close(colour_at(image, ax, 4, 6), theme.highlight, 0.1)
    assert close(colour_at(image, ax, 4, 3), theme.update, 0.1)
    assert part._labels["comparisons"].get_text() == "6"
    assert part._labels["swaps"].get_text() == "3"
    # Limits stay those given at construction: a new value does not rescale.
    assert ax.get_ylim()[1] > 100
    with pytest.raises(ValueError, match="unknown series"):
        part.update({"writes": [1]})


def test_grid_cells_text_replaces_the_values_but_not_the_mask():
    _fig, ax, theme = make_axes("light")
    part = GridPart(ax, theme, (1, 2))
    part.update([[0.5, np.nan]], cells=[["2·3\n= 6", "unused"]])
    assert [t.get_text() for t in part._texts[0]] == ["2·3\n= 6", ""]


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.integers(min_value=-50, max_value=50).map(float) | st.none(), min_size=1, max_size=12
    )
)
def test_array_bar_ends_follow_the_values(values):
    # Geometry only (no drawing): a larger value's bar ends higher, negatives below the baseline.
    _fig, ax, theme = make_axes("light")
    part = ArrayPart(ax, theme, len(values), value_range=(-50, 50))
    part.update(values)
    tops = [path.vertices[2][1] for path in part._items.get_paths()]
    known = sorted((v, top) for v, top in zip(values, tops) if v is not None)
    # Sorted by value, the bar ends never go down (tiny bars keep a visible minimum).
    for (a, top_a), (b, top_b) in zip(known, known[1:]):
        assert top_a <= top_b + 1e-9
        if b - a >= 5:
            assert top_a < top_b
    for v, top in known:
        assert (top < part._base_y) == (v < 0)
