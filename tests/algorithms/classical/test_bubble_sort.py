"""Bubble sort: sorted(), stability on equal keys, swaps = inversions, best and worst cases, inputs."""

from itertools import combinations

import pytest
from hypothesis import given, settings

import eigenvue
from algorithms.classical.bubble_sort.sort import bubble_sort
from algorithms.classical.sorting_cost import Counts
from tests.algorithms.classical import sorting_checks as shared
from tests.algorithms.classical.sorting_checks import arrays, arrays_of_two_or_more
from tests.frames_check import (
    assert_built_once_and_updated_in_place,
    assert_each_image_differs_from_the_last,
    draw_diagram,
)

ID = "bubble-sort"

REFUSALS = [
    ({"array": "64, 34, 25"}, "array"),
    ({"array": None}, "array"),
    ({"array": 5}, "array"),
    ({"array": [1, float("nan")]}, "array[1]"),
    ({"array": [float("-inf"), 1]}, "array[0]"),
    ({"array": [1, True]}, "array[1]"),
    ({"array": [1, "2"]}, "array[1]"),
    ({"array": [1, None]}, "array[1]"),
    ({"array": [1, [2]]}, "array[1]"),
    ({"array": [1, -1e101]}, "array[1]"),
    ({"array": [1, 10**400]}, "array[1]"),
    ({"array": list(range(10_000))}, "array"),
    ({"values": [3, 1, 2]}, "values"),
]


def inversions(values):
    return sum(1 for i, j in combinations(range(len(values)), 2) if values[i] > values[j])


@settings(max_examples=120, deadline=None)
@given(arrays)
def test_sorts_like_sorted_and_swaps_once_per_inversion(array):
    steps = eigenvue.steps(ID, {"array": array})
    final = steps[-1]["state"]
    assert final["array"] == sorted(array)
    if len(array) > 1:
        assert sorted(final["sorted"]) == list(range(len(array)))
        assert final["swaps"] == inversions(array)
        assert final["swaps"] == sum(s["id"] == "swap" for s in steps)
        assert final["comparisons"] == sum(s["id"] == "compare" for s in steps)


@settings(max_examples=60, deadline=None)
@given(arrays_of_two_or_more)
def test_every_swap_exchanges_an_adjacent_pair_that_was_out_of_order(array):
    steps = eigenvue.steps(ID, {"array": array})
    for before, step in zip(steps, steps[1:]):
        if step["id"] == "swap":
            j, k = step["state"]["swapped"]
            assert k == j + 1
            a, b = before["state"]["array"], step["state"]["array"]
            assert a[j] > a[k] and b[j] == a[k] and b[k] == a[j]
            assert a[:j] == b[:j] and a[k + 1 :] == b[k + 1 :]


def test_stable_records_with_equal_keys_keep_their_order():
    shared.check_sorts_records_stably(lambda records: bubble_sort(records, Counts()), max_size=30)


@pytest.mark.parametrize("n", [2, 5, 12])
def test_best_and_worst_cases(n):
    best = eigenvue.steps(ID, {"array": list(range(n))})[-1]["state"]
    assert (best["comparisons"], best["swaps"]) == (n - 1, 0)
    worst = eigenvue.steps(ID, {"array": list(range(n, 0, -1))})[-1]["state"]
    assert worst["comparisons"] == worst["swaps"] == n * (n - 1) // 2


def test_hand_worked_3_1_2():
    steps = eigenvue.steps(ID, {"array": [3, 1, 2]})
    assert [s["id"] for s in steps] == [
        "initialize",
        "pass_start",
        "compare",
        "swap",  # [1, 3, 2]
        "compare",
        "swap",  # [1, 2, 3]
        "pass_start",
        "compare",
        "early_termination",
    ]
    assert steps[-1]["state"]["comparisons"] == 3 and steps[-1]["state"]["swaps"] == 2


def test_the_refusal_of_a_long_array_says_which_length_fits():
    shared.assert_a_long_array_is_refused_naming_the_length_that_fits(
        ID, 10_000, order=shared.descending
    )


def test_the_measured_cost_chart_counts_match_the_formulas():
    from algorithms.classical.bubble_sort.cost import measured

    m = measured()
    n = m.sizes
    assert m.counts["comparisons"]["sorted"].tolist() == (n - 1).tolist()
    assert m.counts["swaps"]["sorted"].tolist() == [0] * len(n)
    assert m.counts["swaps"]["reversed"].tolist() == (n * (n - 1) // 2).tolist()
    assert n.tolist() == [8, 16, 32, 64, 128, 256, 512, 1024]


# -- frames ----------------------------------------------------------------------------------


def test_frames_are_built_once_and_show_the_state_counters():
    trace = eigenvue.trace(ID, {"array": [3, 1, 2]})
    assert_built_once_and_updated_in_place(trace)
    diagram, images = draw_diagram(trace)
    assert_each_image_differs_from_the_last(images)
    last = trace[-1].state
    texts = [t.get_text() for t in diagram.counter_line.texts]
    assert texts == [f"comparisons: {last['comparisons']}", f"swaps: {last['swaps']}"]
