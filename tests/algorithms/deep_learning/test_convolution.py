"""Convolution: scipy's correlate2d, input rules, scale."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from scipy.signal import convolve2d, correlate2d

import eigenvue
from algorithms.deep_learning.convolution.inputs import MAX_POSITIONS, MAX_PRODUCTS
from tests.frames_check import (
    assert_each_image_differs_from_the_last,
    draw_diagram,
    example_params,
)

ID = "convolution"
#: Every reference case is matched.
DEVIATIONS: dict[str, str] = {}


# -- against scipy.signal.correlate2d --------------------------------------------------------


@st.composite
def grid_and_kernel(draw):
    h, w = draw(st.integers(1, 9)), draw(st.integers(1, 9))
    kh, kw = draw(st.integers(1, h)), draw(st.integers(1, w))
    values = st.floats(-1e3, 1e3, allow_nan=False)
    grid = draw(hnp.arrays(float, (h, w), elements=values))
    kernel = draw(hnp.arrays(float, (kh, kw), elements=values))
    return grid, kernel


@settings(max_examples=60, deadline=None)
@given(grid_and_kernel())
def test_every_step_agrees_with_scipy_correlate2d(pair):
    grid, kernel = pair
    expected = correlate2d(grid, kernel, mode="valid")
    out_h, out_w = expected.shape
    steps = eigenvue.steps(ID, {"input": grid, "kernel": kernel})
    assert len(steps) == out_h * out_w + 2
    assert (steps[0]["state"]["outputHeight"], steps[0]["state"]["outputWidth"]) == (out_h, out_w)
    np.testing.assert_allclose(steps[-1]["state"]["outputGrid"], expected, rtol=1e-12, atol=1e-9)
    kh, kw = kernel.shape
    for k, step in enumerate(steps[1:-1]):
        r, c = divmod(k, out_w)  # reading order
        state = step["state"]
        assert (state["currentRow"], state["currentCol"]) == (r, c)
        np.testing.assert_array_equal(state["products"], grid[r : r + kh, c : c + kw] * kernel)
        assert state["sum"] == pytest.approx(expected[r, c], rel=1e-12, abs=1e-9)
        # The output fills in reading order: cells up to (r, c) are known, the rest still 0.
        filled = np.arange(out_h * out_w).reshape(out_h, out_w) <= k
        got = np.array(state["outputGrid"])
        np.testing.assert_allclose(got[filled], expected[filled], rtol=1e-12, atol=1e-9)
        assert np.all(got[~filled] == 0.0)


def test_the_kernel_is_not_flipped():
    # Cross-correlation, as in deep-learning libraries; true convolution flips the kernel.
    grid = np.arange(16.0).reshape(4, 4) ** 2
    kernel = np.array([[1.0, 2.0], [0.0, -1.0]])
    out = eigenvue.steps(ID, {"input": grid, "kernel": kernel})[-1]["state"]["outputGrid"]
    np.testing.assert_allclose(out, correlate2d(grid, kernel, mode="valid"))
    assert not np.allclose(out, convolve2d(grid, kernel, mode="valid"))


def test_a_64_by_64_input_beyond_display_ranges_computes():
    rng = np.random.default_rng(7)
    grid = rng.uniform(-500, 500, size=(64, 64))
    kernel = rng.uniform(-40, 40, size=(5, 5))
    trace = eigenvue.trace(ID, {"input": grid, "kernel": kernel})
    assert len(trace) == 60 * 60 + 2
    np.testing.assert_allclose(
        np.array(trace[-1].state["outputGrid"]),
        correlate2d(grid, kernel, mode="valid"),
        rtol=1e-12,
        atol=1e-9,
    )


# -- scale ----------------------------------------------------------------------------------


def test_unchanged_rows_and_grids_are_shared_between_steps():
    trace = eigenvue.trace(ID, {"input": np.ones((12, 12)), "kernel": np.ones((3, 3))})
    first, later = trace[1].state, trace[-2].state
    assert first["inputGrid"] is later["inputGrid"] and first["kernel"] is later["kernel"]
    # rows not reached yet are one shared row; finished rows are shared by all later steps
    assert first["outputGrid"][5] is first["outputGrid"][6] is trace[0].state["outputGrid"][0]
    assert trace[30].state["outputGrid"][0] is later["outputGrid"][0]
    steps = trace.to_dicts()
    assert steps[30]["state"]["outputGrid"][0] is steps[-2]["state"]["outputGrid"][0]


def test_inputs_at_the_resource_limits_compute():
    side = int(MAX_POSITIONS**0.5) + 2  # a 3×3 kernel takes side − 2 positions per axis
    steps = eigenvue.steps(ID, {"input": np.ones((side, side)), "kernel": np.ones((3, 3))})
    assert len(steps) == MAX_POSITIONS + 2 and steps[-1]["state"]["outputGrid"][0][0] == 9.0
    grid = np.ones((1000, 1000))
    steps = eigenvue.steps(ID, {"input": grid, "kernel": grid})
    assert steps[1]["state"]["sum"] == MAX_PRODUCTS == 1_000_000


def test_huge_values_stay_finite():
    steps = eigenvue.steps(ID, {"input": np.full((3, 3), 1e150), "kernel": np.full((3, 3), -1e150)})
    assert steps[1]["state"]["sum"] == pytest.approx(-9e300)


# -- inputs -------------------------------------------------------------------------------------

REFUSALS: list[tuple[dict, str]] = [
    ({"input": []}, "input"),
    ({"input": [[]]}, "input[0]"),
    ({"input": [1, 2, 3]}, "input[0]"),
    ({"input": "1 2; 3 4"}, "input"),
    ({"input": [[1, 2, 3], [4, 5]], "kernel": [[1]]}, "input"),
    ({"input": [[1, 2], [4, 5, 6]], "kernel": [[1]]}, "input"),
    ({"input": [[1, float("nan")], [3, 4]], "kernel": [[1]]}, "input[0][1]"),
    ({"input": [[1, 2], [3, float("inf")]], "kernel": [[1]]}, "input[1][1]"),
    ({"input": [[1, "2"], [3, 4]], "kernel": [[1]]}, "input[0][1]"),
    ({"input": [[True, 2], [3, 4]], "kernel": [[1]]}, "input[0][0]"),
    ({"input": [[1e200, 2], [3, 4]], "kernel": [[1]]}, "input[0][0]"),
    ({"kernel": []}, "kernel"),
    ({"kernel": [[1, 0], [1]]}, "kernel"),
    ({"kernel": [[None]]}, "kernel[0][0]"),
    ({"kernel": np.ones((5, 2))}, "kernel"),
    ({"kernel": np.ones((2, 5))}, "kernel"),
    ({"input": np.zeros((103, 103)), "kernel": np.ones((3, 3))}, "input"),
    ({"input": np.zeros((120, 120)), "kernel": np.ones((100, 100))}, "kernel"),
    ({"image": [[1]]}, "image"),
]


# -- frames ------------------------------------------------------------------------------------

# The defaults are the first example; each set of inputs is drawn once.
EXAMPLES = example_params(ID)


@pytest.mark.parametrize("inputs", EXAMPLES)
def test_each_step_changes_the_diagram(inputs):
    _, images = draw_diagram(eigenvue.trace(ID, inputs))
    assert_each_image_differs_from_the_last(images)


def test_the_window_sits_on_the_cells_the_step_multiplies():
    trace = eigenvue.trace(ID, {"input": np.arange(20.0).reshape(4, 5), "kernel": np.ones((2, 3))})
    diagram, _ = draw_diagram(trace, indices=[0])
    for step in trace[1:-1]:
        diagram.update(step)
        r, c = step.state["currentRow"], step.state["currentCol"]
        assert diagram.window.get_visible()
        assert diagram.window.get_xy() == (c - 0.5, r - 0.5)
        assert (diagram.window.get_height(), diagram.window.get_width()) == (2, 3)
        shown = np.ma.masked_invalid(diagram.output.ax.images[0].get_array())
        assert shown.count() == r * 3 + c + 1  # cells filled so far, in reading order
        # The cells' texts in reading order: row 1, column 2 of the 2×3 products.
        assert diagram.products.ax.texts[1 * 3 + 2].get_text().endswith(f"= {r * 5 + c + 7:g}")
    diagram.update(trace[-1])
    assert not diagram.window.get_visible()


def test_a_64_by_64_input_is_drawn_as_colours_without_numbers():
    rng = np.random.default_rng(1)
    trace = eigenvue.trace(
        ID, {"input": rng.normal(size=(64, 64)), "kernel": rng.normal(size=(3, 3))}
    )
    diagram, images = draw_diagram(trace, indices=[0, 1, len(trace) // 2, len(trace) - 1])
    assert diagram.input.compact and diagram.output.compact
    assert not diagram.kernel_grid.compact  # the 3×3 kernel keeps its numbers
    assert [t.get_text() for t in diagram.input.ax.texts] == []
    assert_each_image_differs_from_the_last(images)
