"""What the sorting tests share.

Random arrays, ``sorted()`` as the reference, a stability check on records that compare by
key alone, and the refusal of an array too long to trace.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import total_ordering
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import eigenvue
from tests.refusals import assert_refused

#: Arrays of up to 24 small ints and finite floats, mixed: what a sort is given.
arrays = st.lists(st.integers(-20, 20) | st.floats(-1e6, 1e6, allow_nan=False), max_size=24)
#: The arrays in which something can move.
arrays_of_two_or_more = arrays.filter(lambda a: len(a) > 1)


def check_sorts_like_sorted(algorithm: str, *, max_examples: int = 120) -> None:
    """Hypothesis: for any array, the last step's array is ``sorted(array)``."""

    @settings(max_examples=max_examples, deadline=None)
    @given(arrays)
    def sorts_like_sorted(array: list[float]) -> None:
        final = eigenvue.steps(algorithm, {"array": array})[-1]["state"]
        assert final["array"] == sorted(array)

    sorts_like_sorted()


@total_ordering
class Record:
    """A key and the position it started at; only the key takes part in comparisons."""

    def __init__(self, key: int, origin: int) -> None:
        self.key, self.origin = key, origin

    def __eq__(self, other: Any) -> bool:
        return self.key == other.key

    def __lt__(self, other: Any) -> bool:
        return self.key < other.key


def check_sorts_records_stably(
    sort: Callable[[list[Record]], Iterable[Any]], *, max_size: int, max_examples: int = 100
) -> None:
    """Hypothesis: records with equal keys keep their order, as in ``sorted()`` (stable).

    ``sort`` starts the plugin's sort on a list of records, in place; its steps are run
    to the end.
    """

    @settings(max_examples=max_examples, deadline=None)
    @given(st.lists(st.integers(0, 4), max_size=max_size))
    def equal_keys_keep_their_order(keys: list[int]) -> None:
        records = [Record(k, i) for i, k in enumerate(keys)]
        for _ in sort(records):
            pass
        expected = sorted((Record(k, i) for i, k in enumerate(keys)), key=lambda r: r.key)
        assert [(r.key, r.origin) for r in records] == [(r.key, r.origin) for r in expected]

    equal_keys_keep_their_order()


def assert_a_long_array_is_refused_naming_the_length_that_fits(
    algorithm: str, too_long: int, *, order: Callable[[int], list[int]]
) -> None:
    """An array of ``too_long`` values is refused, naming the longest that fits.

    The longest that fits, as ``order(length)`` (for a sort whose cost depends on the order,
    its worst case), runs; one value more is refused.
    """
    error = assert_refused(algorithm, {"array": list(range(too_long))}, "array")
    fits = int(str(error).rsplit("an array of ", 1)[1].split()[0].replace(",", ""))
    eigenvue.steps(algorithm, {"array": order(fits)})
    assert_refused(algorithm, {"array": list(range(fits + 1))}, "array")


def ascending(n: int) -> list[int]:
    """0, 1, …, n - 1."""
    return list(range(n))


def descending(n: int) -> list[int]:
    """n, n - 1, …, 1."""
    return list(range(n, 0, -1))
