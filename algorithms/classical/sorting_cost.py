"""Counting what a sort or a search costs: comparisons and swaps (or writes), by input kind.

Each algorithm's implementation counts its own operations in a :class:`Counts`
as it runs; this module feeds it seeded arrays of growing size — random,
already sorted, reversed — and collects the counts, so that every page's
"measured cost" chart is measured from the code that makes its trace.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

#: The array lengths measured: 8, 16, …, 1,024.
SIZES: tuple[int, ...] = tuple(2**k for k in range(3, 11))
#: ``make(n, rng)``: an input of size n (an array; for a search, the array and a target).
Maker = Callable[[int, np.random.Generator], Any]

#: The input kinds measured, each a function of (n, random generator) giving an array.
KINDS: dict[str, Maker] = {
    "random": lambda n, rng: rng.integers(0, 10 * n, size=n).tolist(),
    "sorted": lambda n, rng: list(range(n)),
    "reversed": lambda n, rng: list(range(n, 0, -1)),
}
SEED = 2024


@dataclass
class Counts:
    """Operations counted so far.

    Attributes
    ----------
    comparisons : int
        Comparisons between two values of the array (or a value and the target).
    swaps : int
        Exchanges of two array entries (the in-place sorts).
    writes : int
        Single entries written to the array or a buffer (merge sort).
    """

    comparisons: int = 0
    swaps: int = 0
    writes: int = 0

    def shown(self, moves: str) -> dict[str, int]:
        """The counters a sort's step state holds: comparisons and ``moves`` (swaps or writes)."""
        return {"comparisons": self.comparisons, moves: getattr(self, moves)}


OPERATIONS = ("comparisons", "swaps", "writes")


@dataclass
class Measurement:
    """Counts measured for one algorithm: ``counts[operation][kind]`` at each of ``sizes``."""

    sizes: np.ndarray
    counts: dict[str, dict[str, np.ndarray]] = field(default_factory=dict)


def measure(
    run: Callable[[Any], Counts],
    sizes: Sequence[int] = SIZES,
    kinds: Mapping[str, Maker] = KINDS,
    seed: int = SEED,
) -> Measurement:
    """Run ``run`` on arrays of each kind and size and collect its counts.

    Parameters
    ----------
    run : callable
        Runs the algorithm on what a kind makes (a list, which it may reorder) and
        returns its :class:`Counts`.
    sizes : sequence of int
        The array lengths.
    kinds : mapping of str to callable
        Input kinds by name: ``make(n, rng)`` gives an array of n items (:data:`KINDS`).
    seed : int
        Seed of the random arrays, so that a chart is the same at every build.

    Examples
    --------
    >>> def linear_scan(values):
    ...     counts = Counts()
    ...     for v in values:
    ...         counts.comparisons += 1
    ...     return counts
    >>> measure(linear_scan, sizes=[8, 16]).counts["comparisons"]["sorted"].tolist()
    [8, 16]
    """
    out = Measurement(sizes=np.asarray(sizes), counts={op: {} for op in OPERATIONS})
    for kind, make in kinds.items():
        rng = np.random.default_rng(seed)
        runs = [run(make(n, rng)) for n in sizes]
        for op in OPERATIONS:
            out.counts[op][kind] = np.array([getattr(c, op) for c in runs])
    return out


#: Growth laws a measured cost is drawn against.
LAWS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "log₂ n": np.log2,
    "n": lambda n: n,
    "n log₂ n": lambda n: n * np.log2(n),
    "n²": lambda n: n * n,
}


def reference_curves(
    sizes: np.ndarray,
    measured: Mapping[str, np.ndarray],
    laws: Sequence[str] = ("n log₂ n", "n²"),
) -> dict[str, np.ndarray]:
    """Growth laws of :data:`LAWS`, each scaled to the measured curve it follows best.

    For each law and each measured curve the constant is fitted on a log scale (the
    geometric mean of measured / law); the law is drawn with the constant of the curve
    it fits with the smallest spread, so it lies on that curve over the whole range
    and crosses the curves that grow otherwise: shapes are compared, not constants.

    Examples
    --------
    >>> sizes = np.array([8, 16, 32])
    >>> curves = reference_curves(sizes, {"worst": np.array([32, 128, 512])})
    >>> curves["n²"].tolist()
    [32.0, 128.0, 512.0]
    """
    n = sizes.astype(float)
    out = {}
    for name in laws:
        law = LAWS[name](n)
        best = None
        for counts in measured.values():
            ratio = np.log(np.maximum(np.asarray(counts, dtype=float), 1.0)) - np.log(law)
            if best is None or float(np.std(ratio)) < best[0]:
                best = (float(np.std(ratio)), float(np.exp(np.mean(ratio))))
        out[name] = law * (best[1] if best else 1.0)
    return out


def sort_charts(moves: str) -> list[tuple[str, str]]:
    """The measured-cost charts a sort's page shows, as ``Algorithm.from_package`` takes them.

    Parameters
    ----------
    moves : str
        What the sort counts besides comparisons, plural (``"swaps"`` or ``"writes"``);
        its chart is the frames module's ``<move>_chart``.
    """
    return [
        ("Measured comparisons", ".frames:cost_chart"),
        (f"Measured {moves}", f".frames:{moves.removesuffix('s')}_chart"),
    ]
