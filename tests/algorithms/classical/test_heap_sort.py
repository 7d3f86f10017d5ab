"""Heap sort: sorted(), the heap property after every sift-down (heapq as a second opinion), inputs."""

import heapq
import math

import numpy as np
import pytest
from hypothesis import given, settings

import eigenvue
from tests.algorithms.classical import sorting_checks as shared
from tests.algorithms.classical.sorting_checks import arrays_of_two_or_more
from tests.frames_check import assert_built_once_and_updated_in_place, draw_diagram

ID = "heap-sort"

REFUSALS = [
    ({"array": "3 1 4"}, "array"),
    ({"array": None}, "array"),
    ({"array": [3, float("nan")]}, "array[1]"),
    ({"array": [3, float("inf")]}, "array[1]"),
    ({"array": [3, True]}, "array[1]"),
    ({"array": [3, "1"]}, "array[1]"),
    ({"array": [3, -1e200]}, "array[1]"),
    ({"array": list(range(50_000))}, "array"),
    ({"heap": [3, 1]}, "heap"),
]


def is_max_heap(a, size):
    return all(a[(i - 1) // 2] >= a[i] for i in range(1, size))


def test_sorts_like_sorted():
    shared.check_sorts_like_sorted(ID)


@settings(max_examples=100, deadline=None)
@given(arrays_of_two_or_more)
def test_the_heap_holds_after_every_sift_down_and_each_extraction_takes_its_maximum(array):
    steps = eigenvue.steps(ID, {"array": array})
    ids = [s["id"] for s in steps]
    built = ids.index("heap_built")
    assert is_max_heap(steps[built]["state"]["array"], len(array))
    for before, step in zip(steps, steps[1:]):
        s = step["state"]
        if step["id"] == "extract_swap":
            # The step before is the end of a sift-down: the heap part is a max-heap again.
            size = before["state"]["heapSize"]
            heap = before["state"]["array"][:size]
            assert is_max_heap(heap, size)
            # heapq, on negated values, agrees on the maximum that moves to the end.
            assert s["array"][s["largest"]] == heapq.nlargest(1, heap)[0]
            assert s["array"][s["largest"] :] == sorted(s["array"][s["largest"] :])
        if step["id"] == "heapify_node":
            # Sifting down parents from the last: every subtree below this one is a heap.
            a, node = s["array"], s["node"]
            assert all(
                a[(i - 1) // 2] >= a[i] for i in range(2 * node + 1, len(a)) if (i - 1) // 2 > node
            )


@settings(max_examples=60, deadline=None)
@given(arrays_of_two_or_more)
def test_heapq_builds_the_same_extraction_order(array):
    steps = eigenvue.steps(ID, {"array": array})
    extracted = [
        s["state"]["array"][s["state"]["largest"]] for s in steps if s["id"] == "extract_swap"
    ]
    negated = [-v for v in array]
    heapq.heapify(negated)
    assert extracted == [-heapq.heappop(negated) for _ in range(len(array) - 1)]


@pytest.mark.parametrize("n", [2, 9, 33])
def test_sift_downs_stay_within_the_tree_height(n):
    steps = eigenvue.steps(ID, {"array": list(range(n))})
    height = math.floor(math.log2(n))
    run = 0
    for step in steps:
        if step["id"] in ("heapify_node", "extract_siftdown"):
            run = 0
        elif step["id"] == "siftdown_swap":
            run += 1
            assert run <= height
    final = steps[-1]["state"]
    assert final["swaps"] <= n // 2 * height + (n - 1) * (1 + height)


def test_all_equal_values_are_never_swapped_by_a_sift_down():
    steps = eigenvue.steps(ID, {"array": [5] * 7})
    assert "siftdown_swap" not in [s["id"] for s in steps]
    assert steps[-1]["state"]["swaps"] == 6  # one extraction swap per value but the last


def test_the_refusal_of_a_long_array_says_which_length_fits():
    shared.assert_a_long_array_is_refused_naming_the_length_that_fits(
        ID, 50_000, order=shared.ascending
    )


def test_the_measured_cost_chart_counts_stay_within_2_n_log2_n():
    from algorithms.classical.heap_sort.cost import measured

    m = measured()
    n = m.sizes
    for kind in ("sorted", "reversed", "random"):
        comparisons = m.counts["comparisons"][kind]
        assert (comparisons <= 2 * n * np.log2(n) + 2 * n).all()
        assert (comparisons >= n * np.log2(n) / 2).all()


# -- frames ----------------------------------------------------------------------------------


def test_the_tree_shows_the_array_values_at_every_step():
    trace = eigenvue.trace(ID, {"array": [3, 1, 4, 1, 5, 9, 2, 6]})
    assert_built_once_and_updated_in_place(trace)
    diagram, _ = draw_diagram(trace, indices=[0])
    for step in trace:
        diagram.update(step)
        labels = [t.get_text() for t in diagram.tree._labels]
        assert labels == [str(v) for v in step.state["array"]]
