"""Binary search: bisect's answer, the probe bound, the refusal of unsorted arrays, input rules."""

import bisect
import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import eigenvue
from tests.reference import case_named
from tests.refusals import assert_refused

ID = "binary-search"
UNSORTED = "edge: unsorted input (wrong answer, not detected)"
DEVIATIONS = {UNSORTED: "test_an_unsorted_array_is_refused_naming_the_first_position_out_of_order"}

REFUSALS = [
    ({"array": [5, 1, 3], "target": 5}, "array"),
    ({"array": [1, 2, 3, 2.5]}, "array"),
    ({"array": "1, 2, 3"}, "array"),
    ({"array": None}, "array"),
    ({"array": [1, float("nan"), 3]}, "array[1]"),
    ({"array": [1, 2, float("inf")]}, "array[2]"),
    ({"array": [1, True, 3]}, "array[1]"),
    ({"array": [1, "2", 3]}, "array[1]"),
    ({"array": [1, 2, 1e101]}, "array[2]"),
    ({"array": list(range(200_000))}, "array"),
    ({"target": float("nan")}, "target"),
    ({"target": "13"}, "target"),
    ({"target": None}, "target"),
    ({"target": [13]}, "target"),
    ({"needle": 13}, "needle"),
]


def test_an_unsorted_array_is_refused_naming_the_first_position_out_of_order():
    case = case_named(ID, UNSORTED, edge=True)
    error = assert_refused(ID, case["inputs"], "array")
    assert "array[1] = 1 comes after array[0] = 5" in str(error)
    assert any("unsorted" in d.title.lower() for d in eigenvue.get(ID).differences)


def test_the_refusal_of_a_long_array_says_which_length_fits():
    error = assert_refused(ID, {"array": list(range(200_000)), "target": 3}, "array")
    fits = int(str(error).rsplit("an array of ", 1)[1].split()[0].replace(",", ""))
    eigenvue.steps(ID, {"array": list(range(fits)), "target": -1})  # the largest that fits runs
    assert_refused(ID, {"array": list(range(fits + 1)), "target": -1}, "array")


# -- against bisect -----------------------------------------------------------------------------

sorted_arrays = st.lists(st.integers(-50, 50), max_size=40).map(sorted)


@settings(max_examples=150, deadline=None)
@given(array=sorted_arrays, target=st.integers(-60, 60))
def test_the_answer_agrees_with_bisect(array, target):
    steps = eigenvue.steps(ID, {"array": array, "target": target})
    final = steps[-1]["state"]
    lo, hi = bisect.bisect_left(array, target), bisect.bisect_right(array, target)
    if lo < hi:  # present: any position holding it is right
        assert steps[-1]["id"] == "found"
        assert lo <= final["result"] < hi
        assert array[final["result"]] == target
    else:
        assert steps[-1]["id"] == "not_found"
        assert final["result"] == -1
        assert final["left"] == lo  # the insertion point, as bisect gives it


@settings(max_examples=100, deadline=None)
@given(array=sorted_arrays, target=st.integers(-60, 60))
def test_probes_stay_within_floor_log2_n_plus_one_and_halve_the_range(array, target):
    steps = eigenvue.steps(ID, {"array": array, "target": target})
    probes = [s["state"] for s in steps if s["id"] == "calculate_mid"]
    bound = math.floor(math.log2(len(array))) + 1 if array else 0
    assert len(probes) <= bound
    sizes = [p["right"] - p["left"] + 1 for p in probes]
    assert all(b <= a // 2 for a, b in zip(sizes, sizes[1:]))
    # Every probe costs one comparison with the target, and a second unless it hits.
    found = steps[-1]["id"] == "found"
    assert steps[-1]["state"]["comparisons"] == 2 * len(probes) - found


def test_hand_worked_search_for_5_in_2_to_14():
    steps = eigenvue.steps(ID, {"array": [2, 4, 6, 8, 10, 12, 14], "target": 5})
    assert [s["state"]["mid"] for s in steps if s["id"] == "calculate_mid"] == [3, 1, 2]
    assert steps[-1]["state"]["left"] == 2 and steps[-1]["state"]["right"] == 1


def test_duplicates_stop_at_the_first_probe_that_hits():
    steps = eigenvue.steps(ID, {"array": [1, 1, 1, 1, 1], "target": 1})
    assert steps[-1]["state"]["result"] == 2


def test_floats_and_ints_mix_and_ints_stay_ints():
    steps = eigenvue.steps(ID, {"array": [-2.5, 0, 3, 7.25], "target": 3})
    assert steps[-1]["state"]["result"] == 2
    assert [type(v) for v in steps[0]["state"]["array"]] == [float, int, int, float]


def test_an_empty_array_is_searched_and_the_target_is_absent():
    steps = eigenvue.steps(ID, {"array": [], "target": 3})
    assert [s["id"] for s in steps] == ["initialize", "not_found"]


def test_the_measured_cost_chart_counts_match_the_formulas():
    from algorithms.classical.binary_search.cost import measured

    m = measured()
    n = m.sizes  # powers of two: log₂ n + 1 probes past the end, two comparisons each
    past = m.counts["comparisons"]["target past the end"]
    assert past.tolist() == (2 * (np.log2(n) + 1)).tolist()
    present = m.counts["comparisons"]["target present"]
    assert (present < past).all()
