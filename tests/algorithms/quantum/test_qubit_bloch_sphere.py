"""qubit-bloch-sphere: the point on the sphere against ⟨X⟩, ⟨Y⟩, ⟨Z⟩ of the density matrix."""

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import eigenvue
from tests.refusals import assert_refused

ID = "qubit-bloch-sphere"
H = 0.7071067811865476

REFUSALS = [
    (
        {"stateSequence": [{"label": "bad", "amplitudes": [1, 0, 1, 0]}]},
        "stateSequence[0].amplitudes",
    ),
    (
        {"stateSequence": [{"label": "+", "amplitudes": [0.7071, 0, 0.7071, 0]}]},
        "stateSequence[0].amplitudes",
    ),
    (
        {
            "stateSequence": [
                {"label": "0", "amplitudes": [1, 0, 0, 0]},
                {"label": "zero", "amplitudes": [0, 0, 0, 0]},
            ]
        },
        "stateSequence[1].amplitudes",
    ),
    (
        {"stateSequence": [{"label": "short", "amplitudes": [1, 0, 0]}]},
        "stateSequence[0].amplitudes",
    ),
    (
        {"stateSequence": [{"label": "nan", "amplitudes": [float("nan"), 0, 0, 0]}]},
        "stateSequence[0].amplitudes[0]",
    ),
    (
        {"stateSequence": [{"label": "big", "amplitudes": [2, 0, 0, 0]}]},
        "stateSequence[0].amplitudes[0]",
    ),
    ({"stateSequence": [{"amplitudes": [1, 0, 0, 0]}]}, "stateSequence[0].label"),
    ({"stateSequence": []}, "stateSequence"),
    ({"stateSequence": [{"label": "0", "amplitudes": [1, 0, 0, 0]}] * 1001}, "stateSequence"),
]

PAULI = {
    "x": np.array([[0, 1], [1, 0]]),
    "y": np.array([[0, -1j], [1j, 0]]),
    "z": np.array([[1, 0], [0, -1]]),
}


def expectations(a0: complex, a1: complex) -> dict[str, float]:
    """⟨σ⟩ = tr(ρσ) with ρ = |ψ⟩⟨ψ|: the Bloch vector, from no angle at all."""
    psi = np.array([a0, a1])
    rho = np.outer(psi, psi.conj())
    return {axis: float(np.trace(rho @ sigma).real) for axis, sigma in PAULI.items()}


def unit_qubits():
    """Random normalised (α0, α1) from four Gaussian numbers."""
    return (
        st.lists(st.floats(-1, 1, allow_nan=False), min_size=4, max_size=4)
        .filter(lambda v: sum(x * x for x in v) > 1e-3)
        .map(lambda v: [x / math.sqrt(sum(y * y for y in v)) for x in v])
    )


@settings(max_examples=150, deadline=None)
@given(st.lists(unit_qubits(), min_size=1, max_size=4))
def test_the_point_is_the_expectation_of_the_pauli_operators(states):
    sequence = [{"label": f"s{i}", "amplitudes": a} for i, a in enumerate(states)]
    steps = eigenvue.steps(ID, {"stateSequence": sequence})
    for step, amplitudes in zip(steps[1:], states):
        s = step["state"]
        re0, im0, re1, im1 = amplitudes
        expected = expectations(complex(re0, im0), complex(re1, im1))
        got = {"x": s["blochX"], "y": s["blochY"], "z": s["blochZ"]}
        for axis in "xyz":
            assert math.isclose(got[axis], expected[axis], abs_tol=1e-9), axis
        assert math.isclose(s["probZero"], (1 + expected["z"]) / 2, abs_tol=1e-12)
        assert math.isclose(s["probZero"] + s["probOne"], 1, abs_tol=1e-9)
        assert 0 <= s["theta"] <= math.pi and 0 <= s["phi"] <= 2 * math.pi
        # The angles rebuild the state up to a global phase.
        rebuilt = np.array(
            [math.cos(s["theta"] / 2), np.exp(1j * s["phi"]) * math.sin(s["theta"] / 2)]
        )
        overlap = abs(np.vdot(rebuilt, [complex(re0, im0), complex(re1, im1)])) ** 2
        assert math.isclose(overlap, 1, abs_tol=1e-9)


def test_the_six_axis_states_land_on_the_axes_by_hand():
    cases = {
        "|0⟩": ([1, 0, 0, 0], (0, 0, 1)),
        "|1⟩": ([0, 0, 1, 0], (0, 0, -1)),
        "|+⟩": ([H, 0, H, 0], (1, 0, 0)),
        "|−⟩": ([H, 0, -H, 0], (-1, 0, 0)),
        "|+i⟩": ([H, 0, 0, H], (0, 1, 0)),
        "|−i⟩": ([H, 0, 0, -H], (0, -1, 0)),
    }
    sequence = [{"label": k, "amplitudes": a} for k, (a, _) in cases.items()]
    for step, (_, point) in zip(
        eigenvue.steps(ID, {"stateSequence": sequence})[1:], cases.values()
    ):
        s = step["state"]
        np.testing.assert_allclose([s["blochX"], s["blochY"], s["blochZ"]], point, atol=1e-12)


def test_a_near_miss_of_one_over_root_two_is_refused_with_its_squared_sum():
    error = assert_refused(
        ID, {"stateSequence": [{"label": "+", "amplitudes": [0.7071, 0, 0.7071, 0]}]}
    )
    assert "0.99998" in str(error) and "'+'" in str(error)
