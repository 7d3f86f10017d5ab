"""The running sum, one step per number added."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from eigenvue import Step

from .inputs import Inputs


def trace(inputs: Inputs) -> Iterator[Step]:
    """Yield the start, one step per value, and the result."""
    values = np.asarray(inputs.values, dtype=float)
    totals = inputs.start + np.cumsum(values)
    yield Step(
        id="start",
        title="Start from the given total",
        explanation=f"The total starts at {inputs.start:g}.",
        phase="setup",
        lines="init",
        state={"values": values, "i": -1, "total": inputs.start},
    )
    for i in range(values.size):
        yield Step(
            id="add",
            title=f"Add values[{i}]",
            explanation=f"Adding {values[i]:g} makes the total {totals[i]:g}.",
            phase="add",
            lines="add",
            state={"values": values, "i": i, "total": float(totals[i])},
        )
    yield Step(
        id="done",
        title="The sum",
        explanation=f"Every value is added: the total is {totals[-1]:g}.",
        phase="result",
        lines="result",
        is_terminal=True,
        state={"values": values, "i": values.size, "total": float(totals[-1])},
    )
