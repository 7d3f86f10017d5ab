"""The Bloch-sphere lesson, step by step: each state's angles, point and probabilities.

For every one-qubit state α0|0⟩ + α1|1⟩ of the input the trace records its
polar angle θ, azimuth φ, the point (x, y, z) on the unit sphere and the two
measurement probabilities, with :mod:`..statevector`'s conventions (those of
Eigenvue 1.0.2, poles included).
"""

from __future__ import annotations

from collections.abc import Iterator

from eigenvue.step import Step
from eigenvue.text import number

from .. import statevector as sv
from .inputs import Inputs


def where(x: float, y: float, z: float) -> str:
    """A landmark name for points on an axis of the sphere, else ''."""
    names = {
        (0, 0, 1): "the north pole, |0⟩",
        (0, 0, -1): "the south pole, |1⟩",
        (1, 0, 0): "|+⟩ on the +x axis",
        (-1, 0, 0): "|−⟩ on the −x axis",
        (0, 1, 0): "|+i⟩ on the +y axis",
        (0, -1, 0): "|−i⟩ on the −y axis",
    }
    key = tuple(round(v) if abs(v - round(v)) < 1e-9 else None for v in (x, y, z))
    return names.get(key, "")  # type: ignore[arg-type]


def trace(inputs: Inputs) -> Iterator[Step]:
    """Yield the introduction, then one step per state; the last one is terminal."""
    sequence = [entry.as_dict() for entry in inputs.stateSequence]
    yield Step(
        id="introduction",
        title="A qubit is a point on a sphere",
        explanation=(
            "A qubit's state α0|0⟩ + α1|1⟩ has two complex amplitudes with |α0|² + |α1|² = 1. "
            "Up to a global phase it is fixed by two angles, θ = 2·acos|α0| from the north pole "
            "and the relative phase φ = arg α1 − arg α0 around the axis: a point on the Bloch "
            f"sphere. We start at |0⟩, the north pole, and visit {len(sequence)} states."
        ),
        phase="introduction",
        lines="start",
        state={
            "stateSequence": sequence,
            "currentIndex": -1,
            "alpha0": [1, 0],
            "alpha1": [0, 0],
            "theta": 0,
            "phi": 0,
            "blochX": 0,
            "blochY": 0,
            "blochZ": 1,
            "probZero": 1,
            "probOne": 0,
        },
    )
    last = len(sequence) - 1
    for i, entry in enumerate(inputs.stateSequence):
        re0, im0, re1, im1 = entry.amplitudes
        a0, a1 = complex(re0, im0), complex(re1, im1)
        theta, phi = sv.bloch_angles(a0, a1)
        x, y, z = sv.bloch_vector(theta, phi)
        p0, p1 = re0 * re0 + im0 * im0, re1 * re1 + im1 * im1
        landmark = where(x, y, z)
        caption = f" ({entry.gate} applied)" if entry.gate else ""
        yield Step(
            id=f"show_state_{i}",
            title=f"State {i + 1}: {entry.label}",
            explanation=(
                f"{entry.label}{caption}: α0 = {sv.amplitude_text(a0)}, "
                f"α1 = {sv.amplitude_text(a1)}, so θ = {sv.angle_text(theta)} and "
                f"φ = {sv.angle_text(phi)}; the point (x, y, z) = "
                f"({', '.join(sv.coordinate_text(v) for v in (x, y, z))})"
                + (f" is {landmark}" if landmark else "")
                + f". Measuring gives 0 with probability {number(p0, 3)} and 1 with "
                f"probability {number(p1, 3)}."
            ),
            phase="exploration",
            lines=("loop", "angles", "point", "probs"),
            is_terminal=i == last,
            state={
                "stateSequence": sequence,
                "currentIndex": i,
                "alpha0": [re0, im0],
                "alpha1": [re1, im1],
                "theta": theta,
                "phi": phi,
                "blochX": x,
                "blochY": y,
                "blochZ": z,
                "probZero": p0,
                "probOne": p1,
                "gate": entry.gate or None,
            },
            visual_actions=[
                {"type": "rotateBlochSphere", "theta": theta, "phi": phi, "label": entry.label}
            ],
        )
