"""Binary search's comparisons, measured for n = 8 … 1,024: targets present, absent, past the end."""

from __future__ import annotations

from functools import cache

import numpy as np

from ..sorting_cost import Counts, Maker, Measurement, measure
from .search import count


def _evens(n: int) -> list[int]:
    return list(range(0, 2 * n, 2))


def _every_present(n: int, rng: np.random.Generator) -> tuple[list[int], list[int]]:
    """Even numbers 0, 2, …, each of them the target in turn."""
    return _evens(n), _evens(n)


def _every_gap(n: int, rng: np.random.Generator) -> tuple[list[int], list[int]]:
    """Even numbers; every odd number between them (and before the first) in turn."""
    return _evens(n), [v - 1 for v in _evens(n)]


def _past_the_end(n: int, rng: np.random.Generator) -> tuple[list[int], list[int]]:
    """Even numbers; a target larger than all, so every probe goes right."""
    return _evens(n), [2 * n]


KINDS: dict[str, Maker] = {
    "target present": _every_present,
    "target absent": _every_gap,
    "target past the end": _past_the_end,
}


def _mean_over_targets(case: tuple[list[int], list[int]]) -> Counts:
    """The comparisons of one search, averaged over the case's targets."""
    array, targets = case
    total = sum(count(array, target).comparisons for target in targets)
    return Counts(comparisons=round(total / len(targets), 2))


@cache
def measured() -> Measurement:
    """Comparisons of :func:`.search.count` on sorted arrays, averaged over targets of each kind."""
    return measure(_mean_over_targets, kinds=KINDS)
