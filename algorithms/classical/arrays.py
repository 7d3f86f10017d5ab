"""The array of the searches and sorts: its input, the limit on its trace, its snapshots.

One definition for binary search and the four sorts: a list of finite numbers
(ints stay ints, so a trace shows ``64`` where the user wrote 64); a
:class:`~eigenvue.inputs.Limit` that refuses, before any work, an array whose
trace would be too large, saying which array length still fits; and the
snapshot of the array a step's state holds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from types import SimpleNamespace
from typing import Annotated, Any

import numpy as np
from pydantic import Field, ValidatorFunctionWrapHandler, WrapValidator, model_validator

import eigenvue
from eigenvue.inputs import Limit
from eigenvue.step import Step

from .sorting_cost import Counts

#: Values stay within this magnitude, so differences and plot ranges stay finite in float64.
MAX_MAGNITUDE = 1e100

#: The largest trace accepted, in numbers held by its steps (steps × state size): about a
#: second and well under 250 MB in ``eigenvue.steps`` (see bench/bench_classical_sorts.py).
MAX_TRACE_NUMBERS = 4_000_000


def _number(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    """A finite number of magnitude at most 1e100; an int is kept as an int."""
    plain_number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if plain_number and abs(value) > MAX_MAGNITUDE:
        raise ValueError("must be at most 1e100 in magnitude")
    checked = handler(value)
    return value if type(value) is int else checked


#: One array entry: a finite int or float (not a bool, not a string).
Number = Annotated[float, Field(allow_inf_nan=False), WrapValidator(_number)]


def largest_fitting(cost: Callable[[int], float], limit: float) -> int:
    """The largest n with ``cost(n) <= limit``, for a cost that grows with n."""
    low, high = 0, 1
    while cost(high) <= limit:
        low, high = high, high * 2
    while high - low > 1:
        mid = (low + high) // 2
        low, high = (mid, high) if cost(mid) <= limit else (low, mid)
    return low


def trace_limit(
    steps: Callable[[int], float],
    state_size: Callable[[int], float],
    *,
    input: str = "array",
    limit: float = MAX_TRACE_NUMBERS,
) -> Limit:
    """A rule refusing arrays whose worst-case trace holds more than ``limit`` numbers.

    Parameters
    ----------
    steps : callable
        ``steps(n)``: the most steps the algorithm emits for an array of n items
        (the worst case over all arrays of that length, so the rule does not
        depend on the values and a user can predict it).
    state_size : callable
        ``state_size(n)``: the numbers one step's state holds.
    input : str
        The input named by the error.
    limit : float
        The largest accepted steps × state size.

    Examples
    --------
    >>> rule = trace_limit(lambda n: n * n, lambda n: 2 * n)  # doctest: +SKIP
    """

    def cost_of(n: int) -> float:
        return steps(n) * state_size(n)

    def cost(inputs: Any) -> float:
        return cost_of(len(getattr(inputs, input)))

    def largest(inputs: Any) -> str:
        return f"an array of {largest_fitting(cost_of, limit):,} items"

    return Limit(input=input, cost=cost, limit=limit, largest=largest, unit="numbers")


class ArrayInputs(eigenvue.Inputs):
    """Inputs holding one array: its size limits are checked before its entries are.

    Checking a million entries one by one takes long enough to be the work the
    limit exists to avoid, so each :class:`~eigenvue.inputs.Limit` in ``rules`` is
    first applied to the raw inputs, by their length alone.
    """

    @model_validator(mode="before")
    @classmethod
    def _limits_before_entries(cls, data: Any) -> Any:
        if isinstance(data, Mapping):
            sized = {
                key: value
                for key, value in data.items()
                if hasattr(value, "__len__") and not isinstance(value, (str, bytes, Mapping))
            }
            for rule in cls.rules:
                if isinstance(rule, Limit) and rule.input in sized:
                    rule(SimpleNamespace(**sized))
        return data


def snapshot(values: list[Any]) -> np.ndarray:
    """The array as a step shows it: a read-only copy holding the very values given.

    An object array keeps each value as the user wrote it (an int stays an int) and
    becomes a JSON list in one C call; steps in which the array did not change share
    one snapshot.
    """
    out = np.empty(len(values), dtype=object)
    out[:] = values
    out.flags.writeable = False
    return out


def nothing_to_sort(
    n: int,
    state: dict[str, Any],
    *,
    id: str = "already_sorted",
    lines: str | tuple[str, ...] = "trivial",
    phase: str | None = None,
) -> Step:
    """The one, terminal step of a sort given fewer than two items.

    Every sort says the same thing here; only the step id, the pseudocode lines and
    the state (the array and the sort's own counters) are the sort's.
    """
    return Step(
        id=id,
        title="Nothing to sort",
        explanation=f"An array of {n} item{'' if n == 1 else 's'} is already sorted.",
        phase=phase,
        lines=lines,
        is_terminal=True,
        state=state,
    )


def sort_trace(
    moves: str,
) -> Callable[[Callable[[list[Any], Counts], Iterator[Step]]], Callable[[Any], Iterator[Step]]]:
    """Make a sort's trace function from the steps it takes on two or more values.

    The decorated function is given the array as a list and a fresh :class:`Counts`;
    an array of fewer than two values gets the one :func:`nothing_to_sort` step,
    with the comparisons and ``moves`` (``"swaps"`` or ``"writes"``) at zero.
    """

    def decorate(
        steps: Callable[[list[Any], Counts], Iterator[Step]],
    ) -> Callable[[Any], Iterator[Step]]:
        def trace(inputs: Any) -> Iterator[Step]:
            a = list(inputs.array)
            if len(a) <= 1:
                yield nothing_to_sort(len(a), {"array": snapshot(a), "comparisons": 0, moves: 0})
                return
            yield from steps(a, Counts())

        trace.__name__, trace.__qualname__ = steps.__name__, steps.__qualname__
        trace.__doc__, trace.__module__ = steps.__doc__, steps.__module__
        return trace

    return decorate


def sort_start(name: str, explanation: str, state: dict[str, Any], **more: Any) -> Step:
    """The first step of a sort of two or more values (``more``: e.g. its phase)."""
    return Step(
        id="initialize",
        title=f"Start {name}",
        explanation=explanation,
        lines="start",
        state=state,
        **more,
    )


def sorted_step(
    why: str,
    counts: Counts,
    moves: str,
    state: dict[str, Any],
    *,
    id: str = "complete",
    lines: str | tuple[str, ...] = "done",
    phase: str | None = None,
) -> Step:
    """The last step of a sort: ``why`` the array is sorted, and what the sort cost.

    ``moves`` names the counter reported beside the comparisons (``"swaps"`` or
    ``"writes"``); every position is marked sorted.
    """
    n = len(state["array"])
    return Step(
        id=id,
        title="Sorted",
        explanation=(
            f"{why}: the array is sorted, after {counts.comparisons} comparisons and "
            f"{getattr(counts, moves)} {moves}."
        ),
        phase=phase,
        lines=lines,
        is_terminal=True,
        state=state,
        visual_actions=[{"type": "markSorted", "indices": list(range(n))}],
    )
