"""Merge sort: sorted(), stability on equal keys, the merge invariant, n log n counts, inputs."""

import math

import numpy as np
import pytest
from hypothesis import given, settings

import eigenvue
from algorithms.classical.merge_sort.sort import merge_sort
from algorithms.classical.sorting_cost import Counts
from tests.algorithms.classical import sorting_checks as shared
from tests.algorithms.classical.sorting_checks import arrays_of_two_or_more

ID = "merge-sort"

REFUSALS = [
    ({"array": "38 27 43"}, "array"),
    ({"array": None}, "array"),
    ({"array": [1, float("nan")]}, "array[1]"),
    ({"array": [1, float("-inf")]}, "array[1]"),
    ({"array": [True, 2]}, "array[0]"),
    ({"array": [1, b"2"]}, "array[1]"),
    ({"array": [1e300]}, "array[0]"),
    ({"array": list(range(100_000))}, "array"),
    ({"aray": [1]}, "aray"),
]


def test_sorts_like_sorted():
    shared.check_sorts_like_sorted(ID)


@settings(max_examples=80, deadline=None)
@given(arrays_of_two_or_more)
def test_each_merge_writes_the_sorted_union_of_its_two_runs(array):
    steps = eigenvue.steps(ID, {"array": array})
    start = None
    for step in steps:
        s = step["state"]
        if step["id"] == "merge_start":
            start = s
            a = s["array"]
            assert a[s["left"] : s["mid"] + 1] == sorted(a[s["left"] : s["mid"] + 1])
            assert a[s["mid"] + 1 : s["right"] + 1] == sorted(a[s["mid"] + 1 : s["right"] + 1])
        if step["id"] == "merge_complete":
            lo, hi = s["left"], s["right"]
            assert s["array"][lo : hi + 1] == sorted(start["array"][lo : hi + 1])
            assert s["auxiliary"][lo : hi + 1] == s["array"][lo : hi + 1]
            assert all(v is None for v in s["auxiliary"][:lo] + s["auxiliary"][hi + 1 :])


def test_stable_records_with_equal_keys_keep_their_order():
    shared.check_sorts_records_stably(
        lambda records: merge_sort(records, [None] * len(records), Counts()), max_size=40
    )


@pytest.mark.parametrize("k", [1, 3, 5])
def test_powers_of_two_hand_counted(k):
    n = 2**k
    # Sorted or reversed, each merge of two runs of m compares m times (one run runs out
    # first); every round writes each value to the buffer and back.
    for array in (list(range(n)), list(range(n, 0, -1))):
        final = eigenvue.steps(ID, {"array": array})[-1]["state"]
        assert final["comparisons"] == n * k // 2
        assert final["writes"] == 2 * n * k


@settings(max_examples=60, deadline=None)
@given(arrays_of_two_or_more)
def test_comparisons_stay_within_the_n_log_n_bounds(array):
    n = len(array)
    rounds = math.ceil(math.log2(n))
    final = eigenvue.steps(ID, {"array": array})[-1]["state"]
    assert final["comparisons"] <= n * rounds - (n - 1)  # one fewer than its values, per merge
    assert final["writes"] <= 2 * n * rounds


def test_the_refusal_of_a_long_array_says_which_length_fits():
    shared.assert_a_long_array_is_refused_naming_the_length_that_fits(
        ID, 100_000, order=shared.descending
    )


def test_the_measured_cost_chart_counts_match_the_formulas():
    from algorithms.classical.merge_sort.cost import measured

    m = measured()
    n = m.sizes  # powers of two
    k = np.log2(n).astype(int)
    for kind in ("sorted", "reversed"):
        assert m.counts["comparisons"][kind].tolist() == (n * k // 2).tolist()
    for kind in ("sorted", "reversed", "random"):
        assert m.counts["writes"][kind].tolist() == (2 * n * k).tolist()
