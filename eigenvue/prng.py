"""The string-seeded pseudo-random generator of the Eigenvue step format.

A DJB2 hash of the seed string starts a Mulberry32 generator. Mulberry32's
state advances by a constant each call, so the k-th output is a pure
function of k: :meth:`StringRandom.random_array` draws a million numbers in a
few milliseconds, bit-identical to drawing them one by one.
"""

from __future__ import annotations

import numpy as np

_MASK = 0xFFFFFFFF
_INCREMENT = 0x6D2B79F5


def djb2(text: str) -> int:
    """The 32-bit DJB2 hash of ``text`` over its code points (unsigned)."""
    h = 5381
    for char in text:
        h = (h * 33 + ord(char)) & _MASK
    return h


def _mulberry32(states: np.ndarray) -> np.ndarray:
    """Mulberry32's output for each (already advanced) uint32 state, as floats in [0, 1)."""
    s = states
    t = (s ^ (s >> np.uint32(15))) * (s | np.uint32(1))
    t = (t + (t ^ (t >> np.uint32(7))) * (t | np.uint32(61))) ^ t
    return (t ^ (t >> np.uint32(14))).astype(np.float64) / 4294967296.0


class StringRandom:
    """A deterministic generator of floats in [0, 1) seeded by a string.

    Parameters
    ----------
    seed : str
        Any string; equal strings give equal sequences.

    Examples
    --------
    >>> rng = StringRandom("test")
    >>> rng.random()
    0.14343471289612353
    """

    def __init__(self, seed: str) -> None:
        self.seed = seed
        self._state = djb2(seed)

    def random_array(self, n: int) -> np.ndarray:
        """The next ``n`` draws, in order, as a float64 array."""
        k = np.arange(1, n + 1, dtype=np.uint64)
        states = ((k * np.uint64(_INCREMENT) + np.uint64(self._state)) & np.uint64(_MASK)).astype(
            np.uint32
        )
        self._state = (self._state + n * _INCREMENT) & _MASK
        return _mulberry32(states)

    def random(self) -> float:
        """The next draw."""
        return float(self.random_array(1)[0])
