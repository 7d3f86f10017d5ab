"""Quicksort: sorted(), the partition invariant at every placed pivot, the quadratic cases, inputs."""

import numpy as np
import pytest
from hypothesis import given, settings

import eigenvue
from tests.algorithms.classical import sorting_checks as shared
from tests.algorithms.classical.sorting_checks import arrays_of_two_or_more

ID = "quicksort"

REFUSALS = [
    ({"array": "38, 27"}, "array"),
    ({"array": None}, "array"),
    ({"array": {"a": 1}}, "array"),
    ({"array": [1, float("nan")]}, "array[1]"),
    ({"array": [float("inf")]}, "array[0]"),
    ({"array": [False, 1]}, "array[0]"),
    ({"array": [1, "2"]}, "array[1]"),
    ({"array": [1, 2e100]}, "array[1]"),
    ({"array": list(range(5_000))}, "array"),
    ({"pivot": "last"}, "pivot"),
]


def test_sorts_like_sorted():
    shared.check_sorts_like_sorted(ID)


@settings(max_examples=100, deadline=None)
@given(arrays_of_two_or_more)
def test_each_placed_pivot_has_smaller_values_left_and_larger_right(array):
    steps = eigenvue.steps(ID, {"array": array})
    for step in steps:
        s = step["state"]
        if step["id"] == "pivot_placed":
            a, p = s["array"], s["pivotIdx"]
            assert all(v <= a[p] for v in a[s["low"] : p])
            assert all(v > a[p] for v in a[p + 1 : s["high"] + 1])
            assert p in s["sorted"]
        if step["id"] == "partition_swap":
            # Lomuto's invariant: A[low … i] ≤ pivot < A[i+1 … j].
            a, i, j = s["array"], s["i"], s["j"]
            assert all(v <= s["pivot"] for v in a[s["low"] : i + 1])
            assert all(v > s["pivot"] for v in a[i + 1 : j + 1])
    # Counted comparisons are the comparison steps, one per value scanned per partition.
    assert steps[-1]["state"]["comparisons"] == sum(s["id"] == "partition_compare" for s in steps)


@pytest.mark.parametrize("n", [2, 8, 20])
def test_sorted_reversed_and_equal_inputs_are_quadratic(n):
    quadratic = n * (n - 1) // 2
    for array in (list(range(n)), list(range(n, 0, -1)), [7] * n):
        assert eigenvue.steps(ID, {"array": array})[-1]["state"]["comparisons"] == quadratic


def test_balanced_pivots_take_fewer_comparisons():
    # The pivot 4 splits the 7 values 3 | 3 (6 comparisons), and the pivots of both sides,
    # 2 and 6 once partitioned, are their medians (2 comparisons each): 10, far below 21.
    final = eigenvue.steps(ID, {"array": [1, 3, 2, 6, 5, 7, 4]})[-1]["state"]
    assert final["comparisons"] == 10


def test_hand_worked_first_partition_of_the_default():
    steps = eigenvue.steps(ID)
    placed = next(s["state"] for s in steps if s["id"] == "pivot_placed")
    assert placed["pivotIdx"] == 2 and placed["array"][:3] == [3, 9, 10]


def test_the_refusal_of_a_long_array_says_which_length_fits():
    shared.assert_a_long_array_is_refused_naming_the_length_that_fits(
        ID, 5_000, order=shared.ascending
    )


def test_the_measured_cost_chart_counts_match_the_formulas():
    from algorithms.classical.quicksort.cost import measured

    m = measured()
    n = m.sizes
    for kind in ("sorted", "reversed"):
        assert m.counts["comparisons"][kind].tolist() == (n * (n - 1) // 2).tolist()
    # Random input stays within a small factor of n log₂ n (about 1.39 n log₂ n on average).
    ratio = m.counts["comparisons"]["random"][-1] / (n[-1] * np.log2(n[-1]))
    assert 0.8 < ratio < 2.0
